"""Who logs and corrects activities: coordinators of the parties that answer for the
commitment; who adds planned activities: editors of the pledge's parties.

The role rules themselves live in agreements.permissions; this module works out the
parties to ask about.
"""

from __future__ import annotations

from agreements import permissions as roles
from agreements.models import followup_parties
from agreements.permissions import User
from followup.activities.models import Activity
from pledges.models import Commitment, FocusArea


def can_log_for_commitment(user: User, commitment: Commitment) -> bool:
    """Coordinators of the commitment's parties log activities for a published pledge."""
    if not commitment.pledge.is_published:
        return False
    return roles.can_log_activity(user, parties=commitment.answering_parties())


def can_change_activity(user: User, activity: Activity) -> bool:
    """Coordinators of the commitment's parties correct or withdraw its activities."""
    return roles.can_log_activity(user, parties=activity.commitment.answering_parties())


def can_add_planned_activity(user: User, focus_area: FocusArea) -> bool:
    """Editors of the pledge's parties add planned activities to a published pledge."""
    if not focus_area.pledge.is_published:
        return False
    return roles.can_edit_documents(user, parties=followup_parties(focus_area.pledge))
