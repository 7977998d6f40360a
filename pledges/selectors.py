"""Reads of pledges with their relations already joined: one query per relation, not per row."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString

from agreements.models import Agreement, Municipality, PoliceArea
from agreements.selectors import municipality_list, published_agreements
from pledges.models import Commitment, FocusArea, Pledge
from portal.choices import FROZEN_STATUSES, Phase
from portal.search import Fold, highlight, query_words
from portal.text import fold


def published_pledges() -> QuerySet[Pledge]:
    """Published pledges with police area and agreement joined, municipalities prefetched."""
    return (
        Pledge.objects.published()
        .select_related("police_area", "agreement")
        .prefetch_related(
            Prefetch("municipalities", queryset=Municipality.objects.order_by("name"))
        )
    )


def newest_pledges(*, limit: int = 6) -> list[Pledge]:
    """The most recently started published pledges."""
    return list(published_pledges().order_by("-period_start", "title")[:limit])


def commitment_queryset() -> QuerySet[Commitment]:
    return Commitment.objects.select_related("responsible_municipality").order_by("order", "pk")


def pledge_queryset() -> QuerySet[Pledge]:
    """Pledges in any state with everything their page and their PDF show."""
    return Pledge.objects.select_related(
        "police_area", "agreement", "predecessor", "successor", "agreement__successor"
    ).prefetch_related(
        Prefetch("municipalities", queryset=Municipality.objects.order_by("name")),
        Prefetch("focus_areas", queryset=FocusArea.objects.order_by("order", "pk")),
        Prefetch("commitments", queryset=commitment_queryset()),
        "signatories",
    )


def pledge_for_page(*, slug: str) -> Pledge:
    """One pledge residents may open (published, or a revision a later one replaced)
    with everything its page and its PDF show."""
    return pledge_queryset().filter(status__in=FROZEN_STATUSES).get(slug=slug)


# Order of the parties in the view grouped by party, which a reader may choose.
RESPONSIBLE_ORDER = [
    Commitment.Responsible.JOINT,
    Commitment.Responsible.POLICE,
    Commitment.Responsible.MUNICIPALITY,
    Commitment.Responsible.NAMED_MUNICIPALITY,
]


@dataclass
class CommitmentGroup:
    """Commitments of one focus area (or none) by one responsible party: in the written
    order, a run of consecutive commitments of that party."""

    heading: str
    commitments: list[Commitment]


@dataclass
class FocusSection:
    focus_area: FocusArea | None
    groups: list[CommitmentGroup] = field(default_factory=list)


def responsible_heading(commitment: Commitment, *, municipality_count: int) -> str:
    from django.utils.translation import gettext as _

    if commitment.responsible == Commitment.Responsible.JOINT:
        return (
            _("Kommunen och polisen tillsammans")
            if municipality_count == 1
            else _("Kommunerna och polisen tillsammans")
        )
    if commitment.responsible == Commitment.Responsible.POLICE:
        return _("Polisen")
    if commitment.responsible == Commitment.Responsible.MUNICIPALITY:
        return _("Kommunen") if municipality_count == 1 else _("Kommunerna")
    return commitment.responsible_municipality.official_name


def commitment_sections(pledge: Pledge, *, by_party: bool = False) -> list[FocusSection]:
    """The pledge's commitments by focus area, in the order the editors gave them.

    Within a focus area, consecutive commitments of the same party share a group, so the
    groups never change the written order. ``by_party`` is the view a reader may choose
    on the web page: one group per party, the parties in ``RESPONSIBLE_ORDER``. The PDF
    always has the written order. Works on prefetched relations only, so it adds no query.
    """
    municipality_count = len(pledge.municipalities.all())
    sections = [FocusSection(area) for area in pledge.focus_areas.all()]
    by_area = {section.focus_area.pk: section for section in sections}
    loose = FocusSection(None)
    for commitment in pledge.commitments.all():
        section = by_area.get(commitment.focus_area_id, loose)
        heading = responsible_heading(commitment, municipality_count=municipality_count)
        groups = section.groups if by_party else section.groups[-1:]
        group = next((g for g in groups if g.heading == heading), None)
        if group is None:
            section.groups.append(CommitmentGroup(heading, [commitment]))
        else:
            group.commitments.append(commitment)
    if by_party:
        rank = {value: index for index, value in enumerate(RESPONSIBLE_ORDER)}
        for section in [*sections, loose]:
            # A stable sort: the commitments of a party keep their written order.
            section.groups.sort(
                key=lambda g: rank[Commitment.Responsible(g.commitments[0].responsible)]
            )
    if loose.groups:
        sections.append(loose)
    return sections


def has_several_parties(pledge: Pledge) -> bool:
    """Whether grouping the pledge's commitments by party could show them otherwise."""
    parties = {(c.responsible, c.responsible_municipality_id) for c in pledge.commitments.all()}
    return len(parties) > 1


@dataclass
class MunicipalityOverview:
    municipality: Municipality
    current_pledges: list[Pledge]
    upcoming_pledges: list[Pledge]
    earlier_pledges: list[Pledge]
    # Earlier because a successor is published, though their period has not ended.
    superseded_pledges: list[Pledge]
    current_agreements: list[Agreement]
    earlier_agreements: list[Agreement]


def municipality_overview(*, slug: str, today: datetime.date | None = None) -> MunicipalityOverview:
    """A municipality with its pledges and agreements sorted into current, upcoming and earlier.

    A pledge whose successor is published is earlier, even before its period ends: the
    previous pledge of the same parties moves to the archive.
    """
    today = today or timezone.localdate()
    municipality = municipality_list().get(slug=slug)
    pledges = list(
        published_pledges().select_related("successor").filter(municipalities=municipality)
    )
    earlier_pledges = [p for p in pledges if p.superseded or p.phase(today) == Phase.ENDED]
    agreements = list(
        published_agreements()
        .filter(municipalities=municipality)
        .prefetch_related(
            Prefetch("municipalities", queryset=Municipality.objects.order_by("name"))
        )
    )
    current_agreements = [
        a for a in agreements if a.phase(today) in {Phase.CURRENT, Phase.EXTENDED}
    ]
    return MunicipalityOverview(
        municipality=municipality,
        current_pledges=[
            p for p in pledges if p not in earlier_pledges and p.phase(today) == Phase.CURRENT
        ],
        upcoming_pledges=[
            p for p in pledges if p not in earlier_pledges and p.phase(today) == Phase.UPCOMING
        ],
        earlier_pledges=earlier_pledges,
        superseded_pledges=[p for p in earlier_pledges if p.phase(today) != Phase.ENDED],
        current_agreements=current_agreements,
        earlier_agreements=[a for a in agreements if a not in current_agreements],
    )


def police_area_overview(
    *, slug: str
) -> tuple[PoliceArea, list[tuple[Municipality, list[Pledge]]]]:
    """A police area, its municipalities and each one's published pledges."""
    area = PoliceArea.objects.get(slug=slug)
    municipalities = list(
        area.municipalities.prefetch_related(
            Prefetch(
                "pledges",
                queryset=Pledge.objects.published().order_by("-period_start", "title"),
            )
        ).order_by("name")
    )
    return area, [(m, list(m.pledges.all())) for m in municipalities]


# The text hits a search page lists at most, commitments and focus areas together.
TEXT_HIT_LIMIT = 50


@dataclass
class TextHit:
    """A commitment or focus area of a published pledge that holds the searched words."""

    pledge: Pledge
    label: str  # the focus area's title, highlighted when it is the hit itself
    excerpt: SafeString


@dataclass
class PledgeHits:
    pledge: Pledge
    hits: list[TextHit] = field(default_factory=list)


def _text_matches(fields: list[str], query: str, words: list[str]) -> Q:
    """Rows whose folded ``fields`` hold every query word (compounds too: "langning" is
    in "antilangningskampanj"), or on PostgreSQL match the Swedish full-text query."""
    condition = Q()
    for word in words:
        condition &= reduce(or_, (Q(**{f"folded_{name}__contains": word}) for name in fields))
    if connection.vendor == "postgresql":
        condition |= Q(document=SearchQuery(fold(query), config="swedish", search_type="websearch"))
    return condition


def _searchable(queryset: QuerySet, fields: list[str]) -> QuerySet:
    annotations = {f"folded_{name}": Fold(name) for name in fields}
    if connection.vendor == "postgresql":
        # Folded on both sides, so that "langning" and "långning" stem alike.
        annotations["document"] = SearchVector(*map(Fold, fields), config="swedish")
    return queryset.annotate(**annotations)


def pledge_text_search(query: str, *, limit: int = TEXT_HIT_LIMIT) -> tuple[list[PledgeHits], int]:
    """Published pledges whose commitments or focus areas hold the words of ``query``, each
    with its hits highlighted; and the number of hits shown (at most ``limit``). Two
    queries, whatever the data size."""
    words = query_words(query)
    if not words or all(len(word) < 3 for word in words):
        return [], 0
    published = Pledge.objects.published()
    commitments = (
        _searchable(Commitment.objects.filter(pledge__in=published), ["text"])
        .filter(_text_matches(["text"], query, words))
        .select_related("pledge", "focus_area")
        .order_by("-pledge__period_start", "pledge__title", "order", "pk")[:limit]
    )
    hits = [
        TextHit(c.pledge, c.focus_area.title if c.focus_area else "", highlight(c.text, words))
        for c in commitments
    ]
    focus_areas = (
        _searchable(FocusArea.objects.filter(pledge__in=published), ["title", "description"])
        .filter(_text_matches(["title", "description"], query, words))
        .select_related("pledge")
        .order_by("-pledge__period_start", "pledge__title", "order", "pk")[: limit - len(hits)]
        if len(hits) < limit
        else []
    )
    hits += [
        TextHit(
            area.pledge, highlight(area.title, words), highlight(area.description, words, width=240)
        )
        for area in focus_areas
    ]
    grouped: dict[int, PledgeHits] = {}
    for hit in hits:
        grouped.setdefault(hit.pledge.pk, PledgeHits(hit.pledge)).hits.append(hit)
    return list(grouped.values()), len(hits)
