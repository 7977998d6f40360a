"""Every page type in English (/en/…), public and behind login, passes axe-core's WCAG 2.1
A and AA rules, says lang="en", and marks the documents' Swedish text lang="sv"."""

from dataclasses import replace

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import PAGES, PortalPage
from tests.browser.test_accessibility import AXE_OPTIONS, describe_violations

pytestmark = pytest.mark.browser

# Every page type the Swedish scans cover (PAGES: public pages, the coordinators' pages
# behind login, the follow and invitation links), under /en/, and the few that only the
# English scan adds.
ENGLISH_PAGES = [
    *(replace(page, path=f"/en{page.path}") for page in PAGES),
    PortalPage("/en/oversikt/"),
    PortalPage("/en/lokalpolisomrade/sodra-fyrbodal/folj/"),
]
# Pages that show a document's own text, which stays Swedish.
WITH_DOCUMENT_TEXT = ("/en/medborgarlofte/", "/en/overenskommelse/", "/en/uppfoljning/")


@pytest.mark.parametrize("english_page", ENGLISH_PAGES, ids=[p.id for p in ENGLISH_PAGES])
def test_english_page_passes_axe_wcag_21_aa_scan_with_lang_en(visit, traffic, english_page):
    page = visit(english_page)

    assert page.locator("html").get_attribute("lang") == "en"
    switch = page.locator('header a[hreflang="sv"]')
    assert switch.inner_text() == "Svenska"
    assert switch.get_attribute("lang") == "sv"
    if english_page.path.startswith(WITH_DOCUMENT_TEXT):
        assert page.locator('main [lang="sv"]').count() > 0

    results = Axe().run(page, options=AXE_OPTIONS).response

    assert results["testEngine"]["name"] == "axe-core"
    assert len(results["passes"]) > 10, results["passes"]
    assert not results["violations"], describe_violations(english_page.path, results["violations"])
    assert traffic.foreign_requests() == []
    assert traffic.console_errors == []


def test_the_language_switch_leads_to_the_same_page_in_the_other_language(visit):
    page = visit("/kommun/mala/")
    page.locator('header a[hreflang="en"]').click()
    page.wait_for_url("**/en/kommun/mala/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator('header a[hreflang="sv"]').click()
    page.wait_for_url("**/kommun/mala/")
    assert page.url.endswith("/kommun/mala/") and "/en/" not in page.url
    assert page.locator("html").get_attribute("lang") == "sv"
