"""Query budgets: the pledge page and the coordinator start page stay constant in size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from followup.models import Activity, PlannedActivity

# Count the queries of rendering: the page cache would answer with none.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rendered_pages")]


def add_activities(world, n: int) -> None:
    """n activities spread over the year on both commitments, some withdrawn."""
    rows = []
    for i in range(n):
        on_request = i % 3 == 0
        rows.append(
            Activity(
                commitment=world.on_request if on_request else world.commitment,
                kind="request_received" if on_request else "done",
                date=datetime.date(2024, 1, 1) + datetime.timedelta(days=i % 366),
                text=f"Aktivitet {i}",
                count=1 + i % 4,
                withdrawn_at=None
                if i % 10
                else datetime.datetime(2024, 12, 1, tzinfo=datetime.UTC),
            )
        )
    Activity.objects.bulk_create(rows)
    PlannedActivity.objects.bulk_create(
        PlannedActivity(focus_area=world.focus_area, text=f"Plan {i}") for i in range(n // 100 + 1)
    )


def captured(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in context.captured_queries]


# Pledge page (anonymous):
#  1. the pledge with police area, agreement, predecessor, successor joined
#  2. its municipalities
#  3. its focus areas
#  4. its commitments (responsible municipality joined)
#  5. its signatories
#  6. followup: totals per commitment, year and kind (one GROUP BY)
#  7. followup: latest activities of the year per commitment (one window query)
#  8. followup: planned activities of the focus areas
#  9. followup: the published annual reviews (10-12: their assessments, sign-offs and
#     sealed PDFs, only when there are any; tests/followup/reviews/test_queries.py)
# 13. followup: the latest change of an activity of its commitments ("Senast ändrad")
# 14. portal: the pledge's issued PDFs
# (Measured in steady state: the first request also fills Django's content-type cache.)
PLEDGE_PAGE_BUDGET = 14


def test_pledge_page_queries_do_not_grow_with_1000_activities(
    client, world, django_assert_max_num_queries
):
    url = world.pledge.get_absolute_url()
    client.get(url)  # warm the content-type cache
    few = captured(client, url)
    add_activities(world, 1000)
    with django_assert_max_num_queries(PLEDGE_PAGE_BUDGET):
        page = client.get(url).content.decode()
    many = captured(client, url)
    assert len(many) == len(few)
    assert "Aktivitet 731" in page  # dated 31 December 2024, the newest
    assert "Senast ändrad" in page


# Coordinator start page (logged-in coordinator):
#  1. session
#  2. user
#  3. the user's memberships (roles, cached on the user)
#  4-10. the annual follow-up's overview (tests/followup/reviews/test_queries.py), from
#     which the pledges still followed up are read
#  11. the pledges of their organisations (police area and agreement joined)
#  12. their municipalities
#  13. their commitments
#  14. totals per commitment, year and kind
#  15. latest entries per commitment (window query, withdrawn ones included)
# (The editor section costs nothing for a coordinator: the cached roles show no editor role.)
#  16. the latest events
COORDINATOR_PAGE_BUDGET = 16


def test_coordinator_start_page_queries_do_not_grow_with_1000_activities(
    coordinator_client, world, django_assert_max_num_queries
):
    coordinator_client.get("/samordnare/")
    few = captured(coordinator_client, "/samordnare/")
    add_activities(world, 1000)
    with django_assert_max_num_queries(COORDINATOR_PAGE_BUDGET):
        coordinator_client.get("/samordnare/")
    many = captured(coordinator_client, "/samordnare/")
    assert len(many) == len(few)
