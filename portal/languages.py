"""The interface's two languages: Swedish at today's addresses, English under /en/.

The language of a page is read from its path alone (``/en/…`` is English, every other
address Swedish), never from the browser's Accept-Language or a cookie: an address always
gives the same page to everyone, which the shared page cache (portal/page_cache.py) and
search engines rely on. The documents themselves (pledges, agreements, follow-ups and
their PDFs) are Swedish in either language; only the portal's own words are translated.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import get_script_prefix
from django.utils import translation


def prefix_language(path_info: str) -> str | None:
    """The language whose prefix ``path_info`` starts with (``/en/…`` or ``/en``), if any:
    exactly one of the other languages' codes, never a variant such as ``/en-gb/``."""
    first = path_info.split("/", 2)[1] if path_info.startswith("/") else ""
    codes = {code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE}
    return first if first in codes else None


def language_of_path(path_info: str) -> str:
    """The language of the page at ``path_info``: its prefix's, or the default."""
    return prefix_language(path_info) or settings.LANGUAGE_CODE


def unprefixed(path_info: str) -> str:
    """``path_info`` without its language prefix (``/en/kommun/mala/`` → ``/kommun/mala/``)."""
    language = prefix_language(path_info)
    if language is None:
        return path_info
    return path_info[len(language) + 1 :] or "/"


def path_in_language(path_info: str, language: str) -> str:
    """The same page in ``language``: the default language has no prefix."""
    path = unprefixed(path_info)
    if language == settings.LANGUAGE_CODE:
        return path
    return f"/{language}{path}"


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str  # within the site, with the script prefix and the query string
    absolute_url: str  # from SITE_URL, for <link rel="alternate" hreflang>


def language_links(request: HttpRequest) -> list[LanguageLink]:
    """The current page in every language, in the order of ``settings.LANGUAGES``."""
    query = request.META.get("QUERY_STRING", "")
    suffix = f"?{query}" if query else ""
    prefix = get_script_prefix().rstrip("/")
    links = []
    for code, name in settings.LANGUAGES:
        path = path_in_language(request.path_info, code) + suffix
        links.append(LanguageLink(code, name, prefix + path, settings.SITE_URL + path))
    return links


class PathLocaleMiddleware:
    """Activate the language of the path and say it in Content-Language.

    Django's LocaleMiddleware falls back on Accept-Language and the language cookie for
    addresses outside i18n_patterns, and adds ``Vary: Accept-Language``; here the path
    decides alone, so an address without a prefix is Swedish for every browser."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # override, not activate: the thread goes back to its language afterwards, so
        # that a task run in it later (mail in the demo) is not English by accident.
        with translation.override(language_of_path(request.path_info)):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response


def in_default_language(function: Callable) -> Callable:
    """Run ``function`` in Swedish whatever the request's language: a sealed PDF and a
    mail to a person whose language the portal does not know are Swedish documents."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return function(*args, **kwargs)

    return wrapper
