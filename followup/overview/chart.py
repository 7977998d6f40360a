"""The overview's figures as a bar chart drawn on the server: the share of counted
commitments assessed as done, for the country and each county. The template draws it as
inline SVG from these rows; the rollup table on the same page holds the same figures."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from followup.overview.selectors import NationalOverview, Tally

LABEL_WIDTH = 200
BAR_WIDTH = 320
ROW_HEIGHT = 26
BAR_HEIGHT = 16
TOP = 8
WIDTH = LABEL_WIDTH + BAR_WIDTH + 230


@dataclass
class Bar:
    label: str
    text: str
    y: int
    done_width: int

    @property
    def bar_y(self) -> int:
        return self.y - BAR_HEIGHT + 4


@dataclass
class Chart:
    bars: list[Bar]
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    bar_x: int = LABEL_WIDTH + 10
    bar_width: int = BAR_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def height(self) -> int:
        return TOP + ROW_HEIGHT * len(self.bars) + 4

    @property
    def text_x(self) -> int:
        return self.bar_x + self.bar_width + 10


def bar_text(tally: Tally) -> str:
    if not tally.total:
        return _("ingen publicerad uppföljning")
    return _("%(done)d av %(total)d genomförda (%(percent)d %%)") % {
        "done": tally.done,
        "total": tally.total,
        "percent": round(100 * tally.done_share),
    }


def overview_chart(overview: NationalOverview) -> Chart:
    """One bar for the country, then one per county in alphabetical order."""
    rows = [(_("Hela landet"), overview.country)]
    rows += [(county.label, county.tally) for county in overview.counties]
    bars = [
        Bar(
            label=label,
            text=bar_text(tally),
            y=TOP + ROW_HEIGHT * (index + 1) - 8,
            done_width=round(BAR_WIDTH * tally.done_share),
        )
        for index, (label, tally) in enumerate(rows)
    ]
    return Chart(bars)
