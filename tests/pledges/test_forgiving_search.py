"""Search forgives typos, finds counties and the words of published pledges, on SQLite
and PostgreSQL alike."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.page_scopes import SEARCH, organisation_scopes
from pledges.models import Commitment, Pledge
from pledges.national import generate_national_data
from pledges.selectors import TEXT_HIT_LIMIT, pledge_text_search
from portal.search import edit_distance, highlight, name_matches
from tests.seeds import html_text

pytestmark = pytest.mark.django_db


def search_text(client, query: str) -> str:
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 200, query
    return response.content.decode()


@pytest.mark.parametrize("query", ["nordmalig", "Nordmalin", "NORDMALNG"])
def test_a_typo_still_finds_the_municipality(client, seeded, query):
    assert "Nordmalings kommun" in html_text(search_text(client, query))


@pytest.mark.parametrize("query", ["malå", "MALA"])
def test_folded_name_goes_to_the_municipality(client, seeded, query):
    assert client.get("/sok/", {"q": query})["Location"] == "/kommun/mala/"


def test_a_typo_in_a_police_area_still_finds_it(client, seeded):
    assert "Lokalpolisområde Södra Fyrbodal" in html_text(search_text(client, "fyrbodl"))


def test_short_queries_allow_no_typos(client, seeded):
    text = html_text(search_text(client, "KÖ"))
    assert "Kungsörs kommun" not in text


@pytest.mark.parametrize("query", ["Västerbotten", "vasterbotten", "Västerbottens län"])
def test_a_county_lists_its_municipalities(client, seeded, query):
    text = html_text(search_text(client, query))
    section = text.split("Kommuner i Västerbottens län")[1]
    assert "Malå kommun" in section
    assert "Nordmalings kommun" in section
    assert "Köpings kommun" not in section


def test_words_of_a_published_pledge_are_found_and_marked(client, seeded):
    html = search_text(client, "trygghetsvandring")
    text = html_text(html)
    assert "Medborgarlöften som nämner sökorden" in text
    assert "Medborgarlöfte 2024, Malå kommun" in text
    assert "<mark>trygghetsvandringar</mark>" in html


@pytest.mark.parametrize("query", ["langning", "LÅNGNING"])
def test_folded_words_are_found_inside_compounds(client, seeded, query):
    html = search_text(client, query)
    assert "<mark>antilangningskampanj</mark>" in html
    assert "Medborgarlöfte 2024, Malå kommun" in html_text(html)


def test_the_result_count_is_announced(client, seeded):
    html = search_text(client, "trygghetsvandring")
    status = html.split('role="status"')[1].split("</div>")[0]
    assert "1 träff för ”trygghetsvandring”" in html_text(status)


def test_drafts_are_not_searched(client, seeded):
    pledge = Pledge.objects.published().get(title="Medborgarlöfte 2024, Malå kommun")
    # A published pledge refuses update(): back to a draft in SQL, as if never published.
    with connection.cursor() as cursor:
        cursor.execute("UPDATE pledges_pledge SET status = 'draft' WHERE id = %s", [pledge.pk])
    groups, count = pledge_text_search("trygghetsvandring")
    assert (groups, count) == ([], 0)


def test_a_query_is_escaped(client, seeded):
    html = search_text(client, "<script>alert(1)</script>")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_highlighting_escapes_the_text():
    marked = highlight("Polis & kommun <b>langar</b> inte", ["langar"])
    assert marked == "Polis &amp; kommun &lt;b&gt;<mark>langar</mark>&lt;/b&gt; inte"


def test_highlighting_cuts_long_texts_around_the_match():
    marked = highlight("ord " * 200 + "trygghet " + "ord " * 200, ["trygghet"], width=80)
    assert "<mark>trygghet</mark>" in marked
    assert marked.startswith("…") and marked.endswith("…")
    assert len(marked) < 120


def test_edit_distance_and_name_matches():
    assert edit_distance("nordmalig", "nordmaling", limit=2) == 1
    assert edit_distance("abc", "xyzxyz", limit=1) == 2
    assert name_matches("nordmalig", "Nordmaling")
    assert not name_matches("ko", "Kungsör")


def test_document_changes_bump_the_search_page():
    assert SEARCH in organisation_scopes([])


@pytest.mark.usefixtures("rendered_pages")
def test_text_hits_are_capped_and_the_query_count_is_constant(client, seeded):
    def queries(query: str) -> int:
        client.get("/sok/", {"q": query})
        with CaptureQueriesContext(connection) as context:
            assert client.get("/sok/", {"q": query}).status_code == 200
        return len(context.captured_queries)

    before = queries("exempelinsats")
    generate_national_data(commitments_per_pledge=2)
    assert Commitment.objects.filter(text__contains="exempelinsats").count() > TEXT_HIT_LIMIT
    # Municipalities, police areas, the county's municipalities (none named), the
    # commitments, the focus areas (skipped once the commitments reach the cap).
    assert queries("exempelinsats") <= before <= 5
    html = search_text(client, "exempelinsats")
    assert html.count("<mark>exempelinsats</mark>") == TEXT_HIT_LIMIT
    assert f"Visar de första {TEXT_HIT_LIMIT} träffarna" in html_text(html)


@pytest.mark.usefixtures("rendered_pages")
def test_search_query_budget_on_national_data(client, seeded, django_assert_max_num_queries):
    generate_national_data(commitments_per_pledge=2)
    # Municipalities, police areas, commitments and focus areas (no county is named).
    with django_assert_max_num_queries(4):
        assert client.get("/sok/", {"q": "grannsamverkan"}).status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Swedish stemming")
def test_postgresql_finds_other_forms_of_a_word(client, seeded):
    # Not a substring of "trygghetsvandringar": found by the Swedish stemmer.
    html = search_text(client, "trygghetsvandringarna")
    assert "<mark>trygghetsvandringar</mark>" in html


def test_a_query_of_stop_words_is_no_error(client, seeded):
    assert client.get("/sok/", {"q": "och"}).status_code == 200
