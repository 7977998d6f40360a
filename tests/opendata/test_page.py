"""The page "Öppna data": the licence, every file with a working link and its columns
described, the API and its OpenAPI document; linked from every page's footer, from the
municipality and pledge pages, and listed in the sitemap."""

from __future__ import annotations

import re

import pytest

from opendata.csv_files import FILES
from portal.choices import PublicationStatus
from tests.factories import PledgeFactory
from tests.seeds import html_text

pytestmark = pytest.mark.django_db

URL = "/oppna-data/"


def links(page: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', page)


def test_the_page_states_the_licence_and_describes_every_file_and_column(client, seeded):
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    text = html_text(page)
    assert "<h1>Öppna data</h1>" in page
    assert "CC0" in text
    assert 'href="https://creativecommons.org/publicdomain/zero/1.0/deed.sv" rel="license"' in page
    assert "semikolon" in text and "UTF-8" in text
    for csv_file in FILES:
        assert str(csv_file.title) in text
        for column in csv_file.columns:
            assert f"<code>{column.name}</code>" in page
            assert str(column.description) in page or html_text(str(column.description)) in text


def test_every_link_of_the_page_to_the_data_works(client, seeded):
    page = client.get(URL).content.decode()
    data_links = [href for href in links(page) if href.startswith(("/oppna-data/", "/api/v1/"))]
    assert {f"/oppna-data/{f.slug}.csv" for f in FILES} <= set(data_links)
    assert "/api/v1/openapi.json" in data_links
    assert "/api/v1/pledges" in data_links
    for href in data_links:
        response = client.get(href)
        assert response.status_code == 200, href
    downloads = [client.get(f"/oppna-data/{f.slug}.csv") for f in FILES]
    assert all(r["Content-Type"] == "text/csv; charset=utf-8" for r in downloads)


def test_the_footer_and_the_municipality_police_area_and_pledge_pages_link_to_the_data(
    client, seeded
):
    home = client.get("/").content.decode()
    assert f'<a href="{URL}">Öppna data</a>' in home
    municipality = client.get("/kommun/mala/").content.decode()
    assert 'href="/oppna-data/kommun/mala/loften-per-ar.csv"' in municipality
    assert 'href="/oppna-data/kommun/mala/bedomningar.csv"' in municipality
    area = client.get("/lokalpolisomrade/skelleftea/").content.decode()
    assert 'href="/oppna-data/lokalpolisomrade/skelleftea/loften-per-ar.csv"' in area
    assert 'href="/oppna-data/lokalpolisomrade/skelleftea/bedomningar.csv"' in area
    pledge = client.get("/medborgarlofte/mala-2024/").content.decode()
    assert 'href="/oppna-data/medborgarlofte/mala-2024/loften-per-ar.csv"' in pledge
    for path in (
        "/oppna-data/kommun/mala/loften-per-ar.csv",
        "/oppna-data/lokalpolisomrade/skelleftea/loften-per-ar.csv",
        "/oppna-data/medborgarlofte/mala-2024/loften-per-ar.csv",
    ):
        assert "Malå" in client.get(path).content.decode("utf-8-sig")


def test_a_replaced_revision_has_no_download_link(client, world):
    PledgeFactory(
        slug="granby-ersatt",
        status=PublicationStatus.REPLACED,
        municipalities=[world.own_municipality],
    )
    page = client.get("/medborgarlofte/granby-ersatt/").content.decode()
    assert "loften-per-ar.csv" not in page


def test_the_sitemap_lists_the_page(client, settings):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{settings.SITE_URL}{URL}</loc>" in sitemap
