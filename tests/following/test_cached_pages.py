"""The form sits on cached pages: the same bytes for every visitor, no cookie and no
CSRF token in them, and a POST from a visitor with no cookie at all works. The pages'
query counts do not change."""

from __future__ import annotations

import pytest
from django.test import Client

from following.models import Follower
from tests.following.conftest import follow_form_action

pytestmark = pytest.mark.django_db

PAGES = ["/kommun/nordmaling/", "/lokalpolisomrade/skelleftea/", "/kommun/nordmaling/folj/"]


@pytest.mark.parametrize("path", PAGES)
def test_the_cached_page_keeps_working_with_the_form(
    seeded, path, django_assert_num_queries, django_capture_on_commit_callbacks
):
    first = Client().get(path)
    assert first.status_code == 200
    assert not first.cookies
    assert "csrfmiddlewaretoken" not in first.content.decode()
    with django_assert_num_queries(0):
        second = Client().get(path)
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=60"

    # A visitor who has no cookie at all, with CSRF checks on as in a real browser.
    visitor = Client(enforce_csrf_checks=True)
    with django_capture_on_commit_callbacks(execute=True):
        answer = visitor.post(
            follow_form_action(second.content.decode()), {"epost": "kaka@example.se"}
        )
    assert answer.status_code == 200
    assert "Kontrollera din e-post" in answer.content.decode()
    assert Follower.objects.filter(email="kaka@example.se").exists()


# The budgets of tests/pledges/test_query_counts.py: the form adds no query.
@pytest.mark.parametrize(
    ("path", "budget"),
    [
        # 1 municipality, 2 its pledges, 3 their municipalities, 4 agreements (5 their
        # municipalities); followup: 6 last change to each pledge, 7 last activity per
        # pledge, 8 last planned activity per pledge, 9 latest published annual review
        ("/kommun/mala/", 9),
        # 1 police area, 2 its municipalities, 3 their pledges
        ("/lokalpolisomrade/skelleftea/", 3),
        # 1 municipality
        ("/kommun/mala/folj/", 1),
    ],
)
def test_the_pages_with_the_form_make_as_many_queries_as_before(
    seeded, rendered_pages, client, path, budget, django_assert_max_num_queries
):
    with django_assert_max_num_queries(budget):
        response = client.get(path)
    assert 'name="epost"' in response.content.decode()
