"""The signing password counts like a login: wrong guesses lock the user name from that
client (django-axes), behind our reverse proxy too, while the official signs from theirs."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from followup.models import ReviewSignOff
from tests.followup.review_fixtures import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
ATTACKER = "203.0.113.5"
OFFICIAL = "198.51.100.7"


def sign(client: Client, review, password: str, client_address: str):
    review.refresh_from_db()
    return client.post(
        reverse("followup:review_sign", args=[review.pk]),
        {"password": password, "title": "Chef", "content_version": review.content_version},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=client_address,
    )


@pytest.fixture
def one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    return settings


def test_wrong_signing_passwords_lock_that_client_but_not_the_officials(
    submitted, granby_people, one_proxy
):
    signatory = granby_people.police
    # Someone at an unlocked computer, with the signatory's session, guesses the password.
    attacker, official = Client(), Client()
    attacker.force_login(signatory)
    official.force_login(signatory)
    answers = [
        sign(attacker, submitted, "gissning", ATTACKER).status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    # A wrong password is a form error until the last allowed guess locks the client.
    assert answers == [400] * (settings.AXES_FAILURE_LIMIT - 1) + [429]

    locked = sign(attacker, submitted, PASSWORD, ATTACKER)
    assert locked.status_code == 429
    assert "Inloggningen är tillfälligt spärrad" in locked.content.decode()
    assert not ReviewSignOff.objects.exists()

    signed = sign(official, submitted, PASSWORD, OFFICIAL)
    assert signed.status_code == 302
    assert ReviewSignOff.objects.filter(user=signatory).count() == 1


def test_signing_failures_count_towards_the_login_lockout_of_that_client(
    submitted, granby_people, one_proxy
):
    signatory = granby_people.police
    attacker = Client()
    attacker.force_login(signatory)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign(attacker, submitted, "gissning", ATTACKER)

    login = Client().post(
        "/logga-in/",
        {"username": signatory.username, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=ATTACKER,
    )
    assert login.status_code == 429
