"""What following adds to the municipality and police area pages: the follow form, a
receiver of each page's signal (pledges/signals.py). It makes no query, and the form
holds nothing per visitor (no CSRF token), so the cached page stays the same for all."""

from __future__ import annotations

from typing import Any

from following.forms import FollowForm
from following.models import CONFIRM_WITHIN
from following.places import Place, follow_url, place_name

TEMPLATE = "following/includes/follow_box.html"


def _box(place: Place) -> dict[str, Any]:
    return {
        "form": FollowForm(),
        "url": follow_url(place),
        "place": place_name(place),
        "days": CONFIRM_WITHIN.days,
    }


def municipality_page(sender, *, overview, **kwargs) -> dict[str, Any]:
    return {
        "follow_box": _box(overview.municipality),
        "municipality_page_templates": [TEMPLATE],
    }


def police_area_page(sender, *, area, **kwargs) -> dict[str, Any]:
    return {"follow_box": _box(area), "police_area_page_templates": [TEMPLATE]}
