"""A per-client limit on the verification page's checks, counted in Django's cache."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from portal.clients import client_ip
from portal.ratelimit import counted

WINDOW_SECONDS = 60


def verify_allowed(request: HttpRequest) -> bool:
    """Count one check for the client (the address our outermost trusted proxy saw);
    False once it is past its checks for the minute."""
    count = counted(f"verify-checks:{client_ip(request)}", WINDOW_SECONDS)
    return count <= settings.VERIFY_CHECKS_PER_MINUTE
