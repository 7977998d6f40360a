"""Fixed-window request counts in Django's shared cache, for the portal's rate limits
(the verification page, password reset, e-mail follow)."""

from __future__ import annotations

from django.core.cache import cache


def counted(key: str, window_seconds: int) -> int:
    """Count one more request under ``key``; the count in the current window so far.

    The window starts at the first request and lasts ``window_seconds`` (``incr`` keeps
    the key's expiry), so a burst cannot straddle two windows to get twice the requests.
    """
    cache.add(key, 0, timeout=window_seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window_seconds)
        return 1
