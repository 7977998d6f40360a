"""Every public page makes a constant number of queries, whatever the data size.

Each test loads a page on the seed data, then grows the data (a pledge from 1 to 50
commitments, the portal from 9 to 200 municipalities) and loads it again: the count must
not change, and must stay within the page's budget.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.models import Municipality
from pledges.models import Pledge
from tests.factories import (
    CommitmentFactory,
    FocusAreaFactory,
    MunicipalityFactory,
    PledgeFactory,
    PledgeSignatoryFactory,
)

# Count the queries of rendering: the page cache would answer with none.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rendered_pages")]


def queries_for(client, url: str) -> int:
    # One request first: per-process caches (content types) fill once, not per page view.
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def grow(pledge: Pledge) -> None:
    """Give ``pledge`` 50 commitments in 5 focus areas, and the portal 200 municipalities."""
    areas = [*pledge.focus_areas.all(), *FocusAreaFactory.create_batch(4, pledge=pledge)]
    for index in range(49):
        CommitmentFactory(pledge=pledge, focus_area=areas[index % 5])
    PledgeSignatoryFactory.create_batch(6, pledge=pledge)
    area = pledge.police_area
    extra = MunicipalityFactory.create_batch(200 - Municipality.objects.count(), police_area=area)
    # Inserted as the part factories insert parts: the published pledge refuses
    # municipalities.add(), and only the size of the data matters here.
    through = Pledge.municipalities.through
    through.objects.bulk_create([through(pledge=pledge, municipality=m) for m in extra[:20]])
    for municipality in extra[:30]:
        PledgeFactory(police_area=area, municipalities=[municipality])


@pytest.fixture
def small_pledge(seeded):
    """A pledge with one focus area and one commitment: the same shape, smallest size."""
    municipality = Municipality.objects.get(slug="mala")
    pledge = PledgeFactory(
        slug="vaxande", police_area=municipality.police_area, municipalities=[municipality]
    )
    CommitmentFactory(pledge=pledge, focus_area=FocusAreaFactory(pledge=pledge))
    return pledge


# Each page's budget, with its queries named.
PAGES = [
    # 1 municipalities with police areas, 2 newest pledges, 3 their municipalities
    ("/", 3),
    # 1 municipalities matching, 2 police areas, 3 commitments of published pledges,
    # 4 their focus areas (no county is named: no query for its municipalities)
    ("/sok/?q=testby", 4),
    # 1 municipality, 2 its pledges, 3 their municipalities, 4 agreements (5 their
    # municipalities, when there are any); followup: 6 last change to each pledge,
    # 7 last activity per pledge, 8 last planned activity per pledge, 9 latest published
    # annual review
    ("/kommun/mala/", 9),
    # 1 police area, 2 its municipalities, 3 their pledges
    ("/lokalpolisomrade/skelleftea/", 3),
    # 1 pledge with police area, agreement, predecessor and successor, 2 municipalities,
    # 3 focus areas, 4 commitments, 5 signatories; followup: 6 progress per commitment
    # and year, 7 latest public activities, 8 planned activities, 9 published annual
    # reviews (10 their assessments, 11 their sign-offs, 12 their sealed PDFs, when there
    # are any: tests/followup/reviews/test_queries.py), 13 the latest change of an
    # activity (for "Senast ändrad"); portal: 14 issued PDFs
    ("/medborgarlofte/vaxande/", 14),
    # The same queries for the view grouped by party: only the grouping in Python differs.
    ("/medborgarlofte/vaxande/?visa=part", 14),
    # 1 agreement, 2 municipalities, 3 goals, 4 duties, 5 signatories, 6 pledges resting
    # on it; portal: 7 issued PDFs; followup: 8 published follow-ups (9-11 their
    # assessments, sign-offs and sealed PDFs, when there are any:
    # tests/followup/reviews/test_queries.py)
    ("/overenskommelse/asele-2019-2022/", 11),
    ("/om-medborgarloften/", 0),
    # 1 municipalities, 2 police areas, 3 shown pledges, 4 shown agreements, 5 published
    # follow-ups
    ("/sitemap.xml", 5),
    ("/robots.txt", 0),
]


@pytest.mark.parametrize(("url", "budget"), PAGES)
def test_public_page_query_count_is_constant(
    client, small_pledge, url, budget, django_assert_max_num_queries
):
    before = queries_for(client, url)
    grow(small_pledge)
    after = queries_for(client, url)
    assert after == before
    with django_assert_max_num_queries(budget):
        client.get(url)
