"""sitemap.xml: every public page, at SITE_URL, with only what residents may see, in a
constant number of queries, renewed by every publication."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from followup.models import ReviewState
from pledges.national import generate_national_data
from portal.choices import PublicationStatus
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.factories import AgreementFactory, PledgeFactory
from tests.followup.review_fixtures import people_for, publish_through_sign_off, start_fill_submit

pytestmark = pytest.mark.django_db

SITE = "https://medborgarloften.example"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def locations(client) -> list[str]:
    response = client.get("/sitemap.xml", HTTP_HOST="testserver")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return re.findall(r"<loc>(.*?)</loc>", response.content.decode())


def test_sitemap_lists_every_public_page_with_absolute_site_urls(client, world):
    replaced = PledgeFactory(slug="granby-2023", status=PublicationStatus.REPLACED)
    agreement = AgreementFactory(slug="samverkan-granby")
    urls = locations(client)
    expected = [
        "/",
        reverse("portal:about"),
        reverse("portal:accessibility"),
        reverse("portal:verify"),
        world.own_municipality.get_absolute_url(),
        world.other_municipality.get_absolute_url(),
        world.own_police_area.get_absolute_url(),
        world.pledge.get_absolute_url(),
        replaced.get_absolute_url(),
        agreement.get_absolute_url(),
    ]
    for path in expected:
        assert f"{SITE}{path}" in urls
    # Built from SITE_URL, never from the request's host.
    assert all(url.startswith(f"{SITE}/") for url in urls)


def test_sitemap_gives_the_publication_date_of_a_pledge(client, world):
    pledge = PledgeFactory(
        slug="lastmod-2025",
        updated_at=datetime.datetime(2025, 2, 1, 12, tzinfo=datetime.UTC),
        published_on=datetime.date(2025, 3, 4),
    )
    body = client.get("/sitemap.xml").content.decode()
    entry = body.split(f"{SITE}{pledge.get_absolute_url()}</loc>")[1].split("</url>")[0]
    # The later of its last edit and its publication.
    assert re.search(r"<lastmod>(.*?)</lastmod>", entry).group(1).startswith("2025-03-04")


def test_drafts_and_submitted_documents_are_not_in_the_sitemap(client, world):
    draft = PledgeFactory(slug="utkast-granby", status=PublicationStatus.DRAFT)
    submitted = PledgeFactory(slug="skickat-granby", status=PublicationStatus.SUBMITTED)
    draft_agreement = AgreementFactory(slug="utkast-avtal", status=PublicationStatus.DRAFT)
    review = start_fill_submit(world.pledge, people_for(world.pledge), 2024)
    assert review.state != ReviewState.PUBLISHED
    body = client.get("/sitemap.xml").content.decode()
    for hidden in (draft, submitted, draft_agreement, review):
        assert hidden.get_absolute_url() not in body
    assert world.pledge.get_absolute_url() in body


@pytest.mark.usefixtures("document_settings")
def test_a_published_follow_up_is_in_the_sitemap(client, world):
    review = publish_through_sign_off(world.pledge, people_for(world.pledge), 2024)
    assert review.state == ReviewState.PUBLISHED
    assert f"{SITE}{review.get_absolute_url()}" in locations(client)


def test_a_newly_published_pledge_appears_in_a_sitemap_fetched_before(client, world):
    first = client.get("/sitemap.xml")
    assert client.get("/sitemap.xml")["ETag"] == first["ETag"]  # served from the cache
    pledge = PledgeFactory(slug="granby-2026", municipalities=[world.own_municipality])
    second = client.get("/sitemap.xml")
    assert f"{SITE}{pledge.get_absolute_url()}" in second.content.decode()
    assert second["ETag"] != first["ETag"]


def test_the_sitemap_is_cached_publicly_and_revalidated(client, world):
    first = client.get("/sitemap.xml")
    assert first["Cache-Control"].startswith("public")
    again = client.get("/sitemap.xml", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


@pytest.mark.usefixtures("rendered_pages")
def test_sitemap_queries_do_not_grow_with_the_national_data(
    client, db, django_assert_max_num_queries
):
    # (Without the world: its municipality codes are among the national data's.)
    # 1. municipalities, 2. police areas, 3. shown pledges, 4. shown agreements,
    # 5. published follow-ups
    with django_assert_max_num_queries(5):
        few = locations(client)
    generate_national_data(commitments_per_pledge=1)
    with django_assert_max_num_queries(5):
        many = locations(client)
    assert len(many) >= len(few) + 290 + 580
