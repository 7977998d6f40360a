"""A form refused by the CSRF check gets a Swedish page that says what to do."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_form_without_a_valid_csrf_token_gets_the_swedish_page():
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/kontrollera/", {"sha256": "a" * 64})
    assert response.status_code == 403
    page = response.content.decode()
    assert "<h1>Formuläret kunde inte skickas</h1>" in page
    assert "ladda om sidan och försök igen" in page
    assert "kakor" in page
    assert 'lang="sv"' in page
    # Branded: the site's own layout, not Django's English default.
    assert "CSRF verification failed" not in page
    assert "Till startsidan" in page


def test_a_stale_token_gets_the_same_page():
    strict = Client(enforce_csrf_checks=True)
    strict.get("/kontrollera/")
    response = strict.post("/kontrollera/", {"csrfmiddlewaretoken": "x" * 64})
    assert response.status_code == 403
    assert "Formuläret kunde inte skickas" in response.content.decode()
