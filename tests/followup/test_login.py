"""Login: a Swedish page, lockout after repeated failures, CSRF, expiring sessions."""

import pytest
from django.conf import settings
from django.test import Client

from tests.followup.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "ett-langt-testlosenord"


@pytest.fixture
def user(db):
    return UserFactory(username="samordnare-granby")


def test_login_page_is_in_swedish(client):
    page = client.get("/logga-in/").content.decode()
    assert "<h1>Logga in</h1>" in page
    assert "Användarnamn" in page and "Lösenord" in page


def test_correct_password_logs_in(client, user):
    response = client.post("/logga-in/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/samordnare/").status_code == 200


def test_wrong_password_gets_swedish_message(client, user):
    response = client.post("/logga-in/", {"username": user.username, "password": "fel"})
    assert response.status_code == 200
    assert "Ange ett korrekt användarnamn och lösenord" in response.content.decode()


def test_login_is_locked_after_repeated_failures_even_with_right_password(client, user):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/logga-in/", {"username": user.username, "password": "gissning"})
    response = client.post("/logga-in/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 429
    page = response.content.decode()
    assert "Inloggningen är tillfälligt spärrad" in page
    assert "för många misslyckade inloggningsförsök" in page
    assert client.get("/samordnare/").status_code == 302  # still not logged in


def test_login_form_requires_csrf_token(user):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/logga-in/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 403


def test_activity_form_requires_csrf_token(world, coordinator):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(coordinator)
    response = strict.post(
        f"/samordnare/lofte/{world.commitment.pk}/logga/",
        {f"c{world.commitment.pk}-date": "2024-06-01", f"c{world.commitment.pk}-text": "x"},
    )
    assert response.status_code == 403
    assert world.commitment.activities.count() == 1


def test_sessions_expire():
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_HTTPONLY
