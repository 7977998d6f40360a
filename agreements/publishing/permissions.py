"""Who may see, edit, send, sign and revise a pledge or agreement before residents do:
the editors and signatories of its parties, no one else."""

from __future__ import annotations

from agreements import permissions as roles
from agreements.models import DatedDocument, document_parties
from agreements.permissions import User


def can_edit(user: User, document: DatedDocument) -> bool:
    """Editors of any party draft, edit, send for signing and start revisions."""
    return roles.can_edit_documents(user, parties=document_parties(document))


def can_sign(user: User, document: DatedDocument) -> bool:
    """Signatories of any party sign, or send back, what the editors sent."""
    return roles.can_sign_off(user, parties=document_parties(document))


def can_view(user: User, document: DatedDocument) -> bool:
    """A draft is seen by its editors; once sent, by its signatories too."""
    if can_edit(user, document):
        return True
    return not document.is_editable and can_sign(user, document)
