"""Reads of parties and agreements, with their relations already joined."""

from __future__ import annotations

from itertools import groupby

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models import Prefetch, Q, QuerySet

from agreements.models import (
    Agreement,
    AgreementDuty,
    County,
    Municipality,
    PoliceArea,
)
from portal.choices import FROZEN_STATUSES
from portal.search import name_matches, typo_allowance
from portal.text import fold, swedish_sort_key

# Names at least this similar (0–1, trigrams) to a query are listed as likely typos.
TRIGRAM_THRESHOLD = 0.4


def municipality_list() -> QuerySet[Municipality]:
    """All municipalities with their police area."""
    return Municipality.objects.select_related("police_area")


def municipalities_by_county() -> list[tuple[str, list[Municipality]]]:
    """Municipalities grouped by county label, both in Swedish alphabetical order."""
    labels = {county.value: str(county.label) for county in County}  # translated once
    labelled = sorted(
        municipality_list(),
        key=lambda m: (swedish_sort_key(labels[m.county]), swedish_sort_key(m.name)),
    )
    return [
        (label, list(group)) for label, group in groupby(labelled, key=lambda m: labels[m.county])
    ]


def municipality_search(query: str) -> list[Municipality]:
    """Municipalities whose name contains ``query`` or is a typo away from it, forgiving
    case and å/ä/ö; the closest first."""
    folded = fold(query)
    if not folded:
        return []
    if connection.vendor == "postgresql":
        # Trigram similarity on the folded name (GIN index, agreements migration 0009).
        found = (
            municipality_list()
            .annotate(similarity=TrigramSimilarity("search_name", folded))
            .filter(Q(search_name__contains=folded) | Q(similarity__gte=TRIGRAM_THRESHOLD))
        )
        if not typo_allowance(folded):
            found = found.filter(search_name__contains=folded)
    else:
        found = [m for m in municipality_list() if name_matches(folded, m.search_name)]
    return sorted(found, key=lambda m: _closeness(folded, m.search_name))


def _closeness(folded: str, name: str) -> tuple:
    """Sort key: whole name, then names starting with the query, containing it, typos."""
    return (name != folded, not name.startswith(folded), folded not in name, name)


def police_area_search(query: str) -> list[PoliceArea]:
    """Police areas whose name contains ``query`` or is a typo away from it (matched in
    Python on both databases: there are few of them)."""
    folded = fold(query)
    if not folded:
        return []
    found = [area for area in PoliceArea.objects.all() if name_matches(folded, area.name)]
    return sorted(found, key=lambda area: _closeness(folded, fold(area.name)))


def _county_core(name: str) -> str:
    """ "Västerbottens län" → "vasterbotten": folded, without "län" and the genitive s."""
    core = fold(name).removesuffix(" lan").strip()
    return core.removesuffix("s")


def county_search(query: str) -> list[tuple[str, list[Municipality]]]:
    """The counties named by ``query`` ("Västerbotten", "vasterbottens län"), each with its
    municipalities in Swedish alphabetical order."""
    wanted = _county_core(query)
    if len(wanted) < 4:
        return []
    counties = [county for county in County if _county_core(str(county.label)) == wanted]
    if not counties:
        return []
    by_county: dict[str, list[Municipality]] = {county.value: [] for county in counties}
    for municipality in municipality_list().filter(county__in=by_county):
        by_county[municipality.county].append(municipality)
    return [
        (str(county.label), sorted(by_county[county.value], key=lambda m: swedish_sort_key(m.name)))
        for county in counties
    ]


def published_agreements() -> QuerySet[Agreement]:
    """Published agreements with their police area and successor joined."""
    return Agreement.objects.published().select_related("police_area", "successor", "predecessor")


def agreement_queryset() -> QuerySet[Agreement]:
    """Agreements in any state with everything their page and PDF show."""
    return Agreement.objects.select_related(
        "police_area", "successor", "predecessor"
    ).prefetch_related(
        "municipalities",
        "goals",
        Prefetch("duties", queryset=AgreementDuty.objects.order_by("order", "pk")),
        "signatories",
        # The pledges resting on it, by relation name: agreements does not import pledges.
        "pledges",
    )


def agreement_for_page(*, slug: str) -> Agreement:
    """One agreement residents may open (published, or a revision a later one replaced)
    with everything its page and PDF show."""
    return agreement_queryset().filter(status__in=FROZEN_STATUSES).get(slug=slug)


def documents_in_place(
    documents: QuerySet, *, municipality: str | None = None, police_area: str | None = None
) -> QuerySet:
    """``documents`` (pledges or agreements) of the municipality, or of the police area
    (slugs): named in their text or answering for one of their municipalities, as on the
    police area's page. For the feeds and the open data; by subqueries, so that no row is
    repeated."""
    model = documents.model
    if municipality is not None:
        ids = model.objects.filter(municipalities__slug=municipality).values("pk")
        documents = documents.filter(pk__in=ids)
    if police_area is not None:
        ids = model.objects.filter(
            Q(police_area__slug=police_area) | Q(municipalities__police_area__slug=police_area)
        ).values("pk")
        documents = documents.filter(pk__in=ids)
    return documents
