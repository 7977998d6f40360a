"""The public follow-up page of a shared pledge: its breadcrumb names the municipality the
reader came from, or all of them, and leads back to the pledge the same way."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from followup.reviews.services import review_attach_scanned
from pledges.models import Pledge
from tests.breadcrumbs import crumbs
from tests.followup.factories import UserFactory

FYRBODAL = "/medborgarlofte/sodra-fyrbodal-2023-2024/"
FYRBODAL_TITLE = "Medborgarlöfte 2023–2024, Stenungsund, Orust och Tjörn"
SCAN = b"%PDF-1.4\n% the 2023 follow-up on paper\n%%EOF\n"


@pytest.fixture
def review(seeded, sealing):
    """Södra Fyrbodal's follow-up of 2023, uploaded as its scanned paper original."""
    return review_attach_scanned(
        user=UserFactory(is_staff=True, is_superuser=True),
        document=Pledge.objects.get(slug="sodra-fyrbodal-2023-2024"),
        period_start=datetime.date(2023, 1, 1),
        upload=SimpleUploadedFile("uppfoljning.pdf", SCAN, content_type="application/pdf"),
    )


def test_follow_up_of_a_shared_pledge_names_all_its_municipalities(client, review):
    assert crumbs(client.get(review.get_absolute_url())) == [
        ("Start", "/"),
        ("Orust, Stenungsund och Tjörn", "/lokalpolisomrade/sodra-fyrbodal/"),
        (FYRBODAL_TITLE, FYRBODAL),
        ("Uppföljning 2023", "current"),
    ]


def test_follow_up_names_the_municipality_the_reader_came_from_and_keeps_it(client, review):
    trail = crumbs(client.get(f"{review.get_absolute_url()}?kommun=stenungsund"))
    assert trail[1:3] == [
        ("Stenungsunds kommun", "/kommun/stenungsund/"),
        (FYRBODAL_TITLE, f"{FYRBODAL}?kommun=stenungsund"),
    ]


def test_municipality_page_links_its_latest_follow_up_with_itself(client, review):
    page = client.get("/kommun/orust/").content.decode()
    assert f'href="{review.get_absolute_url()}?kommun=orust"' in page
