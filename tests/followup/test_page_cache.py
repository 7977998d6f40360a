"""Public pages from the shared cache: the same bytes for every anonymous visitor, with
ETag, Last-Modified and compression, and every write shows on the pages at once."""

from __future__ import annotations

import datetime
import gzip

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.models import Membership, Municipality
from followup.activities import services as activities
from followup.models import ReviewState
from pledges.models import Pledge
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.followup.review_fixtures import people_for, publish_through_sign_off
from tests.seeds import html_text

pytestmark = pytest.mark.django_db

Role = Membership.Role


def text(response) -> str:
    return html_text(response.content.decode())


@pytest.fixture
def pages(world):
    return {
        "home": "/",
        "search": "/sok/?q=by",
        "municipality": world.own_municipality.get_absolute_url(),
        "police area": world.own_police_area.get_absolute_url(),
        "pledge": world.pledge.get_absolute_url(),
    }


def test_a_warm_public_page_makes_no_query_and_can_be_revalidated(
    client, pages, django_assert_num_queries
):
    for name, path in pages.items():
        first = client.get(path)
        assert first.status_code == 200, name
        with django_assert_num_queries(0):
            again = client.get(path)
        assert again.content == first.content, name
        assert again["Cache-Control"] == "public, max-age=60"
        # The headers the rest of the middleware gave the page stay with its copy.
        for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Type"):
            assert again[header] == first[header], (name, header)
        assert again["Last-Modified"]
        etag = again["ETag"]
        with django_assert_num_queries(0):
            revalidated = client.get(path, HTTP_IF_NONE_MATCH=etag)
        assert revalidated.status_code == 304, name
        assert revalidated.content == b""
        since = client.get(path, HTTP_IF_MODIFIED_SINCE=again["Last-Modified"])
        assert since.status_code == 304, name


def test_pages_are_compressed_for_clients_that_accept_it(client, pages):
    plain = client.get(pages["home"])
    packed = client.get(pages["home"], HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 2
    # Each encoding has its own ETag: a CDN never answers one with the other's bytes.
    assert packed["ETag"] != plain["ETag"]


def test_a_logged_in_page_is_never_cached_nor_served_to_another(client, world, pages, coordinator):
    client.force_login(coordinator)
    mine = client.get(pages["pledge"])
    assert "Logga ut" in mine.content.decode()
    assert "public" not in mine.get("Cache-Control", "")
    client.logout()
    public = client.get(pages["pledge"])
    assert "Logga ut" not in public.content.decode()
    client.force_login(coordinator)
    assert "Logga ut" in client.get(pages["pledge"]).content.decode()


def test_a_page_with_an_unknown_parameter_is_rendered_not_cached(
    client, pages, django_assert_max_num_queries
):
    client.get(pages["pledge"] + "?okand=1")
    response = client.get(pages["pledge"] + "?okand=1")
    assert "Cache-Control" not in response or "public" not in response["Cache-Control"]


def test_a_new_activity_shows_at_once(client, world, pages, coordinator):
    for path in pages.values():
        client.get(path)
    activities.activity_log(
        user=coordinator,
        commitment=world.commitment,
        date=datetime.date(2024, 5, 2),
        text="Trafikkontroll vid skolan i maj",
    )
    assert "Trafikkontroll vid skolan i maj" in text(client.get(pages["pledge"]))
    # The municipality page (when its pledges were last updated) is rendered afresh.
    with CaptureQueriesContext(connection) as queries:
        client.get(pages["municipality"])
    assert queries.captured_queries


@pytest.mark.usefixtures("document_settings")
def test_a_published_follow_up_shows_at_once(client, world, pages):
    assert "Uppföljning 2024" not in text(client.get(pages["pledge"]))
    review = publish_through_sign_off(world.pledge, people_for(world.pledge), 2024)
    assert review.state == ReviewState.PUBLISHED
    page = client.get(pages["pledge"]).content.decode()
    assert review.get_absolute_url() in page


def test_a_renamed_municipality_shows_at_once_everywhere(client, world, pages):
    for path in pages.values():
        assert "Granby" in text(client.get(path))
    granby = Municipality.objects.get(pk=world.own_municipality.pk)
    granby.name, granby.official_name = "Storgranby", "Storgranby kommun"
    granby.save()
    for name, path in pages.items():
        assert "Storgranby" in text(client.get(path)), name


def test_a_municipality_moved_to_another_police_area_leaves_the_old_ones_page(client, world, pages):
    old_area = client.get(pages["police area"])
    assert "Granby kommun" in text(old_area)
    granby = Municipality.objects.get(pk=world.own_municipality.pk)
    granby.police_area = world.other_police_area
    granby.save()
    assert "Granby kommun" not in text(client.get(pages["police area"]))
    assert "Granby kommun" in text(client.get(world.other_police_area.get_absolute_url()))


def test_bulk_writes_renew_every_page(client, seeded):
    from pledges.national import generate_national_data

    home = client.get("/")
    generate_national_data(commitments_per_pledge=1)
    assert client.get("/").content != home.content
    assert Pledge.objects.count() > 100
