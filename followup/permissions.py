"""Pledge-specific rules: which parties a commitment or focus area belongs to.

The role rules themselves live in agreements.permissions; this module only works out
the organisations to pass them.
"""

from __future__ import annotations

from agreements import permissions as roles
from followup.models import Activity
from pledges.models import Commitment, FocusArea, Pledge


def pledge_parties(pledge: Pledge) -> tuple[list[int], int | None]:
    """The pledge's municipality ids and police area id (uses prefetched municipalities)."""
    return [m.pk for m in pledge.municipalities.all()], pledge.police_area_id


def commitment_parties(commitment: Commitment) -> tuple[list[int], int | None]:
    """The parties that answer for a commitment.

    A commitment given by one named municipality of a joint pledge belongs to that
    municipality (and the police), not to the pledge's other municipalities.
    """
    municipality_ids, police_area_id = pledge_parties(commitment.pledge)
    if commitment.responsible == Commitment.Responsible.NAMED_MUNICIPALITY:
        municipality_ids = [commitment.responsible_municipality_id]
    return municipality_ids, police_area_id


def can_log_for_commitment(user, commitment: Commitment) -> bool:
    """Coordinators of the commitment's parties log activities for a published pledge."""
    if not commitment.pledge.is_published:
        return False
    municipality_ids, police_area_id = commitment_parties(commitment)
    return roles.can_log_activity(
        user, municipality_ids=municipality_ids, police_area_id=police_area_id
    )


def can_change_activity(user, activity: Activity) -> bool:
    """Coordinators of the commitment's parties correct or withdraw its activities."""
    municipality_ids, police_area_id = commitment_parties(activity.commitment)
    return roles.can_change_activity(
        user, municipality_ids=municipality_ids, police_area_id=police_area_id
    )


def can_add_planned_activity(user, focus_area: FocusArea) -> bool:
    """Editors of the pledge's parties add planned activities to a published pledge."""
    if not focus_area.pledge.is_published:
        return False
    municipality_ids, police_area_id = pledge_parties(focus_area.pledge)
    return roles.can_edit_documents(
        user, municipality_ids=municipality_ids, police_area_id=police_area_id
    )
