"""An agreement's breadcrumb names the municipality the reader came from, or all of them."""

import pytest

from tests.breadcrumbs import crumbs
from tests.factories import AgreementFactory, MunicipalityFactory, PoliceAreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(db):
    """An agreement of one police area and two of its municipalities."""
    area = PoliceAreaFactory(name="Testområdet", slug="testomradet")
    return AgreementFactory(
        slug="gemensam",
        police_area=area,
        municipalities=[
            MunicipalityFactory(name="Aby", slug="aby", police_area=area),
            MunicipalityFactory(name="Bby", slug="bby", police_area=area),
        ],
    )


def test_shared_agreement_names_all_its_municipalities(client, shared):
    assert crumbs(client.get(shared.get_absolute_url())) == [
        ("Start", "/"),
        ("Aby och Bby", "/lokalpolisomrade/testomradet/"),
        (shared.title, "current"),
    ]


def test_shared_agreement_names_the_municipality_the_reader_came_from(client, shared):
    assert crumbs(client.get(f"{shared.get_absolute_url()}?kommun=bby"))[1] == (
        "Bby kommun",
        "/kommun/bby/",
    )


def test_municipality_page_links_its_agreements_with_itself_as_where_the_reader_came_from(
    client, shared
):
    page = client.get("/kommun/bby/").content.decode()
    assert f'href="{shared.get_absolute_url()}?kommun=bby"' in page


def test_seed_agreement_of_one_municipality_names_it(client, seeded):
    response = client.get("/overenskommelse/asele-2019-2022/")
    assert crumbs(response)[1] == ("Åsele kommun", "/kommun/asele/")
