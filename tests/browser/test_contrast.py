"""Parts of the interface that are not text stand out 3:1 from what is around them (WCAG 1.4.11).

axe-core checks the contrast of text only. The pages below are in PAGES, so axe scans
them too; here their progress bars are measured, with one activity logged: most bars are
empty ("0 av 1"), the one it was logged for is partly full ("2 av 6").
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.browser.conftest import PAGES

pytestmark = pytest.mark.browser

MINIMUM = 3.0
# The pledge page draws its bars on a tinted commitment box, the start page on white.
PROGRESS_PAGES = [
    page
    for page in PAGES
    if (page.path, page.login_as)
    in {("/medborgarlofte/mala-2024/", None), ("/samordnare/", "samordnare-mala")}
    and page.seed == "{activity}"
]

# Each bar's border and the first opaque background behind it, from the computed style.
# The track and the filled part are drawn by chromium's ::-webkit-progress-bar and
# ::-webkit-progress-value, whose styles getComputedStyle does not give (it answers with
# the element's own): the test reads their colours from the pixels instead.
PROGRESS_BARS = """() => Array.from(document.querySelectorAll("progress"), (bar) => {
  const style = getComputedStyle(bar);
  const transparent = (element) =>
    /^rgba\\(.*, 0\\)$|transparent/.test(getComputedStyle(element).backgroundColor);
  let behind = bar.parentElement;
  while (behind && transparent(behind)) behind = behind.parentElement;
  const labelledBy = bar.getAttribute("aria-labelledby");
  return {
    value: bar.value,
    max: bar.max,
    label: bar.getAttribute("aria-label") || document.getElementById(labelledBy).textContent.trim(),
    border: style.borderTopColor,
    borderWidth: parseFloat(style.borderTopWidth),
    behind: behind ? getComputedStyle(behind).backgroundColor : "rgb(255, 255, 255)",
  };
})"""

Colour = tuple[int, int, int]


def parse(colour: str) -> Colour:
    """getComputedStyle's "rgb(r, g, b)"; a colour with transparency is refused."""
    parts = [float(part) for part in colour[colour.index("(") + 1 : -1].split(",")]
    assert len(parts) == 3 or parts[3] == 1, f"{colour} is not opaque"
    return int(parts[0]), int(parts[1]), int(parts[2])


def luminance(colour: Colour) -> float:
    """Relative luminance, as WCAG 2.1 defines it."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: Colour, second: Colour) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_is_computed_as_wcag_defines_it():
    assert round(contrast((255, 255, 255), (0, 0, 0)), 2) == 21.0
    assert round(contrast((118, 118, 118), (255, 255, 255)), 2) == 4.54


@pytest.mark.parametrize("progress_page", PROGRESS_PAGES, ids=[p.id for p in PROGRESS_PAGES])
def test_progress_bars_track_edge_and_filled_part_stand_out_3_to_1(visit, progress_page):
    page = visit(progress_page)

    bars = page.evaluate(PROGRESS_BARS)

    assert any(bar["value"] == 0 and "0 av 1" in bar["label"] for bar in bars), bars
    assert any(0 < bar["value"] < bar["max"] for bar in bars), bars
    for index, bar in enumerate(bars):
        # The bar as drawn, and the middle row of its pixels, inside the border.
        shot = page.locator("progress").nth(index).screenshot(animations="disabled")
        image = Image.open(io.BytesIO(shot)).convert("RGB")
        width, middle = image.width, image.height // 2
        track = image.getpixel((width - 4, middle))  # the empty end
        behind = parse(bar["behind"])
        border = parse(bar["border"])
        described = f"{bar['label']}: track {track}, border {border}, behind {behind}"

        assert bar["borderWidth"] >= 1, described
        assert contrast(track, behind) >= MINIMUM, described
        assert contrast(border, behind) >= MINIMUM, described
        if bar["value"] / bar["max"] > 0.1:
            # Where the filled part ends can be seen.
            filled = image.getpixel((3, middle))
            assert contrast(filled, track) >= MINIMUM, f"{described}, filled {filled}"
