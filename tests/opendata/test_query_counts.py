"""The open data answers make a constant number of queries, whatever the data size: the
same budget holds for the small world and for the national data set (290 municipalities,
580 published pledges). Rendered on every request (``rendered_pages``), not from the cache."""

from __future__ import annotations

import pytest

from agreements.models import Municipality
from pledges.national import generate_national_data
from tests.factories import AgreementFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rendered_pages")]

# path: the most queries it may make, and which they are.
BUDGETS = {
    # count, the page of municipalities (police area joined), their pledges, agreements
    "/api/v1/municipalities?limit=100": 4,
    "/api/v1/municipalities/granby": 3,
    # count, the page of police areas, their municipalities
    "/api/v1/police-areas?limit=100": 3,
    "/api/v1/police-areas/norrskogen": 2,
    # count, pledges (police area, agreement and successor joined), municipalities,
    # focus areas, commitments, signatories, activity totals, the published follow-ups'
    # years; and for a municipality, whether it exists
    "/api/v1/pledges?limit=100": 8,
    "/api/v1/pledges?limit=100&municipality=granby": 9,
    "/api/v1/pledges?limit=100&police_area=norrskogen": 9,
    "/api/v1/follow-ups?limit=100&police_area=norrskogen": 9,
    "/api/v1/pledges/granby-2024": 7,
    # count, agreements, municipalities, goals, duties, signatories
    "/api/v1/agreements?limit=100": 6,
    "/api/v1/agreements/granby-2019": 5,
    # count, follow-ups (documents joined), their pledges' and agreements' municipalities,
    # assessments, the signatures (API only), the current revision's slug of the pledges
    # and of the agreements
    "/api/v1/follow-ups?limit=100": 8,
    # the CSV files: the same reads without the count (and without the signatures)
    "/oppna-data/loften-per-ar.csv": 7,
    "/oppna-data/bedomningar.csv": 6,
    # and whether the municipality or the pledge exists
    "/oppna-data/kommun/granby/loften-per-ar.csv": 8,
    "/oppna-data/kommun/granby/bedomningar.csv": 7,
    "/oppna-data/lokalpolisomrade/norrskogen/loften-per-ar.csv": 8,
    "/oppna-data/lokalpolisomrade/norrskogen/bedomningar.csv": 7,
    "/oppna-data/medborgarlofte/granby-2024/loften-per-ar.csv": 8,
}


def test_the_query_count_is_constant_at_national_scale(
    client, world, published_review, django_assert_max_num_queries
):
    AgreementFactory(slug="granby-2019", municipalities=[world.own_municipality])
    # The factories' codes are in the national data's 9xxx range.
    for index, municipality in enumerate(Municipality.objects.all()):
        Municipality.objects.filter(pk=municipality.pk).update(code=f"70{index:02d}")
    sizes = {}
    for round_ in ("small", "national"):
        if round_ == "national":
            generate_national_data(commitments_per_pledge=2)
        for path, budget in BUDGETS.items():
            with django_assert_max_num_queries(budget):
                response = client.get(path)
            assert response.status_code == 200, path
            sizes[(round_, path)] = len(response.content)
    # The national round really read more: the lists grew.
    for path in ("/api/v1/pledges?limit=100", "/oppna-data/loften-per-ar.csv"):
        assert sizes[("national", path)] > 10 * sizes[("small", path)], path
