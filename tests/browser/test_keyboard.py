"""Every page can be used with the keyboard alone, and always shows where focus is."""

import re

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# What a sighted keyboard user needs to see: the focused element, whether it has a visible
# outline or box-shadow, and where it is.
FOCUSED_ELEMENT = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    html: element.outerHTML.slice(0, 160),
    tag: element.tagName.toLowerCase(),
    id: element.id,
    className: typeof element.className === "string" ? element.className : "",
    href: element.getAttribute("href"),
    text: element.textContent.trim().replace(/\\s+/g, " "),
    inHeader: Boolean(element.closest(".site-header")),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
      ? `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}` : "",
    boxShadow: style.boxShadow === "none" ? "" : style.boxShadow,
    top: box.top,
    bottom: box.bottom,
  };
}"""
SKIP_LINK_BOX = """() => {
  const box = document.querySelector("a.skip-link").getBoundingClientRect();
  return {top: box.top, bottom: box.bottom};
}"""
MAX_TAB_STOPS = 300


def focused(page: Page) -> dict | None:
    return page.evaluate(FOCUSED_ELEMENT)


def focus_is_visible(element: dict) -> bool:
    return bool(element["outline"] or element["boxShadow"])


def tab_to(page: Page, description: str, matches) -> dict:
    """Press Tab until the focused element matches, as a keyboard user would look for it."""
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        element = focused(page)
        if element is not None and matches(element):
            return element
    pytest.fail(f"No Tab stop on {page.url} is {description}")


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content(visit, portal_page):
    page = visit(portal_page)
    # The stylesheet applies: the skip link stays above the viewport until it has focus.
    assert page.evaluate(SKIP_LINK_BOX)["bottom"] <= 0

    page.keyboard.press("Tab")
    skip_link = focused(page)
    assert skip_link is not None and "skip-link" in skip_link["className"], skip_link
    assert skip_link["text"] == "Hoppa till innehållet"
    assert skip_link["top"] >= 0, "the focused skip link must be on screen"
    assert focus_is_visible(skip_link), skip_link

    page.keyboard.press("Enter")
    # The jump to the fragment reaches playwright after the key press returns.
    page.wait_for_url(re.compile(r"#innehall$"))
    main = focused(page)
    assert main is not None and main["tag"] == "main", main

    # The next Tab continues from the main content (or the footer, on a page whose main
    # content has no link), not from the header that the skip link skipped.
    page.keyboard.press("Tab")
    after_main = focused(page)
    assert after_main is not None and not after_main["inHeader"], after_main


def test_every_tab_stop_shows_where_focus_is(visit, portal_page):
    page = visit(portal_page)

    stops = []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        element = focused(page)
        if element is None or (stops and element["html"] == stops[0]["html"]):
            break  # focus left the page or came round again
        stops.append(element)
    else:
        pytest.fail(f"More than {MAX_TAB_STOPS} Tab stops on {portal_page.path}")

    assert len(stops) >= 3, stops  # skip link, site name, menu at least
    invisible = [stop["html"] for stop in stops if not focus_is_visible(stop)]
    assert invisible == [], f"focus is not visible on {portal_page.path}: {invisible}"


def test_resident_reaches_malas_pledge_from_the_home_page_with_the_keyboard_alone(visit):
    page = visit("/")

    tab_to(page, "the search field", lambda element: element["id"] == "sok-kommun")
    # The start of the name, without å: a whole name would go straight to the municipality.
    page.keyboard.type("mal")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/sok/\?q=mal$"))

    tab_to(page, "the link to Malå kommun", lambda e: e["href"] == "/kommun/mala/")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/kommun/mala/$"))

    # The municipality page's links say where the reader came from, for the breadcrumb.
    pledge_link = tab_to(
        page,
        "the link to Malå's pledge",
        lambda e: e["href"] == "/medborgarlofte/mala-2024/?kommun=mala",
    )
    assert focus_is_visible(pledge_link), pledge_link
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/medborgarlofte/mala-2024/\?kommun=mala$"))

    assert "Malå" in page.locator("h1").inner_text()
