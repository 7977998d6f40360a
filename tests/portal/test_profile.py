"""Ditt namn och din titel: a person sets their own full name and title through the form."""

from __future__ import annotations

import pytest
from django.urls import reverse

from portal.models import Profile
from tests.drafting_forms import form_data
from tests.followup.factories import UserFactory
from tests.seeds import html_text

pytestmark = pytest.mark.django_db

URL = "/samordnare/konto/"


@pytest.fixture
def nameless(client):
    """A person whose account has no name yet, logged in."""
    user = UserFactory(first_name="", last_name="")
    client.force_login(user)
    return user


def fill(client, **values):
    """GET the page, change the fields given, POST it as a browser would."""
    page = client.get(URL)
    assert page.status_code == 200
    data = form_data(page.content.decode())
    data.update(values)
    return client.post(URL, data)


def test_the_page_asks_residents_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_person_sets_their_name_and_title(client, nameless):
    response = fill(client, first_name=" Astrid ", last_name="Lindqvist", title="Kommunchef")

    assert response.status_code == 302 and response["Location"] == URL
    nameless.refresh_from_db()
    assert (nameless.first_name, nameless.last_name) == ("Astrid", "Lindqvist")
    profile = Profile.objects.get(user=nameless)
    assert profile.title == "Kommunchef"
    assert profile.history.get().history_user == nameless
    # Shown again, the form holds what was saved, and the page says it was saved.
    page = client.get(URL)
    assert "Ditt namn och din titel är sparade." in html_text(page.content.decode())
    assert form_data(page.content.decode())["title"] == "Kommunchef"


def test_the_header_and_start_page_link_to_the_page(client, nameless):
    start = client.get(reverse("followup:start")).content.decode()
    assert f'href="{URL}"' in start
    assert "Ditt konto har inget namn ännu" in html_text(start)


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("first_name", "Förnamnet får vara högst 150 tecken."),
        ("last_name", "Efternamnet får vara högst 150 tecken."),
        ("title", "Titeln får vara högst 150 tecken."),
    ],
)
def test_a_too_long_value_is_refused_in_swedish(client, nameless, field, message):
    values = {"first_name": "Astrid", "last_name": "Lindqvist", "title": "Kommunchef"}
    values[field] = "x" * 151
    response = fill(client, **values)

    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert html.index("<h1>") < html.index('class="error-summary"')
    assert message in html_text(html)
    assert f'aria-describedby="id_{field}_error' in html
    nameless.refresh_from_db()
    assert nameless.first_name == ""
    assert not Profile.objects.exists()


def test_an_empty_name_is_refused_in_swedish(client, nameless):
    response = fill(client, first_name="  ", last_name="", title="Kommunchef")

    assert response.status_code == 400
    text = html_text(response.content.decode())
    assert "Ditt namn och din titel är inte sparade:" in text
    assert "Skriv ditt förnamn." in text
    assert "Skriv ditt efternamn." in text
    assert not Profile.objects.exists()


def test_saving_goes_back_to_the_page_it_came_from(client, nameless):
    page = client.get(URL, {"next": "/samordnare/uppfoljning/1/"})
    data = form_data(page.content.decode())
    assert data["next"] == "/samordnare/uppfoljning/1/"
    data.update(first_name="Astrid", last_name="Lindqvist")
    response = client.post(URL, data)
    assert response["Location"] == "/samordnare/uppfoljning/1/"


def test_next_to_another_site_is_ignored(client, nameless):
    response = client.post(
        URL, {"first_name": "Astrid", "last_name": "Lindqvist", "next": "https://example.com/"}
    )
    assert response["Location"] == URL
