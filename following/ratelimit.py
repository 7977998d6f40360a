"""Limits on the follow form, counted in the shared cache like the password reset's
(portal/account_views.py): a client entering many addresses is stopped, and so is a
flood of confirmation mail to one address."""

from __future__ import annotations

import hashlib

from django.http import HttpRequest

from portal.clients import client_ip
from portal.ratelimit import counted

WINDOW_SECONDS = 60 * 60
# Addresses entered per client an hour (a household follows a few places; a school or an
# office shares one address).
PER_CLIENT = 20
# Confirmation mails per address an hour, over all places.
PER_ADDRESS = 5


def follow_allowed(request: HttpRequest, email: str) -> bool:
    """Count this request for the client and for the address; whether both are within
    the limit. The address is counted by its hash: the cache holds no address."""
    address = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    by_client = counted(f"follow:client:{client_ip(request)}", WINDOW_SECONDS)
    by_address = counted(f"follow:address:{address}", WINDOW_SECONDS)
    return by_client <= PER_CLIENT and by_address <= PER_ADDRESS
