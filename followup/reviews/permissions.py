"""Who may draft, sign and follow a document's annual review: the roles of its parties."""

from __future__ import annotations

from agreements import permissions as roles
from agreements.models import Agreement, Membership, Party, followup_parties
from agreements.permissions import User
from followup.reviews.models import Review
from pledges.models import Pledge


def can_draft(user: User, document: Pledge | Agreement) -> bool:
    """Coordinators of one of the parties draft, edit, submit and revise reviews."""
    return roles.can_log_activity(user, parties=followup_parties(document))


def can_sign(user: User, document: Pledge | Agreement) -> bool:
    """Signatories of one of the parties sign off reviews and may return them."""
    return roles.can_sign_off(user, parties=followup_parties(document))


def can_view(user: User, document: Pledge | Agreement) -> bool:
    """The parties' coordinators and signatories follow a review in every state."""
    return can_draft(user, document) or can_sign(user, document)


def parties_waiting_for(user: User, review: Review) -> list[Party]:
    """The parties still to sign ``review`` that ``user`` may sign for."""
    return roles.parties_with_role(user, review.missing_parties(), Membership.Role.SIGNATORY)
