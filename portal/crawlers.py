"""What search engines and other crawlers read: robots.txt and sitemap.xml.

Both are public pages served from the shared page cache (portal/page_cache.py). The
sitemap lists absolute addresses built from ``SITE_URL``, never from the request's host,
so that a crawler reaching an app server by another name is told the portal's own
address. Each app declares the sitemap sections of its pages (``<app>/sitemaps.py``);
the root URLconf puts them together.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from portal.languages import path_in_language
from portal.page_cache import cached_page

# The page-cache scope of the sitemap: bumped by every change of a shown document or of
# an organisation (agreements/page_scopes.py, organisation_scopes).
SITEMAP = "sitemap"

# The logged-in and private areas: nothing there is for a crawler, in any language.
PRIVATE_PAGES = (
    "/samordnare/",
    "/redaktor/",
    "/organisation/",
    "/inbjudan/",
    "/logga-in/",
    "/logga-ut/",
    "/glomt-losenord/",
    "/nytt-losenord/",
)
PRIVATE_PREFIXES = (
    *PRIVATE_PAGES,
    *(
        path_in_language(path, code)
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
        for path in PRIVATE_PAGES
    ),
    "/admin/",
    "/healthz",
    "/readyz",
)


class SiteSitemap(Sitemap):
    """A sitemap section whose addresses start with ``SITE_URL``: each page once in every
    language (Swedish without prefix, English under /en/), with the other as its
    alternate and Swedish as x-default."""

    i18n = True
    alternates = True
    x_default = True

    @property
    def protocol(self) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None) -> str:
        # Host and any path prefix: Sitemap joins "<protocol>://<domain><location>".
        parts = urlsplit(settings.SITE_URL)
        return (parts.netloc + parts.path).rstrip("/")


class StaticPagesSitemap(SiteSitemap):
    """The portal's own pages: home, about, accessibility statement, verification, open
    data."""

    def items(self) -> list[str]:
        return [
            "pledges:home",
            "portal:about",
            "portal:accessibility",
            "portal:verify",
            "opendata:index",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


def sitemap_view(sections: Mapping[str, type[Sitemap]]) -> Callable[[HttpRequest], HttpResponse]:
    """The view of sitemap.xml listing ``sections`` (each read once per rendering)."""

    @cached_page(lambda: [SITEMAP])
    def sitemap_xml(request: HttpRequest) -> HttpResponse:
        return sitemap(request, sitemaps=sections)

    return sitemap_xml


@cached_page(lambda: [])
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Allow the public pages, keep crawlers out of the private areas, name the sitemap."""
    lines = ["User-agent: *", *(f"Disallow: {prefix}" for prefix in PRIVATE_PREFIXES)]
    lines += ["Allow: /", "", f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
