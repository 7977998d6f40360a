"""Reads of the activity log: progress per commitment and year, latest activities.

Every function runs a fixed number of queries whatever the number of activities.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    F,
    Max,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, ExtractYear, RowNumber
from django.utils import timezone

from agreements.models import Membership
from agreements.permissions import User, followup_documents_filter
from followup.activities.models import Activity, PlannedActivity
from followup.activities.permissions import (
    can_log_for_commitment,
)
from followup.revisions import commitment_lineage
from pledges.models import Commitment, FocusArea, Pledge
from pledges.selectors import commitment_queryset, published_pledges

LATEST_LIMIT = 5


@dataclass
class YearProgress:
    """What was logged for one commitment in one calendar year."""

    year: int
    target: int | None = None
    done: int = 0
    received: int = 0
    answered: int = 0
    has_example: bool = False
    # False for a past year that was not followed up in the portal: nothing to show.
    tracked: bool = True

    @property
    def bar_value(self) -> int:
        """The progress bar's value: never beyond its maximum."""
        return min(self.done, self.target or 0)

    @property
    def reached(self) -> bool:
        return bool(self.target) and self.done >= self.target


@dataclass
class CommitmentProgress:
    """A commitment's progress in the selected year, with every year of the period."""

    year: int
    years: list[YearProgress]
    latest: list[Activity] = field(default_factory=list)

    @property
    def selected(self) -> YearProgress:
        return next(y for y in self.years if y.year == self.year)

    @property
    def other_years(self) -> list[YearProgress]:
        return [y for y in self.years if y.year != self.year]

    @property
    def period_done(self) -> int:
        return sum(y.done for y in self.years)

    @property
    def has_example(self) -> bool:
        return self.selected.has_example or any(a.is_example for a in self.latest)


def public_activities() -> QuerySet[Activity]:
    """Activities residents see: not withdrawn."""
    return Activity.objects.filter(withdrawn_at__isnull=True)


def default_year(pledge: Pledge, today: datetime.date | None = None) -> int:
    """This year for a current pledge, its last year once ended, its first before it starts."""
    today = today or timezone.localdate()
    return min(max(today.year, pledge.period_start.year), pledge.period_end.year)


def parse_year(pledge: Pledge, value: str | None) -> int | None:
    """A year of the pledge's period from a query string, or None for anything else."""
    if not value or not value.isdigit() or len(value) != 4:
        return None
    year = int(value)
    return year if year in pledge.years else None


def progress_by_year(
    commitments: Iterable[Commitment], *, lineage: dict[int, int] | None = None
) -> dict[int, dict[int, YearProgress]]:
    """{commitment id: {year: YearProgress}}; one query.

    Counts public activities; a year whose only entries were withdrawn is there too,
    with zeros: something was logged for it in the portal. ``lineage``
    (followup.revisions.commitment_lineage) counts a later revision's copies of a
    commitment as the commitment itself.
    """
    commitments = list(commitments)
    lineage = lineage or {}
    ids = [c.pk for c in commitments]
    targets = {c.pk: c.yearly_target for c in commitments}
    result: dict[int, dict[int, YearProgress]] = {pk: {} for pk in ids}
    if not ids:
        return result
    public = Q(withdrawn_at__isnull=True)
    rows = (
        Activity.objects.filter(commitment_id__in=[*ids, *lineage])
        .annotate(year=ExtractYear("date"))
        .values("commitment_id", "year", "kind")
        .annotate(
            total=Coalesce(Sum("count", filter=public), 0),
            examples=Count("pk", filter=public & Q(is_example=True)),
        )
        .order_by()
    )
    for row in rows:
        commitment_id = lineage.get(row["commitment_id"], row["commitment_id"])
        per_year = result[commitment_id]
        progress = per_year.setdefault(
            row["year"], YearProgress(row["year"], target=targets[commitment_id])
        )
        if row["kind"] == Activity.Kind.REQUEST_RECEIVED:
            progress.received += row["total"]
        elif row["kind"] == Activity.Kind.REQUEST_ANSWERED:
            progress.answered += row["total"]
        else:
            progress.done += row["total"]
        progress.has_example = progress.has_example or row["examples"] > 0
    return result


def latest_activities(
    commitment_ids: list[int],
    *,
    year: int | None = None,
    limit: int = LATEST_LIMIT,
    include_withdrawn: bool = False,
    lineage: dict[int, int] | None = None,
) -> dict[int, list[Activity]]:
    """The latest ``limit`` activities of each commitment (optionally of one year); one
    query. ``lineage`` as for progress_by_year()."""
    result: dict[int, list[Activity]] = {pk: [] for pk in commitment_ids}
    if not commitment_ids:
        return result
    lineage = lineage or {}
    queryset = Activity.objects if include_withdrawn else public_activities()
    if lineage:
        # Rank the copies' activities with their source's: one commitment's latest.
        queryset = queryset.annotate(
            source=Case(
                *(When(commitment_id=copy, then=Value(source)) for copy, source in lineage.items()),
                default=F("commitment_id"),
                output_field=BigIntegerField(),
            )
        )
    else:
        queryset = queryset.annotate(source=F("commitment_id"))
    queryset = queryset.filter(commitment_id__in=[*commitment_ids, *lineage])
    if year is not None:
        queryset = queryset.filter(
            date__gte=datetime.date(year, 1, 1), date__lte=datetime.date(year, 12, 31)
        )
    ranked = (
        queryset.annotate(
            rank=Window(RowNumber(), partition_by="source", order_by=["-date", "-pk"])
        )
        .filter(rank__lte=limit)
        .select_related("created_by")
        .order_by("source", "-date", "-pk")
    )
    for activity in ranked:
        result[activity.source].append(activity)
    return result


def pledge_progress(
    pledge: Pledge,
    *,
    year: int,
    reviewed_years: Iterable[int] = (),
    today: datetime.date | None = None,
    lineage: dict[int, int] | None = None,
) -> set[int]:
    """Annotate each prefetched commitment with ``progress`` for ``year``; two queries
    (three for a replaced revision, whose log its later revision continues, unless its
    ``lineage`` from commitment_lineage() is given).

    Returns the years not followed up in the portal: past years in which nothing was
    logged for any commitment and that no portal review covers (``reviewed_years``);
    their YearProgress is not ``tracked``, so no zeros are shown for them.
    """
    today = today or timezone.localdate()
    commitments = list(pledge.commitments.all())
    # A replaced revision's log moved on to the later revision; it still counts here.
    lineage = commitment_lineage(pledge) if lineage is None else lineage
    by_year = progress_by_year(commitments, lineage=lineage)
    latest = latest_activities([c.pk for c in commitments], year=year, lineage=lineage)
    logged = {y for per_year in by_year.values() for y in per_year} | set(reviewed_years)
    untracked = {y for y in pledge.years if y < today.year and y not in logged}
    for commitment in commitments:
        commitment.progress = _progress(commitment, pledge, year, by_year, latest)
        for year_progress in commitment.progress.years:
            year_progress.tracked = year_progress.year not in untracked
    return untracked


def _progress(
    commitment: Commitment,
    pledge: Pledge,
    year: int,
    by_year: dict[int, dict[int, YearProgress]],
    latest: dict[int, list[Activity]],
) -> CommitmentProgress:
    """A commitment's progress in ``year``, with every year of the pledge's period."""
    logged = by_year[commitment.pk]
    return CommitmentProgress(
        year=year,
        years=[
            logged.get(y) or YearProgress(y, target=commitment.yearly_target) for y in pledge.years
        ],
        latest=latest[commitment.pk],
    )


def planned_by_focus_area(pledge: Pledge) -> None:
    """Annotate each prefetched focus area with ``planned`` activities; one query."""
    areas = list(pledge.focus_areas.all())
    planned: dict[int, list[PlannedActivity]] = {a.pk: [] for a in areas}
    for item in PlannedActivity.objects.filter(focus_area__in=[a.pk for a in areas]).order_by(
        "created_at", "pk"
    ):
        planned[item.focus_area_id].append(item)
    for area in areas:
        area.planned = planned[area.pk]


def last_updated(pledges: Iterable[Pledge]) -> dict[int, datetime.datetime]:
    """When each pledge last changed: its text, its activities or its planned activities."""
    ids = [p.pk for p in pledges]
    if not ids:
        return {}
    result: dict[int, datetime.datetime] = {}

    # (rows, the field naming the pledge, the moment it changed)
    sources = [
        (Pledge.history.filter(id__in=ids), "id", "history_date"),
        (
            Activity.objects.filter(commitment__pledge_id__in=ids),
            "commitment__pledge_id",
            "updated_at",
        ),
        (
            PlannedActivity.objects.filter(focus_area__pledge_id__in=ids),
            "focus_area__pledge_id",
            "created_at",
        ),
    ]
    for queryset, pledge_field, moment_field in sources:
        rows = (
            queryset.values(pledge_field)
            .annotate(latest=Max(moment_field))
            .values_list(pledge_field, "latest")
            .order_by()
        )
        for pledge_id, moment in rows:
            if moment and (pledge_id not in result or moment > result[pledge_id]):
                result[pledge_id] = moment
    return result


def logged_years(pledge_ids: Iterable[int]) -> dict[int, set[int]]:
    """{pledge id: the years anything is logged for it in the portal}; one query."""
    result: dict[int, set[int]] = {pk: set() for pk in pledge_ids}
    rows = (
        public_activities()
        .filter(commitment__pledge_id__in=list(result))
        .annotate(year=ExtractYear("date"))
        .values_list("commitment__pledge_id", "year")
        .distinct()
        .order_by()
    )
    for pledge_id, year in rows:
        result[pledge_id].add(year)
    return result


# Coordinator and editor pages -------------------------------------------------


def pledges_for_coordinator(user: User) -> list[Pledge]:
    """Published pledges the user logs activities for, with commitments prefetched and
    ``own_commitments``: those the user's organisation answers for."""
    parties = followup_documents_filter(user, [Membership.Role.COORDINATOR])
    if parties is None:
        return []
    pledge_ids = published_pledges().filter(parties).values("pk")
    pledges = (
        published_pledges()
        .filter(pk__in=pledge_ids)
        .prefetch_related(Prefetch("commitments", queryset=commitment_queryset()))
        .order_by("-period_start", "title")
    )
    pledges = list(pledges)
    for pledge in pledges:
        pledge.own_commitments = [c for c in pledge.commitments.all() if can_log(user, c, pledge)]
    return pledges


def can_log(user: User, commitment: Commitment, pledge: Pledge) -> bool:
    """Whether ``user`` logs for ``commitment`` of the loaded ``pledge``; no query."""
    commitment.pledge = pledge  # already loaded: no query
    return can_log_for_commitment(user, commitment)


def pledges_for_editor(user: User) -> list[Pledge]:
    """Published pledges whose focus areas the user may add planned activities to."""
    parties = followup_documents_filter(user, [Membership.Role.EDITOR])
    if parties is None:
        return []
    pledge_ids = published_pledges().filter(parties).values("pk")
    return list(
        published_pledges()
        .filter(pk__in=pledge_ids)
        .prefetch_related(
            Prefetch("focus_areas", queryset=FocusArea.objects.order_by("order", "pk"))
        )
        .order_by("-period_start", "title")
    )


def coordinator_overview(pledges: list[Pledge]) -> list[Pledge]:
    """The coordinator start page: for pledges_for_coordinator(), progress per year and
    latest entries of each of the user's own commitments; two queries.

    Annotates each commitment with ``progress`` (every year) and ``latest`` (all kept
    entries, withdrawn ones included, so they can be corrected or seen).
    """
    commitments = [c for p in pledges for c in p.own_commitments]
    by_year = progress_by_year(commitments)
    latest = latest_activities([c.pk for c in commitments], include_withdrawn=True)
    for pledge in pledges:
        year = default_year(pledge)
        for commitment in pledge.own_commitments:
            commitment.progress = _progress(commitment, pledge, year, by_year, latest)
    return pledges
