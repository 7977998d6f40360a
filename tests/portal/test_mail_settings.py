"""E-postinställningar: a person turns reminders off and on through the form."""

from __future__ import annotations

import pytest
from django.urls import reverse

from portal.models import Profile
from tests.drafting_forms import form_data
from tests.followup.factories import UserFactory
from tests.seeds import html_text

pytestmark = pytest.mark.django_db

URL = "/samordnare/installningar/"


@pytest.fixture
def person(client):
    user = UserFactory(first_name="Astrid", last_name="Lindqvist")
    client.force_login(user)
    return user


def test_the_page_asks_residents_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_person_turns_reminders_off_and_on_again(client, person):
    page = client.get(URL)
    assert page.status_code == 200
    text = html_text(page.content.decode())
    # The page says what cannot be turned off.
    assert "Meddelanden om att något väntar på din underskrift" in text
    assert "skickas alltid" in text
    data = form_data(page.content.decode())
    assert data["reminders"] == "on"

    data["reminders"] = "off"
    response = client.post(URL, data)

    assert response.status_code == 302 and response["Location"] == URL
    profile = Profile.objects.get(user=person)
    assert profile.reminders_enabled is False
    assert profile.history.latest().history_user == person
    page = client.get(URL)
    assert "Dina e-postinställningar är sparade." in html_text(page.content.decode())
    assert form_data(page.content.decode())["reminders"] == "off"

    client.post(URL, {**form_data(page.content.decode()), "reminders": "on"})
    profile.refresh_from_db()
    assert profile.reminders_enabled is True


def test_a_missing_choice_is_shown_in_the_error_summary(client, person):
    data = form_data(client.get(URL).content.decode())
    data.pop("reminders", None)
    response = client.post(URL, data)

    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert "Dina e-postinställningar är inte sparade" in html_text(page)
    assert 'href="#id_reminders"' in page and "Välj om du vill ha påminnelser." in page
    assert not Profile.objects.filter(user=person).exists()


def test_the_name_page_and_the_header_link_to_the_settings(client, person):
    page = client.get("/samordnare/konto/").content.decode()
    assert page.count(f'href="{URL}"') == 2
