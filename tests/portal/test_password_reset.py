"""Glömt lösenordet: Django's password reset, in Swedish, through the real forms and
the e-mail in ``mail.outbox``; its limit per client and per address; used and old links."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tests.drafting_forms import form_data
from tests.followup.factories import UserFactory
from tests.seeds import html_text

pytestmark = pytest.mark.django_db

REQUEST_URL = "/glomt-losenord/"
NEW_PASSWORD = "Vintergatan-och-Norrsken-42"
LINK_RE = re.compile(r"https?://[^/\s]+(/nytt-losenord/[^\s]+/)")


@pytest.fixture(autouse=True)
def fresh_limits():
    """The request limit counts in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def person(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return UserFactory(username="samordnare-bjorkvik", email="astrid.lindqvist@bjorkvik.se")


def ask_for_link(client, email: str, **extra):
    """GET the request form, fill in the address, POST it."""
    page = client.get(REQUEST_URL, **extra)
    assert page.status_code == 200
    data = form_data(page.content.decode())
    data["email"] = email
    return client.post(REQUEST_URL, data, **extra)


def link_in(message) -> str:
    found = LINK_RE.search(message.body)
    assert found, message.body
    return found.group(1)


def set_new_password(client, link: str, password: str = NEW_PASSWORD):
    """Open the link (Django moves the token into the session), fill in the form."""
    opened = client.get(link, follow=True)
    assert opened.status_code == 200
    form_url = opened.redirect_chain[-1][0] if opened.redirect_chain else link
    data = form_data(opened.content.decode())
    data.update(new_password1=password, new_password2=password)
    return client.post(form_url, data)


def test_the_login_page_links_to_the_reset(client):
    page = client.get(reverse("login")).content.decode()
    assert f'<a href="{REQUEST_URL}">Glömt lösenordet?</a>' in page


def test_the_whole_reset_in_swedish_then_login_with_the_new_password(client, person):
    response = ask_for_link(client, "Astrid.Lindqvist@bjorkvik.se")
    assert response.status_code == 302
    done = client.get(response["Location"])
    assert "Titta i din e-post" in html_text(done.content.decode())

    (message,) = mail.outbox
    assert message.to == ["astrid.lindqvist@bjorkvik.se"]
    assert message.subject == "Nytt lösenord till Medborgarlöften"
    assert "har bett om ett nytt lösenord till kontot samordnare-bjorkvik" in message.body
    assert "Länken fungerar en gång och gäller i 24 timmar." in message.body
    link = link_in(message)

    response = set_new_password(client, link)
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_complete")
    complete = client.get(response["Location"])
    assert "Lösenordet är ändrat" in html_text(complete.content.decode())

    client.logout()
    login = client.post(
        reverse("login"), {"username": "samordnare-bjorkvik", "password": NEW_PASSWORD}
    )
    assert login.status_code == 302 and login["Location"] == reverse("followup:start")


def test_an_address_without_an_account_gets_the_same_answer_and_no_mail(client, person):
    response = ask_for_link(client, "ingen.alls@example.se")
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


def test_a_used_link_is_refused_with_a_clear_page(client, person):
    ask_for_link(client, person.email)
    link = link_in(mail.outbox[0])
    assert set_new_password(client, link).status_code == 302

    again = client.get(link, follow=True)
    text = html_text(again.content.decode())
    assert "Länken fungerar inte längre" in text
    assert "redan använts eller är för gammal" in text
    assert f'href="{REQUEST_URL}"' in again.content.decode()
    assert 'name="new_password1"' not in again.content.decode()


def test_an_old_link_is_refused_with_a_clear_page(client, person, monkeypatch):
    ask_for_link(client, person.email)
    link = link_in(mail.outbox[0])
    later = datetime.datetime.now() + datetime.timedelta(days=2)
    monkeypatch.setattr(default_token_generator, "_now", lambda: later)

    text = html_text(client.get(link, follow=True).content.decode())
    assert "Länken fungerar inte längre" in text


def test_the_new_password_must_pass_the_validators(client, person):
    ask_for_link(client, person.email)
    response = set_new_password(client, link_in(mail.outbox[0]), password="12345678")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Lösenordet är inte ändrat:" in html_text(html)
    assert "för vanligt" in html_text(html) or "numeriskt" in html_text(html)
    person.refresh_from_db()
    assert person.check_password("ett-langt-testlosenord")


def test_an_empty_address_is_refused_in_swedish(client):
    response = ask_for_link(client, "")
    assert response.status_code == 400
    assert "Skriv din e-postadress." in html_text(response.content.decode())


def test_six_requests_for_one_address_are_refused_whoever_asks(client, person):
    for n in range(5):
        response = ask_for_link(client, person.email, REMOTE_ADDR=f"10.0.0.{n}")
        assert response.status_code == 302
    refused = ask_for_link(client, person.email, REMOTE_ADDR="10.0.0.99")

    assert refused.status_code == 429
    assert "för många förfrågningar om nytt lösenord" in html_text(refused.content.decode())
    assert len(mail.outbox) == 5


def test_six_requests_from_one_client_are_refused_for_any_address(client, person):
    for n in range(5):
        assert ask_for_link(client, f"person{n}@example.se").status_code == 302
    refused = ask_for_link(client, person.email)

    assert refused.status_code == 429
    assert mail.outbox == []


def test_the_limit_answers_the_same_for_an_address_without_an_account(client):
    for _ in range(5):
        assert ask_for_link(client, "ingen.alls@example.se").status_code == 302
    assert ask_for_link(client, "ingen.alls@example.se").status_code == 429


def test_a_reset_asked_for_in_english_links_to_the_english_pages(client, person):
    """The person asked on an English page: their language is known, the link keeps it."""
    page = client.get("/en" + REQUEST_URL)
    assert page.status_code == 200
    data = form_data(page.content.decode())
    data["email"] = person.email
    assert client.post("/en" + REQUEST_URL, data).status_code == 302
    link = re.search(r"https?://[^/\s]+(/en/nytt-losenord/[^\s]+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    done = set_new_password(client, link.group(1))
    assert done.status_code == 302 and done["Location"] == "/en/nytt-losenord/klart/"
    login = client.post("/en/logga-in/", {"username": person.username, "password": NEW_PASSWORD})
    assert login.status_code == 302 and login["Location"] == "/en/samordnare/"
