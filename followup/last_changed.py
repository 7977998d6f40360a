"""When a public page's content last changed, for the "Senast ändrad" line of the pledge
and municipality pages. The pages are served from the shared cache, which every write
they show renews (followup/page_scopes.py), so the date is never older than the page."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import Max

from agreements.models import Agreement
from followup.activities.models import Activity
from followup.reviews.models import Review
from pledges.models import Pledge
from portal.moments import latest_moment


def pledge_last_changed(
    pledge: Pledge, *, lineage: dict[int, int], reviews: Iterable[Review]
) -> datetime.datetime | None:
    """The latest of the pledge's last edit and publication, an activity logged, corrected
    or withdrawn for its commitments (and, for a replaced revision, their later copies
    in ``lineage``), a planned activity added and a follow-up published (``reviews``).
    Expects the focus areas' ``planned`` (planned_by_focus_area); one query, none for a
    pledge without commitments."""
    commitment_ids = [c.pk for c in pledge.commitments.all()] + list(lineage)
    latest_activity = None
    if commitment_ids:
        latest_activity = Activity.objects.filter(commitment_id__in=commitment_ids).aggregate(
            latest=Max("updated_at")
        )["latest"]
    return latest_moment(
        pledge.updated_at,
        pledge.published_on,
        latest_activity,
        *(planned.created_at for area in pledge.focus_areas.all() for planned in area.planned),
        *(review.published_at for review in reviews),
    )


def municipality_last_changed(
    pledge_updates: dict[int, datetime.datetime],
    *,
    pledges: Iterable[Pledge],
    agreements: Iterable[Agreement],
    latest_review: Review | None,
) -> datetime.datetime | None:
    """The latest change of what a municipality page shows: its pledges (``pledge_updates``
    from last_updated(), their text, activities and planned activities, and their own
    dates), its agreements and the latest published follow-up; no query."""
    return latest_moment(
        *pledge_updates.values(),
        *(moment for p in pledges for moment in (p.updated_at, p.published_on)),
        *(agreement.updated_at for agreement in agreements),
        latest_review.published_at if latest_review else None,
    )
