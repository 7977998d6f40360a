"""Public pages served from the shared cache, invalidated by version keys.

Every anonymous visitor of a public page gets the same bytes, so a page is rendered once
and then served from the cache (Redis through ``CACHE_URL`` in production, the
process's memory otherwise), compressed once, with an ETag and Last-Modified so that a
browser or a CDN revalidates with a 304.

A page declares the *scopes* it shows (``"pledge:mala-2024"``, ``"municipality:mala"``,
``"home"``). Each scope has a version number in the cache; the page's key holds the
versions of its scopes, the code's release, the language (from the path: ``/en/…``
is English, see portal/languages.py) and the date (pages say
whether a pledge is current). A write bumps the versions of the scopes it changes
(``bump``; the apps' receivers work out which), so the next request renders afresh and
the old entry is never read again; it expires on its own. Bulk writes bump the scope
``"all"``, which every page holds.

Only what is the same for everyone is cached: GET and HEAD without a session or
messages cookie, with no query parameters but those the page declares, answered with
200, 301, 302 or 404 and without cookies. Logged-in pages are never cached here.
"""

from __future__ import annotations

import gzip
import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache as shared_cache
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from portal.languages import language_of_path

ALL = "all"
VERSION_PREFIX = "page-version:"
ENTRY_PREFIX = "page:"
CACHED_STATUSES = frozenset({200, 301, 302, 404})
# Headers of the rendered page that a cached copy does not keep: they are made afresh
# for each answer, or must never be shared.
DROPPED_HEADERS = frozenset(
    {"set-cookie", "content-length", "date", "etag", "last-modified", "cache-control", "vary"}
)
# Not worth compressing below this.
GZIP_MIN_BYTES = 200


def version_key(scope: str) -> str:
    return VERSION_PREFIX + scope


def bump(scopes: Iterable[str]) -> None:
    """Give each scope a new version: the pages that hold it render afresh."""
    for scope in set(scopes):
        key = version_key(scope)
        try:
            shared_cache.incr(key)
        except ValueError:
            # Not in the cache (never bumped, or evicted): any new value differs from the
            # default 0, and the time makes an evicted scope unlikely to repeat a version.
            shared_cache.set(key, time.time_ns() // 1000, timeout=None)


def bump_all() -> None:
    """After a bulk write (the seed loader, the national data): every page renders afresh."""
    bump([ALL])


@cache
def release() -> str:
    """A fingerprint of the code, templates and translations that render pages: a new
    release never reads a page cached by the one before, and servers running the same
    code share their entries."""
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR).resolve()
    # locale/: a new translation (its compiled .mo) is a new release of the English pages.
    folders = [root / "templates", root / "locale"] + [
        Path(config.path).resolve()
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == root
    ]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".html", ".txt", ".mo") and path.is_file():
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Entry:
    status: int
    headers: dict[str, str]
    content: bytes
    gzipped: bytes | None
    etag: str
    last_modified: float


def cacheable(request: HttpRequest, params: Iterable[str]) -> bool:
    """Whether ``request`` may be answered from the shared cache."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return set(request.GET) <= set(params)


def entry_key(request: HttpRequest, scopes: list[str]) -> str:
    names = [ALL, *scopes]
    versions = shared_cache.get_many([version_key(name) for name in names])
    parts = [
        release(),
        # The path says the language (portal/languages.py), and it is in the key below too:
        # said here as well, so that a key never depends on what is active in the thread.
        language_of_path(request.path_info),
        timezone.localdate().isoformat(),
        request.get_full_path(),
        *(f"{name}={versions.get(version_key(name), 0)}" for name in names),
    ]
    return ENTRY_PREFIX + hashlib.sha256("|".join(parts).encode()).hexdigest()


def entry_of(response: HttpResponse) -> Entry | None:
    """What the cache keeps of a rendered page; None for one that must not be shared."""
    if (
        response.status_code not in CACHED_STATUSES
        or response.streaming
        or response.cookies
        or response.has_header("Cache-Control")
        or response.has_header("Content-Encoding")
    ):
        return None
    content = response.content
    headers = {
        name: value for name, value in response.items() if name.lower() not in DROPPED_HEADERS
    }
    gzipped = None
    if len(content) >= GZIP_MIN_BYTES:
        gzipped = gzip.compress(content, compresslevel=6, mtime=0)
    return Entry(
        status=response.status_code,
        headers=headers,
        content=content,
        gzipped=gzipped,
        etag=hashlib.sha256(content).hexdigest()[:32],
        last_modified=timezone.now().timestamp(),
    )


def accepts_gzip(request: HttpRequest) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "").lower()


def response_from(request: HttpRequest, entry: Entry) -> HttpResponse:
    """The cached page, compressed where the client accepts it; 304 on revalidation."""
    compressed = entry.gzipped is not None and accepts_gzip(request)
    # One ETag per encoding: a CDN must not answer one with the other's bytes.
    etag = f'"{entry.etag}{"-gzip" if compressed else ""}"'
    response = HttpResponse(entry.gzipped if compressed else entry.content, status=entry.status)
    for name, value in entry.headers.items():
        response[name] = value
    if compressed:
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(response.content))
    response["ETag"] = etag
    response["Last-Modified"] = http_date(entry.last_modified)
    response["Cache-Control"] = f"public, max-age={settings.PUBLIC_PAGE_MAX_AGE}"
    patch_vary_headers(response, ["Accept-Encoding"])
    if entry.status == 200:
        response = get_conditional_response(
            request, etag=etag, last_modified=int(entry.last_modified), response=response
        )
    return response


@dataclass(frozen=True)
class CachedPage:
    """What a view declares with ``cached_page``."""

    scopes: Callable[..., list[str]]
    params: tuple[str, ...]


def cached_page(
    scopes: Callable[..., list[str]], params: Iterable[str] = ()
) -> Callable[[Callable], Callable]:
    """Declare a public view's page cacheable (PageCacheMiddleware serves it). ``scopes``
    gets the view's URL arguments and names what the page shows; ``params`` are the query
    parameters the view reads (a request with any other is rendered, never cached)."""

    def decorator(view: Callable) -> Callable:
        view.cached_page = CachedPage(scopes, tuple(params))
        return view

    return decorator


class PageCacheMiddleware:
    """Answer a cacheable public page from the shared cache before the rest of the
    middleware runs (no session, no user, no template), and keep what the rest made of a
    page rendered afresh. Sits right after SecurityMiddleware and WhiteNoise, which add
    their headers to every answer."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Before resolving: the site's patterns match /en/… only while English is active,
        # and a page answered from the cache never reaches PathLocaleMiddleware.
        with translation.override(language_of_path(request.path_info)):
            return self.answer(request)

    def answer(self, request: HttpRequest) -> HttpResponse:
        match = self.match(request)
        page = getattr(match.func, "cached_page", None) if match else None
        if page is None or not settings.PAGE_CACHE_ENABLED or not cacheable(request, page.params):
            return self.get_response(request)
        key = entry_key(request, page.scopes(*match.args, **match.kwargs))
        entry = shared_cache.get(key)
        if entry is None:
            response = self.get_response(request)
            entry = entry_of(response)
            if entry is None:
                return response
            shared_cache.set(key, entry, timeout=settings.PAGE_CACHE_TIMEOUT)
        return response_from(request, entry)

    @staticmethod
    def match(request: HttpRequest):
        if request.method not in ("GET", "HEAD"):
            return None
        try:
            return resolve(request.path_info)
        except Resolver404:
            return None
