"""How the annual follow-up continues across a pledge's or agreement's revisions.

A revision of a published document is a new row; its parts name the parts of the
previous revision they were copied from (``copied_from``). When the revision is
published, the activity log moves on to it (``continue_followup``, a receiver of
agreements.publishing.signals.revision_published). Reviews stay on the revision they were
started on (a signed review is frozen); the follow-up reads the reviews of every
revision of a document's chain (``chain_filter``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from agreements.models import DatedDocument
from agreements.permissions import User
from followup.activities.models import Activity, PlannedActivity
from pledges.models import Commitment, Pledge
from portal.choices import PublicationStatus


def chain_root(document: DatedDocument) -> int:
    """The id of the first revision of ``document``'s chain (its own for a first one)."""
    return document.first_revision_id or document.pk


def chain_filter(documents: Iterable[DatedDocument], *, prefix: str = "") -> Q:
    """Rows of every revision of the chains of ``documents``: ``prefix`` is the path to
    the document ("pledge__" for reviews); no query of its own."""
    roots = sorted({chain_root(d) for d in documents})
    return Q(**{f"{prefix}pk__in": roots}) | Q(**{f"{prefix}first_revision_id__in": roots})


def continue_followup(
    sender: type,
    *,
    document: DatedDocument,
    replaced: DatedDocument,
    user: User | None = None,
    **kwargs: Any,
) -> None:
    """Move the activity log of ``replaced`` on to the published revision ``document``.

    Each commitment's activities go to its copy, each focus area's planned activities to
    its copy; activities whose date the revision's period no longer covers, and those of
    commitments removed in the revision, stay on the replaced revision, which still shows
    them. Runs in the publishing transaction; history records the move.
    """
    if sender is not Pledge:
        # An agreement's duties have no activity log; its reviews stay where they were.
        return
    reason = _("Flyttad till revision %(n)d av medborgarlöftet") % {"n": document.revision}
    copies = dict(
        Commitment.objects.filter(pledge=document, copied_from__pledge=replaced).values_list(
            "copied_from_id", "pk"
        )
    )
    activities = list(
        Activity.objects.filter(
            commitment_id__in=list(copies),
            date__gte=document.period_start,
            date__lte=document.period_end,
        )
    )
    for activity in activities:
        activity.commitment_id = copies[activity.commitment_id]
    area_copies = dict(
        document.focus_areas.filter(copied_from__pledge=replaced).values_list(
            "copied_from_id", "pk"
        )
    )
    planned = list(PlannedActivity.objects.filter(focus_area_id__in=list(area_copies)))
    for item in planned:
        item.focus_area_id = area_copies[item.focus_area_id]
    for model, rows, field in (
        (Activity, activities, "commitment"),
        (PlannedActivity, planned, "focus_area"),
    ):
        if rows:
            bulk_update_with_history(
                rows, model, [field], default_user=user, default_change_reason=reason
            )


def commitment_lineage(pledge: Pledge) -> dict[int, int]:
    """{id of a commitment of a later revision: the commitment of ``pledge`` it was
    copied from, directly or through revisions between}; one query, none for a pledge
    that no revision has replaced.

    A replaced revision's activity log moved on to its copies: this maps them back, so
    that a review still being finished on the replaced revision counts them.
    """
    if pledge.status != PublicationStatus.REPLACED:
        return {}
    later = dict(
        Commitment.objects.filter(
            chain_filter([pledge], prefix="pledge__"), pledge__revision__gt=pledge.revision
        ).values_list("pk", "copied_from_id")
    )
    lineage = {}
    for pk in later:
        source = later[pk]
        while source in later:
            source = later[source]
        if source is not None:
            lineage[pk] = source
    return lineage
