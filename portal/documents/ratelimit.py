"""A per-client limit on the verification page's checks, counted in Django's cache."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

WINDOW_SECONDS = 60


def client_ip(request: HttpRequest) -> str:
    """The client's address (the proxy-aware version replaces this in one place)."""
    return request.META.get("REMOTE_ADDR", "")


def verify_allowed(request: HttpRequest) -> bool:
    """Count one check for the client; False once it is past its checks for the minute.

    The window starts at the client's first check and lasts a minute (``incr`` keeps the
    key's expiry), so a burst cannot straddle two windows to get twice the checks.
    """
    key = f"verify-checks:{client_ip(request)}"
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count <= settings.VERIFY_CHECKS_PER_MINUTE
