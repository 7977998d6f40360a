"""Reads of parties and agreements, with their relations already joined."""

from __future__ import annotations

from itertools import groupby

from django.db.models import Prefetch, QuerySet

from agreements.models import (
    Agreement,
    AgreementDuty,
    County,
    Municipality,
    PoliceArea,
)
from portal.choices import FROZEN_STATUSES
from portal.text import fold, swedish_sort_key


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
    """Municipalities whose name contains ``query``, forgiving case and å/ä/ö."""
    folded = fold(query)
    if not folded:
        return []
    found = municipality_list().filter(search_name__contains=folded)
    return sorted(found, key=lambda m: (not m.search_name.startswith(folded), m.search_name))


def police_area_search(query: str) -> list[PoliceArea]:
    """Police areas whose name contains ``query`` (folded in Python: there are few of them)."""
    folded = fold(query)
    if not folded:
        return []
    return [area for area in PoliceArea.objects.all() if folded in fold(area.name)]


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
