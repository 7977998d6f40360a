"""A national-scale data set of fictional names, for load and scale tests.

290 municipalities in Sweden's 21 counties, grouped into local police areas in the seven
police regions, each with a published current pledge and an earlier one. Codes are in
the 9000 range, which no real municipality uses; every name is invented.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction

from agreements.models import County, Municipality, PoliceArea, PoliceRegion
from pledges.models import Commitment, FocusArea, Pledge
from portal.choices import PublicationStatus
from portal.page_cache import bump_all

MUNICIPALITY_COUNT = 290
PREFIX = "fiktiv"
_SYLLABLES = ["ber", "da", "fors", "gå", "hult", "kär", "la", "mö", "näs", "ro", "sjö", "vik"]


def _name(index: int) -> str:
    rng = random.Random(index)  # noqa: S311 - fictional names, not security
    return "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize() + f" {index:03d}"


@transaction.atomic
def generate_national_data(*, commitments_per_pledge: int = 8) -> int:
    """Create the fictional national data set (idempotent: existing rows are kept)."""
    counties = list(County)
    regions = list(PoliceRegion)
    created = 0
    areas: list[PoliceArea] = []
    for number in range(MUNICIPALITY_COUNT // 3 + 1):
        area, new = PoliceArea.objects.get_or_create(
            slug=f"{PREFIX}-lpo-{number:03d}",
            defaults={"name": f"Fiktivt område {number:03d}", "region": regions[number % 7]},
        )
        areas.append(area)
        created += new
    this_year = datetime.date.today().year
    for index in range(MUNICIPALITY_COUNT):
        name = _name(index)
        municipality, new = Municipality.objects.get_or_create(
            slug=f"{PREFIX}-{index:03d}",
            defaults={
                "name": name,
                "official_name": f"{name} kommun",
                "code": f"{9000 + index:04d}",
                "county": counties[index % len(counties)],
                "police_area": areas[index // 3],
            },
        )
        created += new
        for start, end in [(this_year - 3, this_year - 1), (this_year, this_year + 1)]:
            pledge, new = Pledge.objects.get_or_create(
                slug=f"{PREFIX}-{index:03d}-{start}",
                defaults={
                    "title": f"Medborgarlöfte {start}–{end}, {name} kommun",
                    "police_area": municipality.police_area,
                    "period_start": datetime.date(start, 1, 1),
                    "period_end": datetime.date(end, 12, 31),
                    "background": "Exempeldata med påhittade namn för last- och skaltester.",
                },
            )
            if not new:
                continue
            created += 1
            pledge.municipalities.add(municipality)
            areas_for_pledge = FocusArea.objects.bulk_create(
                FocusArea(pledge=pledge, title=title, description="Exempeltext.", order=n)
                for n, title in enumerate(["Droger", "Trafik", "Grannsamverkan"])
            )
            Commitment.objects.bulk_create(
                Commitment(
                    pledge=pledge,
                    focus_area=areas_for_pledge[n % 3],
                    text=f"Kommun och polis ska genomföra exempelinsats {n + 1}.",
                    kind=Commitment.Kind.YEARLY_TARGET if n % 2 else Commitment.Kind.ONGOING,
                    yearly_target=(n % 5) + 1 if n % 2 else None,
                    order=n,
                )
                for n in range(commitments_per_pledge)
            )
            # Published once its parts are in: a published pledge is never changed.
            pledge.status = PublicationStatus.PUBLISHED
            pledge.save(update_fields=["status"])
    # Rows written in bulk send no signals: every cached public page renders afresh.
    bump_all()
    transaction.on_commit(bump_all)
    return created
