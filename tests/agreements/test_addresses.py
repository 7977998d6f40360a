"""An agreement's old address keeps working with a permanent redirect when its slug changes."""

import pytest

from agreements.services import former_slug_record
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moved(db):
    """A published agreement whose slug changed from "testby-20242027"."""
    agreement = AgreementFactory(title="Överenskommelse 2024–2027", slug="testby-2024-2027")
    former_slug_record(document=agreement, former_slug="testby-20242027")
    return agreement


def test_old_address_redirects_permanently_to_the_page(client, moved):
    response = client.get("/overenskommelse/testby-20242027/")
    assert response.status_code == 301
    assert response["Location"] == "/overenskommelse/testby-2024-2027/"


def test_old_pdf_address_redirects_permanently_to_the_pdf(client, moved):
    response = client.get("/overenskommelse/testby-20242027/pdf/")
    assert response.status_code == 301
    assert response["Location"] == "/overenskommelse/testby-2024-2027/pdf/"


def test_unknown_address_is_not_found(client, moved):
    assert client.get("/overenskommelse/finns-inte/").status_code == 404
    assert client.get("/overenskommelse/finns-inte/pdf/").status_code == 404
