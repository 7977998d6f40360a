"""What a follower follows: a municipality or a police area, named the way the pages name
them, with the addresses of its page and its follow form."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from agreements.models import Municipality, PoliceArea

Place = Municipality | PoliceArea


def place_name(place: Place) -> str:
    """ "Nordmalings kommun", "lokalpolisområde Skellefteå"."""
    if isinstance(place, Municipality):
        return place.official_name
    return _("lokalpolisområde %(name)s") % {"name": place.name}


def follow_url(place: Place) -> str:
    if isinstance(place, Municipality):
        return reverse("following:municipality", kwargs={"slug": place.slug})
    return reverse("following:police_area", kwargs={"slug": place.slug})


def place_fields(place: Place) -> dict[str, Place | None]:
    """The follower's two place fields for ``place``."""
    if isinstance(place, Municipality):
        return {"municipality": place, "police_area": None}
    return {"municipality": None, "police_area": place}
