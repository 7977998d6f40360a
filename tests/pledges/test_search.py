"""Residents find their municipality by name, forgiving case and å/ä/ö."""

import pytest

from tests.seeds import html_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["Malå", "mala", "MALA", " malå "])
def test_whole_name_goes_straight_to_the_municipality(client, seeded, query):
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 302
    assert response["Location"] == "/kommun/mala/"


def test_partial_name_lists_the_matches(client, seeded):
    text = html_text(client.get("/sok/", {"q": "KÖ"}).content.decode())
    assert "Köpings kommun" in text
    assert "Kungsörs kommun" not in text  # "kö" folds to "ko", which Kungsör lacks


def test_search_finds_police_areas(client, seeded):
    text = html_text(client.get("/sok/", {"q": "fyrbodal"}).content.decode())
    assert "Lokalpolisområde Södra Fyrbodal" in text


def test_search_without_a_match_says_so_in_swedish(client, seeded):
    text = html_text(client.get("/sok/", {"q": "Atlantis"}).content.decode())
    assert "Ingen kommun eller lokalpolisområde matchar ”Atlantis”." in text


def test_empty_search_asks_for_a_name(client, seeded):
    text = html_text(client.get("/sok/", {"q": ""}).content.decode())
    assert "Skriv namnet på en kommun eller ett lokalpolisområde." in text


def test_overlong_search_is_cut_not_an_error(client, seeded):
    response = client.get("/sok/", {"q": "å" * 5000})
    assert response.status_code == 200


def test_home_lists_municipalities_by_county_with_police_area(client, seeded):
    text = html_text(client.get("/").content.decode())
    vasterbotten = text.split("Västerbottens län")[1].split("Västmanlands län")[0]
    assert "Malå kommun lokalpolisområde Skellefteå" in vasterbotten
    assert "Nordmalings kommun lokalpolisområde anges inte" in vasterbotten
    # Swedish order: Västerbotten, Västmanland, Västra Götaland.
    assert text.index("Västerbottens län") < text.index("Västmanlands län")
    assert text.index("Västmanlands län") < text.index("Västra Götalands län")


def test_home_shows_newest_pledges_first(client, seeded):
    text = html_text(client.get("/").content.decode())
    newest = text.split("Senaste medborgarlöftena")[1].split("Alla kommuner efter län")[0]
    assert newest.index("2024") < newest.index("Medborgarlöften 2023–2025, Nordmalings kommun")


def test_unknown_address_gets_a_swedish_404_page(client, seeded):
    response = client.get("/det-har-finns-inte/")
    assert response.status_code == 404
    assert "Sidan finns inte" in html_text(response.content.decode())
    assert client.get("/kommun/atlantis/").status_code == 404
    assert client.get("/medborgarlofte/atlantis/").status_code == 404
    assert client.get("/overenskommelse/atlantis/").status_code == 404
    assert client.get("/lokalpolisomrade/atlantis/").status_code == 404
