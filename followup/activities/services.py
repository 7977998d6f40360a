"""Writes of the activity log: every one checks the role, validates and keeps history."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.permissions import User
from followup.activities.models import Activity, PlannedActivity
from followup.activities.permissions import (
    can_add_planned_activity,
    can_change_activity,
    can_log_for_commitment,
)
from pledges.models import Commitment, FocusArea


class ActivityConflict(Exception):
    """Someone else changed the activity after the editor opened it."""

    def __init__(self, current: Activity) -> None:
        super().__init__(f"Activity {current.pk} is at version {current.version}")
        self.current = current


def _save_with_history(obj, *, user: User) -> None:
    # The request middleware records the user too; set it for commands and tests.
    obj._history_user = user
    obj.save()


@transaction.atomic
def activity_log(
    *,
    user: User,
    commitment: Commitment,
    date: datetime.date,
    text: str,
    count: int = 1,
    place: str = "",
    link: str = "",
    internal_note: str = "",
    kind: str = Activity.Kind.DONE,
    is_example: bool = False,
) -> Activity:
    """Log what was done for a commitment."""
    if not can_log_for_commitment(user, commitment):
        raise PermissionDenied
    now = timezone.now()
    activity = Activity(
        commitment=commitment,
        kind=kind,
        date=date,
        text=text.strip(),
        count=count,
        place=place.strip(),
        link=link.strip(),
        internal_note=internal_note.strip(),
        is_example=is_example,
        created_by=user,
        created_at=now,
        updated_at=now,
    )
    activity.full_clean()
    _save_with_history(activity, user=user)
    return activity


def _locked(activity: Activity) -> Activity:
    return (
        Activity.objects.select_for_update(of=("self",))
        .select_related("commitment__pledge__police_area")
        .get(pk=activity.pk)
    )


@transaction.atomic
def activity_correct(
    *,
    user: User,
    activity: Activity,
    version: int,
    date: datetime.date,
    text: str,
    count: int,
    place: str = "",
    link: str = "",
    internal_note: str = "",
    kind: str | None = None,
) -> Activity:
    """Correct a logged activity; raises ActivityConflict if it changed since ``version``."""
    current = _locked(activity)
    if not can_change_activity(user, current):
        raise PermissionDenied
    if current.is_withdrawn:
        raise ValidationError(_("Aktiviteten är återkallad och kan inte ändras."))
    if current.version != version:
        raise ActivityConflict(current)
    current.date = date
    current.text = text.strip()
    current.count = count
    current.place = place.strip()
    current.link = link.strip()
    current.internal_note = internal_note.strip()
    if kind is not None:
        current.kind = kind
    current.version += 1
    current.updated_at = timezone.now()
    current.full_clean()
    _save_with_history(current, user=user)
    return current


@transaction.atomic
def activity_withdraw(*, user: User, activity: Activity) -> Activity:
    """Withdraw an activity: it leaves the public page and stays in the history."""
    current = _locked(activity)
    if not can_change_activity(user, current):
        raise PermissionDenied
    if current.is_withdrawn:
        return current
    current.withdrawn_at = timezone.now()
    current.updated_at = current.withdrawn_at
    current.version += 1
    _save_with_history(current, user=user)
    return current


@transaction.atomic
def planned_activity_add(*, user: User, focus_area: FocusArea, text: str) -> PlannedActivity:
    """Attach a planned activity to a published pledge's focus area."""
    if not can_add_planned_activity(user, focus_area):
        raise PermissionDenied
    planned = PlannedActivity(
        focus_area=focus_area, text=text.strip(), created_by=user, created_at=timezone.now()
    )
    planned.full_clean()
    _save_with_history(planned, user=user)
    return planned
