"""On a phone 320 CSS px wide every page reflows: nothing scrolls sideways (WCAG 1.4.10)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import PAGES, PortalPage

pytestmark = pytest.mark.browser

# WCAG 1.4.10's width: 320 CSS px, as a 1280 px window zoomed to 400 %.
NARROW = {"width": 320, "height": 640}
PHONE = {"width": 390, "height": 700}

# Every page type (PAGES, which the axe and keyboard tests scan as well), and a few states
# worth one look at this width only: (page, the submit button to press first, if any).
NARROW_PAGES: list[tuple[PortalPage, str | None]] = [
    *((page, None) for page in PAGES),
    (PortalPage("/sok/?q=m"), None),
    (PortalPage("/lokalpolisomrade/skelleftea/"), None),
    # The published follow-up on the pledge's and the municipality's pages.
    (PortalPage("/medborgarlofte/mala-2024/", seed="{published_review}"), None),
    (PortalPage("/kommun/mala/", seed="{published_review}"), None),
    # An agreement's long title and the older periods folded away.
    (PortalPage("/samordnare/", login_as="samordnare-asele"), None),
    (PortalPage("/samordnare/aktivitet/{activity}/andra/", login_as="samordnare-mala"), None),
    (PortalPage("/samordnare/aktivitet/{activity}/ta-bort/", login_as="samordnare-mala"), None),
    # The empty form sent: the error summary and the messages at the fields.
    (
        PortalPage("/samordnare/lofte/{commitment}/logga/", login_as="samordnare-mala"),
        "Spara aktivitet",
    ),
]

# The page's width, boxes that scroll sideways inside it (a table in an overflow: auto
# wrapper passes the page's own check but still makes the reader scroll), and, when the
# page is too wide, what overflows: elements and lines of text past the right edge. Text in
# a box that clips it (the visually hidden texts for screen readers) is left out.
OVERFLOW = """() => {
  const width = window.innerWidth;
  const describe = (element) => {
    const classes = typeof element.className === "string" && element.className
      ? "." + element.className.trim().split(/\\s+/).join(".") : "";
    return `<${element.tagName.toLowerCase()}${classes}>`;
  };
  const wide = [];
  for (const element of document.body.querySelectorAll("*")) {
    const scrolls = ["auto", "scroll"].includes(getComputedStyle(element).overflowX);
    if (scrolls && element.scrollWidth > element.clientWidth + 1) {
      wide.push(`${describe(element)} scrolls sideways: ${element.scrollWidth} px`
        + ` in ${element.clientWidth} px`);
    }
  }
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > width) {
    const clipped = (element) => {
      for (let e = element; e && e !== document.body; e = e.parentElement) {
        if (getComputedStyle(e).overflowX !== "visible") return true;
      }
      return false;
    };
    const text = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (text.nextNode()) {
      const node = text.currentNode;
      const range = document.createRange();
      range.selectNodeContents(node);
      const right = Math.max(0, ...Array.from(range.getClientRects(), (r) => r.right));
      if (right > width + 0.5 && !clipped(node.parentElement)) {
        const words = node.textContent.trim().slice(0, 60);
        wide.push(`${describe(node.parentElement)} "${words}" ends at ${Math.round(right)} px`);
      }
    }
    for (const element of document.body.querySelectorAll("*")) {
      const right = element.getBoundingClientRect().right;
      if (right > width + 0.5 && !clipped(element)) {
        wide.push(`${describe(element)} ends at ${Math.round(right)} px`);
      }
    }
  }
  return {scrollWidth, innerWidth: width, wide: wide.slice(0, 15)};
}"""


@pytest.mark.parametrize(
    ("narrow_page", "submit"),
    NARROW_PAGES,
    ids=[f"{p.id} {submit}" if submit else p.id for p, submit in NARROW_PAGES],
)
def test_page_reflows_at_320_css_px_without_scrolling_sideways(visit, narrow_page, submit):
    page = visit(narrow_page)
    page.set_viewport_size(NARROW)
    if submit is not None:
        page.get_by_role("button", name=submit).click()
        page.wait_for_load_state()
        assert page.locator(".error-summary").is_visible()

    result = page.evaluate(OVERFLOW)

    assert result["innerWidth"] == NARROW["width"]
    assert result["scrollWidth"] <= result["innerWidth"] and result["wide"] == [], (
        f"{narrow_page.path} is {result['scrollWidth']} px wide at {NARROW['width']} px:\n"
        + "\n".join(result["wide"])
    )


def status_message_box(page: Page) -> dict | None:
    return page.evaluate(
        """() => {
          const message = [...document.querySelectorAll("[role=status] .message")]
            .find((element) => element.getClientRects().length > 0);
          if (!message) return null;
          const box = message.getBoundingClientRect();
          return {text: message.textContent.trim(), top: box.top, bottom: box.bottom,
                  height: window.innerHeight};
        }"""
    )


def test_after_saving_an_activity_on_a_phone_the_confirmation_is_on_screen(visit):
    page = visit("/samordnare/lofte/{commitment}/logga/", login_as="samordnare-mala")
    page.set_viewport_size(PHONE)
    page.get_by_label("Datum").fill("2024-06-01")
    page.get_by_label("Vad gjordes?").fill("Trafikkontroll vid skolan")
    page.get_by_role("button", name="Spara aktivitet").click()
    # Back on the start page, at the commitment the activity was logged for.
    page.wait_for_url(re.compile(r"/samordnare/\?lofte=\d+#lofte-\d+$"))

    message = status_message_box(page)

    assert message is not None, "no confirmation is shown"
    assert message["text"] == "Aktiviteten är sparad och visas nu för invånarna."
    assert message["top"] >= 0 and message["bottom"] <= message["height"], message
    # Shown where the user landed, and not a second time at the top of the page.
    commitment_id = page.url.rsplit("#", 1)[1]
    assert page.locator(f"#{commitment_id} [role=status] .message").is_visible()
    assert page.locator(".messages--top").is_hidden()


@pytest.mark.parametrize("path", ["/oversikt/", "/en/oversikt/"])
def test_the_overviews_figures_fit_a_desktop_page_in_either_language(visit, path):
    # Ten columns per county: set close, they fit the page's 60rem without a scroll bar.
    page = visit(path)
    page.set_viewport_size({"width": 1024, "height": 768})

    result = page.evaluate(OVERFLOW)

    assert result["scrollWidth"] <= result["innerWidth"] and result["wide"] == [], (
        f"{path} is {result['scrollWidth']} px wide:\n" + "\n".join(result["wide"])
    )
