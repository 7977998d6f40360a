"""The login page: no autofocus, and where a login leads."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "ett-langt-testlosenord"


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("samordnare-testby", password=PASSWORD)


def test_login_page_puts_no_field_in_focus(client):
    page = client.get("/logga-in/").content.decode()
    assert 'name="username"' in page
    assert "autofocus" not in page  # the skip link stays the first Tab stop


def test_login_leads_to_the_coordinator_start_page(client, user):
    response = client.post("/logga-in/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("followup:start") == "/samordnare/"


def test_login_follows_next(client, user):
    response = client.post(
        "/logga-in/",
        {"username": user.username, "password": PASSWORD, "next": "/kommun/testby/"},
    )
    assert response["Location"] == "/kommun/testby/"


def test_login_ignores_next_to_another_site(client, user):
    response = client.post(
        "/logga-in/",
        {"username": user.username, "password": PASSWORD, "next": "https://example.com/"},
    )
    assert response["Location"] == "/samordnare/"
