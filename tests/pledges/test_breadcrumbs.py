"""A pledge shared by several municipalities: its breadcrumb names the one the reader came
from, or all of them, never always the first."""

import pytest

from agreements.templatetags.parties import municipalities_crumb
from pledges.selectors import pledge_for_page
from tests.breadcrumbs import crumbs
from tests.factories import MunicipalityFactory, PledgeFactory

pytestmark = pytest.mark.django_db

FYRBODAL = "/medborgarlofte/sodra-fyrbodal-2023-2024/"
FYRBODAL_TITLE = "Medborgarlöfte 2023–2024, Stenungsund, Orust och Tjörn"


def test_shared_pledge_names_all_its_municipalities_linked_to_their_police_area(client, seeded):
    assert crumbs(client.get(FYRBODAL)) == [
        ("Start", "/"),
        ("Orust, Stenungsund och Tjörn", "/lokalpolisomrade/sodra-fyrbodal/"),
        (FYRBODAL_TITLE, "current"),
    ]


@pytest.mark.parametrize(
    ("slug", "name"),
    [("orust", "Orust kommun"), ("stenungsund", "Stenungsunds kommun"), ("tjorn", "Tjörns kommun")],
)
def test_shared_pledge_names_the_municipality_the_reader_came_from(client, seeded, slug, name):
    assert crumbs(client.get(f"{FYRBODAL}?kommun={slug}"))[1] == (name, f"/kommun/{slug}/")


def test_municipality_page_links_its_pledges_with_itself_as_where_the_reader_came_from(
    client, seeded
):
    page = client.get("/kommun/tjorn/").content.decode()
    assert f'href="{FYRBODAL}?kommun=tjorn"' in page
    assert crumbs(client.get(f"{FYRBODAL}?kommun=tjorn"))[1] == ("Tjörns kommun", "/kommun/tjorn/")


@pytest.mark.parametrize("came_from", ["mala", "finns-inte", ""])
def test_a_municipality_that_is_no_party_names_them_all(client, seeded, came_from):
    crumb = crumbs(client.get(f"{FYRBODAL}?kommun={came_from}"))[1]
    assert crumb == ("Orust, Stenungsund och Tjörn", "/lokalpolisomrade/sodra-fyrbodal/")


def test_a_pledge_of_one_municipality_names_it(client, seeded):
    assert crumbs(client.get("/medborgarlofte/mala-2024/"))[1] == ("Malå kommun", "/kommun/mala/")


def test_municipalities_of_different_police_areas_are_named_without_a_link(client, db):
    pledge = PledgeFactory(
        slug="tva-omraden",
        municipalities=[MunicipalityFactory(name="Aby"), MunicipalityFactory(name="Bby")],
    )
    trail = crumbs(client.get(pledge.get_absolute_url()))
    # Plain text, not marked as the current page: that is the pledge, last.
    assert trail[1:] == [("Aby och Bby", None), (pledge.title, "current")]


def test_crumb_keeps_the_municipality_for_links_onwards(seeded):
    pledge = pledge_for_page(slug="sodra-fyrbodal-2023-2024")
    assert municipalities_crumb(pledge, "tjorn").query == "?kommun=tjorn"
    assert municipalities_crumb(pledge, None).query == ""
