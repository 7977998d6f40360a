"""An agreement's old address keeps working with a permanent redirect when its slug changes."""

import pytest
from django.contrib.auth.models import User

from agreements.models import Agreement
from agreements.services import former_slug_record
from portal.choices import PublicationStatus
from tests.admin_pages import management_forms
from tests.factories import AgreementFactory, MunicipalityFactory

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


def test_admin_makes_the_slug_from_the_title_and_keeps_the_old_address(client):
    client.force_login(User.objects.create_superuser("redaktor"))
    add = "/admin/agreements/agreement/add/"
    data = {
        **management_forms(client, add),
        "title": "Samverkansöverenskommelse 2024–2027, Testby",
        "slug": "",
        "police_party_name": "Polismyndigheten",
        "municipalities": [MunicipalityFactory().pk],
        "valid_from": "2024-01-01",
        "valid_until": "2027-12-31",
    }
    assert client.post(add, data).status_code == 302
    agreement = Agreement.objects.get()
    assert agreement.slug == "samverkansoverenskommelse-2024-2027-testby"

    change = f"/admin/agreements/agreement/{agreement.pk}/change/"
    data = {**data, **management_forms(client, change), "slug": "testby-2024-2027"}
    assert client.post(change, data).status_code == 302
    Agreement.objects.filter(pk=agreement.pk).update(status=PublicationStatus.PUBLISHED)
    response = client.get("/overenskommelse/samverkansoverenskommelse-2024-2027-testby/")
    assert (response.status_code, response["Location"]) == (
        301,
        "/overenskommelse/testby-2024-2027/",
    )
