"""The national overview's reads: every municipality with its current pledge and latest
published follow-up, and the published follow-ups' assessments counted per county and
for the country. Five queries, whatever the number of municipalities or reviews."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agreements.models import County, Municipality
from followup.reviews.models import Review, ReviewItem
from followup.reviews.selectors import latest_by_period
from followup.reviews.states import Assessment
from pledges.models import Pledge
from portal.text import swedish_sort_key

# The sort orders a resident may choose (``?sortera=``), the first the default.
SORT_MUNICIPALITY, SORT_COUNTY, SORT_FOLLOW_UP = "kommun", "lan", "uppfoljning"
SORT_ORDERS = (SORT_MUNICIPALITY, SORT_COUNTY, SORT_FOLLOW_UP)
# An item the parties left without an assessment (possible in a scanned follow-up).
UNASSESSED = ""


@dataclass
class Tally:
    """The assessments of a set of published follow-ups, and how many follow-ups."""

    reviews: int = 0
    counts: Counter = field(default_factory=Counter)

    def add(self, review_counts: Counter) -> None:
        self.reviews += 1
        self.counts.update(review_counts)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return self.counts[Assessment.DONE]

    @property
    def done_share(self) -> float:
        return self.done / self.total if self.total else 0.0

    def breakdown(self) -> list[tuple[str, int]]:
        """(label, count) for each assessment, in the scale's order, then the unassessed."""
        rows = [(str(a.label), self.counts[a.value]) for a in Assessment]
        return [*rows, (_("Ej bedömt"), self.counts[UNASSESSED])]

    def sentence(self) -> str:
        """What the figures count, in words: the arithmetic a reader can check."""
        if not self.reviews:
            return _("Ingen publicerad uppföljning ännu.")
        reviews = ngettext(
            "enligt %(n)d publicerad uppföljning",
            "enligt %(n)d publicerade uppföljningar",
            self.reviews,
        ) % {"n": self.reviews}
        done = ngettext(
            "%(done)d av %(total)d löfte bedömt som genomfört",
            "%(done)d av %(total)d löften bedömda som genomförda",
            self.total,
        ) % {"done": self.done, "total": self.total}
        return f"{done}, {reviews}."


@dataclass
class OverviewRow:
    municipality: Municipality
    county_label: str
    current_pledge: Pledge | None = None
    latest_review: Review | None = None


@dataclass
class CountyTally:
    value: str
    label: str
    tally: Tally


@dataclass
class NationalOverview:
    rows: list[OverviewRow]
    counties: list[CountyTally]
    country: Tally


def published_pledge_reviews() -> list[Review]:
    """Every published follow-up of a pledge, with the pledge and its municipalities
    (2 queries). A correction is published as a new revision, and the one it replaces
    stays published: the figures count only the latest of each period."""
    return list(
        Review.objects.published()
        .filter(pledge__isnull=False)
        .select_related("pledge")
        .prefetch_related(
            Prefetch("pledge__municipalities", queryset=Municipality.objects.order_by())
        )
    )


def national_overview(*, today: datetime.date) -> NationalOverview:
    """Every municipality with its current pledge and latest follow-up, and the counted
    assessments per county and for the country.

    Queries: 1. the municipalities with their police areas; 2. which municipality each
    current published pledge is of (the pledges joined); 3. the published pledge reviews
    with their pledges; 4. those pledges' municipalities; 5. the reviews' items counted
    by assessment.
    """
    labels = {county.value: str(county.label) for county in County}
    rows = {
        m.pk: OverviewRow(m, labels.get(m.county, m.county)) for m in Municipality.objects.all()
    }
    current = Pledge.objects.published().filter(period_start__lte=today, period_end__gte=today)
    links = Pledge.municipalities.through.objects.filter(pledge__in=current).select_related(
        "pledge"
    )
    for link in links:
        row = rows.get(link.municipality_id)
        # Overlapping current pledges: the one that started last is the one in force.
        if row and (row.current_pledge is None or _newer(link.pledge, row.current_pledge)):
            row.current_pledge = link.pledge

    published = published_pledge_reviews()
    for review in published:
        for municipality in review.pledge.municipalities.all():
            row = rows.get(municipality.pk)
            if row and (
                row.latest_review is None or review.published_at > row.latest_review.published_at
            ):
                row.latest_review = review

    counted = list(latest_by_period(published).values())
    per_review: dict[int, Counter] = defaultdict(Counter)
    items = (
        ReviewItem.objects.filter(review__in=[r.pk for r in counted])
        .order_by()
        .values_list("review_id", "assessment")
        .annotate(n=Count("pk"))
    )
    for review_id, assessment, n in items:
        per_review[review_id][assessment] += n
    country = Tally()
    # The counties the portal has municipalities in (all 21 at national scale).
    by_county: dict[str, Tally] = {row.municipality.county: Tally() for row in rows.values()}
    for review in counted:
        country.add(per_review[review.pk])
        # A pledge shared across a county border counts once in each of its counties.
        for county in {m.county for m in review.pledge.municipalities.all()}:
            by_county.setdefault(county, Tally()).add(per_review[review.pk])
    counties = sorted(
        (CountyTally(value, labels.get(value, value), tally) for value, tally in by_county.items()),
        key=lambda c: swedish_sort_key(c.label),
    )
    return NationalOverview(list(rows.values()), counties, country)


def _newer(pledge: Pledge, other: Pledge) -> bool:
    return (pledge.period_start, pledge.pk) > (other.period_start, other.pk)


def sorted_rows(rows: list[OverviewRow], order: str) -> list[OverviewRow]:
    """The rows in one of SORT_ORDERS: by name, by county then name, or the most
    recently followed up first (those never followed up last, by name)."""
    by_name = sorted(rows, key=lambda r: swedish_sort_key(r.municipality.name))
    if order == SORT_COUNTY:
        return sorted(by_name, key=lambda r: swedish_sort_key(r.county_label))
    if order == SORT_FOLLOW_UP:
        # Stable sorts: the latest first, the rest keep alphabetical order.
        followed = [r for r in by_name if r.latest_review]
        followed.sort(key=lambda r: r.latest_review.published_at, reverse=True)
        return followed + [r for r in by_name if not r.latest_review]
    return by_name
