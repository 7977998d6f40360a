"""Following a police area: its page has the form, and its followers hear of what its
feed carries: here Malå's published follow-up (Malå answers to Skellefteå). An address
that follows both the municipality and its police area gets one message per event; the
followers of other places get none."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from following.models import Follower
from pledges.models import Pledge
from tests.following.conftest import SITE_URL, follow, follow_form_action, mails_to
from tests.followup.review_fixtures import people_for, publish_through_sign_off

pytestmark = pytest.mark.django_db

POLICE_FOLLOWER = "polisnytt@example.se"
BOTH = "bada@example.se"
ELSEWHERE = "nordmaling@example.se"


def test_a_police_area_follower_hears_of_a_published_follow_up(
    seeded, django_capture_on_commit_callbacks
):
    page = Client().get("/lokalpolisomrade/skelleftea/")
    assert "Få ett mejl när något nytt publiceras för lokalpolisområde Skellefteå" in (
        page.content.decode()
    )
    assert follow_form_action(page.content.decode()) == "/lokalpolisomrade/skelleftea/folj/"

    capture = django_capture_on_commit_callbacks
    follow(Client(), "/lokalpolisomrade/skelleftea/", POLICE_FOLLOWER, capture)
    follow(Client(), "/lokalpolisomrade/skelleftea/", BOTH, capture)
    follow(Client(), "/kommun/mala/", BOTH, capture)
    follow(Client(), "/kommun/nordmaling/", ELSEWHERE, capture)
    # An address that never confirmed is told nothing.
    with capture(execute=True):
        Client().post("/kommun/mala/folj/", {"epost": "obekraftad@example.se"})
    assert Follower.objects.confirmed().count() == 4
    mail.outbox.clear()

    pledge = Pledge.objects.get(slug="mala-2024")
    with capture(execute=True):
        review = publish_through_sign_off(pledge, people_for(pledge), 2024)

    [news] = mails_to(POLICE_FOLLOWER)
    headline = f"Uppföljning 2024 publicerad: {pledge.title}"
    assert news.subject == f"Lokalpolisområde Skellefteå: {headline}"
    assert f"{SITE_URL}{review.get_absolute_url()}" in news.body
    assert "följa lokalpolisområde Skellefteå" in news.body
    assert news.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # One message for an address that follows both places, as the municipality's follower.
    [both] = mails_to(BOTH)
    assert both.subject.startswith("Malå kommun: Uppföljning 2024 publicerad")
    assert mails_to(ELSEWHERE) == []
    assert mails_to("obekraftad@example.se") == []
