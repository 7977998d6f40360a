"""The shared page cache keeps one copy of a page per language: a Swedish page is never
served for its English address or the other way round, each copy says its language, and
a write makes both render afresh."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from agreements.models import Municipality

pytestmark = pytest.mark.django_db

PAGES = ["/", "/kommun/mala/", "/medborgarlofte/mala-2024/", "/sok/?q=mal", "/oversikt/"]


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode())[1]


def test_each_language_has_its_own_cached_copy(client, seeded, django_assert_num_queries):
    for path in PAGES:
        swedish = client.get(path)
        english = client.get("/en" + path)
        assert (html_lang(swedish), html_lang(english)) == ("sv", "en"), path
        # Warm: both from the cache, each in its own language with its own headers.
        with django_assert_num_queries(0):
            cached_swedish = client.get(path)
            cached_english = client.get("/en" + path)
        assert cached_swedish.content == swedish.content, path
        assert cached_english.content == english.content, path
        assert cached_swedish["Content-Language"] == "sv", path
        assert cached_english["Content-Language"] == "en", path
        # The address says the language: a cache in front varies on the encoding only.
        for response in (cached_swedish, cached_english):
            assert response["Vary"] == "Accept-Encoding", path
            assert response["Cache-Control"] == "public, max-age=60", path
        assert cached_swedish["ETag"] != cached_english["ETag"], path


def test_the_browsers_language_neither_changes_nor_splits_the_cached_page(
    client, seeded, django_assert_num_queries
):
    first = client.get("/kommun/mala/")
    with django_assert_num_queries(0):
        english_browser = client.get("/kommun/mala/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.8")
    assert english_browser.content == first.content
    assert html_lang(english_browser) == "sv"


def test_an_english_page_cached_first_is_not_served_at_the_swedish_address(client, seeded):
    english = client.get("/en/kommun/mala/")
    assert html_lang(english) == "en"
    swedish = client.get("/kommun/mala/")
    assert html_lang(swedish) == "sv"
    assert "Find your municipality" in english.content.decode()
    assert "Find your municipality" not in swedish.content.decode()


def test_a_write_shows_at_once_in_both_languages(client, seeded):
    for path in ("/kommun/mala/", "/en/kommun/mala/"):
        assert "Malåby" not in client.get(path).content.decode()
    mala = Municipality.objects.get(slug="mala")
    mala.official_name = "Malåby kommun"
    mala.save()
    for path in ("/kommun/mala/", "/en/kommun/mala/"):
        assert "Malåby" in client.get(path).content.decode(), path


def test_a_request_leaves_the_thread_in_its_language(client, seeded):
    client.get("/en/kommun/mala/")  # rendered
    assert translation.get_language() == "sv"
    client.get("/en/kommun/mala/")  # from the cache
    assert translation.get_language() == "sv"


def test_sealed_pdf_downloads_and_feeds_keep_their_addresses(client, seeded):
    # The download middleware answers /dokument/<sha256>.pdf before any page; an unknown
    # version still gets the view's 404 page.
    assert client.get("/dokument/" + "0" * 64 + ".pdf").status_code == 404
    for path in ("/flode/", "/kommun/mala/flode/"):
        assert client.get(path).status_code == 200, path
        feed = client.get("/en" + path)
        assert feed.status_code == 200, path
        assert feed["Content-Type"].startswith("application/atom+xml"), path


def test_the_sitemap_lists_every_page_in_both_languages_with_alternates(client, seeded, settings):
    settings.SITE_URL = "https://medborgarloften.example"
    xml = client.get("/sitemap.xml").content.decode()
    site = settings.SITE_URL
    assert f"<loc>{site}/kommun/mala/</loc>" in xml
    assert f"<loc>{site}/en/kommun/mala/</loc>" in xml
    for hreflang, path in (("sv", "/kommun/mala/"), ("en", "/en/kommun/mala/")):
        link = f'<xhtml:link rel="alternate" hreflang="{hreflang}" href="{site}{path}"/>'
        assert link in xml, hreflang
    assert f'hreflang="x-default" href="{site}/kommun/mala/"' in xml
