"""Access helpers of the activity log: the object a coordinator or editor acts on, or
404 for what does not exist (or is not published) and 403 for what is not theirs."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from agreements.permissions import User
from followup.activities.models import Activity
from followup.activities.permissions import (
    can_add_planned_activity,
    can_change_activity,
    can_log_for_commitment,
)
from pledges.models import Commitment, FocusArea


def get_commitment_for_coordinator(user: User, pk: int) -> Commitment:
    """A commitment of a published pledge the user coordinates, or 404/403."""
    commitment = (
        Commitment.objects.select_related("pledge__police_area", "responsible_municipality")
        .filter(pk=pk)
        .first()
    )
    if commitment is None or not commitment.pledge.is_published:
        raise Http404
    if not can_log_for_commitment(user, commitment):
        raise PermissionDenied
    return commitment


def get_activity_for_coordinator(user: User, pk: int) -> Activity:
    """An activity the user may correct or withdraw, or 404/403."""
    activity = (
        Activity.objects.select_related(
            "commitment__pledge__police_area", "commitment__responsible_municipality"
        )
        .filter(pk=pk)
        .first()
    )
    if activity is None:
        raise Http404
    if not can_change_activity(user, activity):
        raise PermissionDenied
    return activity


def get_focus_area_for_editor(user: User, pk: int) -> FocusArea:
    """A focus area of a published pledge the user edits, or 404/403."""
    area = FocusArea.objects.select_related("pledge__police_area").filter(pk=pk).first()
    if area is None or not area.pledge.is_published:
        raise Http404
    if not can_add_planned_activity(user, area):
        raise PermissionDenied
    return area


def activity_history(activity: Activity) -> QuerySet:
    """Every saved version of an activity, newest first, with who saved it."""
    return activity.history.select_related("history_user").order_by("-history_date", "-pk")
