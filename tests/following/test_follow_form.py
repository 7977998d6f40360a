"""The follow form: on the municipality page and its own page, GET, fill, POST; a bad
address is told in Swedish and kept; an address already following is answered the same;
a client entering many addresses is stopped (429)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from following.models import Follower
from following.ratelimit import PER_ADDRESS, PER_CLIENT
from tests.following.conftest import follow, link_in, mails_to

pytestmark = pytest.mark.django_db

ADDRESS = "per.persson@example.se"


def test_the_follow_page_shows_the_form_and_says_what_is_stored(client, seeded):
    page = client.get("/kommun/nordmaling/folj/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Följ Nordmalings kommun via e-post" in text
    assert '<label for="folj-epost">Din e-postadress' in text
    assert 'autocomplete="email"' in text
    # What is stored, for how long, and how to stop, in plain words.
    assert "Portalen sparar bara din e-postadress, vad du följer och datumen" in text
    assert "Bekräftar du inte inom 7 dagar raderas adressen." in text
    assert "Varje meddelande har en länk för att sluta följa: då raderas adressen direkt." in text


def test_get_fill_post_sends_a_confirmation_link(
    client, seeded, django_capture_on_commit_callbacks
):
    client.get("/kommun/nordmaling/folj/")
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post("/kommun/nordmaling/folj/", {"epost": f"  {ADDRESS}  "})
    assert answer.status_code == 200
    assert f"Vi skickar ett mejl till {ADDRESS}" in answer.content.decode()
    follower = Follower.objects.get()
    assert (follower.email, follower.municipality.slug, follower.confirmed_at) == (
        ADDRESS,
        "nordmaling",
        None,
    )
    [confirmation] = mail.outbox
    assert confirmation.to == [ADDRESS]
    assert "Nordmalings kommun" in confirmation.body
    html, _ = confirmation.alternatives[0]
    assert link_in(confirmation, "/folj/bekrafta/") in html


@pytest.mark.parametrize(
    ("entered", "error"),
    [
        ("per.persson@", "Skriv en e-postadress i formen namn@exempel.se."),
        ("", "Skriv din e-postadress."),
    ],
)
def test_a_bad_address_is_told_in_swedish_and_kept(client, seeded, entered, error):
    answer = client.post("/kommun/nordmaling/folj/", {"epost": entered})
    assert answer.status_code == 400
    text = answer.content.decode()
    assert "Adressen är inte anmäld:" in text
    assert error in text
    assert f'value="{entered}"' in text if entered else 'name="epost"' in text
    assert not Follower.objects.exists()
    assert mail.outbox == []


def test_an_unknown_place_is_not_found(client, seeded):
    assert client.get("/kommun/finns-inte/folj/").status_code == 404
    assert client.post("/lokalpolisomrade/finns-inte/folj/", {"epost": ADDRESS}).status_code == 404


def test_an_address_already_following_is_answered_the_same_and_told_by_mail(
    seeded, django_capture_on_commit_callbacks
):
    resident = Client()
    follow(resident, "/kommun/nordmaling/", ADDRESS, django_capture_on_commit_callbacks)
    confirmed_at = Follower.objects.get().confirmed_at
    mail.outbox.clear()

    stranger = Client()
    with django_capture_on_commit_callbacks(execute=True):
        answer = stranger.post("/kommun/nordmaling/folj/", {"epost": ADDRESS.upper()})
    # The page does not tell a stranger whether the address follows.
    fresh = stranger.post("/kommun/nordmaling/folj/", {"epost": "ny@example.se"})
    assert answer.content.decode().replace(ADDRESS.upper(), "X") == fresh.content.decode().replace(
        "ny@example.se", "X"
    )
    [note] = mails_to(ADDRESS)
    assert note.subject == "Du följer redan Nordmalings kommun"
    assert "/folj/avsluta/" in note.body
    follower = Follower.objects.get(email=ADDRESS)
    assert follower.confirmed_at == confirmed_at


def test_entering_an_unconfirmed_address_again_sends_a_new_link_and_the_old_stops(
    client, seeded, django_capture_on_commit_callbacks
):
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/kommun/nordmaling/folj/", {"epost": ADDRESS})
    old, new = (link_in(message, "/folj/bekrafta/") for message in mails_to(ADDRESS))
    assert Follower.objects.count() == 1

    stale = client.post(old)
    assert stale.status_code == 404
    assert "Länken fungerar inte" in stale.content.decode()
    assert Follower.objects.get().confirmed_at is None
    assert "Du följer nu Nordmalings kommun" in client.post(new).content.decode()


def test_many_addresses_from_one_client_are_stopped_in_swedish(
    seeded, django_capture_on_commit_callbacks
):
    abuser = Client(REMOTE_ADDR="203.0.113.7")
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(PER_CLIENT):
            answer = abuser.post("/kommun/nordmaling/folj/", {"epost": f"offer{n}@example.se"})
            assert answer.status_code == 200
        refused = abuser.post("/kommun/nordmaling/folj/", {"epost": "en.till@example.se"})
    assert refused.status_code == 429
    text = refused.content.decode()
    assert "Det har kommit för många anmälningar på kort tid." in text
    assert 'value="en.till@example.se"' in text
    assert not Follower.objects.filter(email="en.till@example.se").exists()
    assert len(mail.outbox) == PER_CLIENT

    # Another client is not stopped.
    other = Client(REMOTE_ADDR="198.51.100.2")
    assert other.post("/kommun/nordmaling/folj/", {"epost": ADDRESS}).status_code == 200


def test_one_address_gets_only_a_few_confirmation_mails(seeded):
    places = ["/kommun/nordmaling/folj/", "/kommun/mala/folj/", "/kommun/asele/folj/"]
    answers = [
        Client(REMOTE_ADDR=f"198.51.100.{n}").post(places[n % 3], {"epost": ADDRESS})
        for n in range(PER_ADDRESS + 1)
    ]
    assert [a.status_code for a in answers] == [200] * PER_ADDRESS + [429]
