"""Limits on the follow form, counted in the shared cache like the password reset's
(portal/account_views.py): a client entering many addresses is stopped, and so is a
flood of confirmation mail to one address."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest

from portal.clients import client_ip

WINDOW_SECONDS = 60 * 60
# Addresses entered per client an hour (a household follows a few places; a school or an
# office shares one address).
PER_CLIENT = 20
# Confirmation mails per address an hour, over all places.
PER_ADDRESS = 5


def _count(key: str) -> int:
    """One more request under ``key`` in the current window; the count so far. The window
    starts at the first request (``incr`` keeps the key's expiry)."""
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        return 1


def follow_allowed(request: HttpRequest, email: str) -> bool:
    """Count this request for the client and for the address; whether both are within
    the limit. The address is counted by its hash: the cache holds no address."""
    address = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    by_client = _count(f"follow:client:{client_ip(request)}")
    by_address = _count(f"follow:address:{address}")
    return by_client <= PER_CLIENT and by_address <= PER_ADDRESS
