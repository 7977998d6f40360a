"""The municipality crumb of a pledge's or agreement's page (and of its follow-ups).

A document shared by several municipalities (Södra Fyrbodal's pledge: Orust,
Stenungsund and Tjörn) has no one municipality above it. The crumb names the one the
reader came from, when a link from that municipality's page said so with
``?kommun=<slug>``; otherwise it names them all. A parameter rather than the Referer:
it is in the address, so it survives privacy settings and caches alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django import template
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

register = template.Library()

# The parameter the municipality page puts on its links to documents and follow-ups.
CAME_FROM_PARAMETER = "kommun"


@dataclass(frozen=True)
class MunicipalitiesCrumb:
    label: str  # empty when the document names no municipality: the trail leaves it out
    url: str | None  # None: plain text, no page of its own
    query: str  # "?kommun=tjorn" for links onwards that keep the reader's municipality, or ""


def municipalities_crumb(document, came_from: str | None = None) -> MunicipalitiesCrumb:
    """The crumb above ``document`` (a pledge or an agreement, municipalities loaded).

    The municipality the reader came from, if it is one of the document's; else its only
    municipality; else all of them in one crumb ("Orust, Stenungsund och Tjörn"), linked
    to the police area page when they all belong to the document's police area (that
    page lists each of them), unlinked otherwise.
    """
    municipalities = list(document.municipalities.all())
    chosen = next((m for m in municipalities if came_from and m.slug == came_from), None)
    if chosen is not None:
        query = "?" + urlencode({CAME_FROM_PARAMETER: chosen.slug})
        return MunicipalitiesCrumb(chosen.official_name, chosen.get_absolute_url(), query)
    if not municipalities:
        return MunicipalitiesCrumb("", None, "")
    if len(municipalities) == 1:
        only = municipalities[0]
        return MunicipalitiesCrumb(only.official_name, only.get_absolute_url(), "")
    area = document.police_area
    shared_area = area is not None and all(m.police_area_id == area.pk for m in municipalities)
    return MunicipalitiesCrumb(
        get_text_list([m.name for m in municipalities], _("och")),
        area.get_absolute_url() if shared_area else None,
        "",
    )


@register.simple_tag(takes_context=True)
def municipalities_crumb_for(context, document) -> MunicipalitiesCrumb:
    """``{% municipalities_crumb_for pledge as place %}``: the crumb for this request."""
    request = context.get("request")
    came_from = request.GET.get(CAME_FROM_PARAMETER) if request is not None else None
    return municipalities_crumb(document, came_from)
