"""What every open data answer gets: the shared page cache, ETag and Last-Modified with
304 on revalidation, and CORS for reading from any origin.

The API and the CSV files are public pages like any other: they declare their cache
scopes (portal/page_cache.py), so the writes that already renew the public pages renew
them too, and a repeated request is answered from the cache with its ETag and
Last-Modified. An answer the cache does not keep (the cache switched off, or a query
parameter the endpoint does not read) gets an ETag from its bytes and, as Last-Modified,
the time those bytes were first served.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from portal.page_cache import CachedPage, cacheable

# Every change of a published document, follow-up, activity or organisation bumps the
# national overview's scope (agreements/page_scopes.py): the open data shows all of it.
OPEN_DATA_SCOPES = ["overview"]
FIRST_SEEN_PREFIX = "opendata-first-seen:"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"


def _scopes(*args, **kwargs) -> list[str]:
    return OPEN_DATA_SCOPES


def revalidated(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """``response`` with an ETag from its bytes and Last-Modified, or 304 when the client
    has it already."""
    if response.status_code != 200 or response.streaming:
        return response
    digest = hashlib.sha256(response.content).hexdigest()[:32]
    etag = f'"{digest}"'
    first_seen = cache.get_or_set(
        FIRST_SEEN_PREFIX + digest, time.time, timeout=settings.PAGE_CACHE_TIMEOUT
    )
    response["ETag"] = etag
    response["Last-Modified"] = http_date(first_seen)
    return get_conditional_response(
        request, etag=etag, last_modified=int(first_seen), response=response
    )


def with_cors(response: HttpResponse) -> HttpResponse:
    """Any site may read the open data from a browser; no credentials are involved."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Content-Disposition"
    return response


def open_data_view(view: Callable, params: Iterable[str] = ()) -> Callable:
    """``view`` as an open data answer: cached, revalidated, readable from any origin."""
    params = tuple(params)

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "OPTIONS":
            # The preflight of a cross-origin request with If-None-Match.
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
            return with_cors(response)
        if request.method == "HEAD":
            # Answered like GET (the server sends no body).
            request.method = "GET"
        response = view(request, *args, **kwargs)
        if not (settings.PAGE_CACHE_ENABLED and cacheable(request, params)):
            response = revalidated(request, response)
        return with_cors(response)

    wrapped.cached_page = CachedPage(_scopes, params)
    return wrapped


def open_data_patterns(patterns: Iterable[URLPattern], params: Iterable[str]) -> list:
    """``patterns`` (django-ninja's) with each view wrapped by open_data_view()."""
    return [
        URLPattern(
            pattern.pattern,
            open_data_view(pattern.callback, params),
            pattern.default_args,
            pattern.name,
        )
        for pattern in patterns
    ]
