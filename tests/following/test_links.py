"""The links in the mail: a confirmation link shows a button and confirms only when it is
pressed, and expires with the address; an unsubscribe link shows a button, and its POST
(the button or a mail program's one click) deletes the address at once."""

from __future__ import annotations

import datetime
import time

import pytest
from django.core import signing

from following.models import Follower
from following.tokens import confirm_token, unsubscribe_token
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def follower(db) -> Follower:
    return Follower.objects.create(
        email="lisa@example.se",
        municipality=MunicipalityFactory(name="Granby", official_name="Granby kommun"),
    )


def test_opening_the_confirmation_link_confirms_nothing_until_the_button(client, follower):
    path = f"/folj/bekrafta/{confirm_token(follower)}/"
    shown = client.get(path)
    assert shown.status_code == 200
    assert "Tryck på knappen för att börja få e-post" in shown.content.decode()
    assert "no-store" in shown["Cache-Control"]
    follower.refresh_from_db()
    assert follower.confirmed_at is None

    confirmed = client.post(path)
    assert "Du följer nu Granby kommun" in confirmed.content.decode()
    follower.refresh_from_db()
    first = follower.confirmed_at
    assert first is not None
    # Pressed twice: still confirmed, once.
    assert "Du följer nu Granby kommun" in client.post(path).content.decode()
    follower.refresh_from_db()
    assert follower.confirmed_at == first


def test_a_confirmation_link_expires_after_seven_days(client, follower, monkeypatch):
    path = f"/folj/bekrafta/{confirm_token(follower)}/"
    later = time.time() + datetime.timedelta(days=7, minutes=1).total_seconds()
    monkeypatch.setattr(signing.time, "time", lambda: later)
    answer = client.post(path)
    assert answer.status_code == 410
    assert "Länken har gått ut" in answer.content.decode()
    follower.refresh_from_db()
    assert follower.confirmed_at is None


@pytest.mark.parametrize("kind", ["bekrafta", "avsluta"])
def test_a_broken_link_is_told_in_swedish(client, follower, kind):
    token = confirm_token(follower) if kind == "bekrafta" else unsubscribe_token(follower)
    answer = client.post(f"/folj/{kind}/{token[:-3]}xyz/")
    assert answer.status_code == 404
    assert "Länken fungerar inte" in answer.content.decode()
    assert Follower.objects.filter(pk=follower.pk).exists()


def test_a_confirmation_link_is_no_unsubscribe_link(client, follower):
    answer = client.post(f"/folj/avsluta/{confirm_token(follower)}/")
    assert answer.status_code == 404
    assert Follower.objects.filter(pk=follower.pk).exists()


def test_the_unsubscribe_page_asks_before_it_deletes(client, follower):
    path = f"/folj/avsluta/{unsubscribe_token(follower)}/"
    shown = client.get(path)
    text = shown.content.decode()
    assert "Sluta följa Granby kommun" in text
    assert "Din e-postadress raderas direkt." in text
    assert Follower.objects.filter(pk=follower.pk).exists()

    gone = client.post(path)
    assert "Du följer inte längre Granby kommun" in gone.content.decode()
    assert not Follower.objects.exists()
    # The confirmation link of a deleted address does nothing.
    assert client.post(f"/folj/bekrafta/{confirm_token(follower)}/").status_code == 404
