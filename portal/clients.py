"""Who is asking: the client's IP address, behind as many reverse proxies as we trust.

Every proxy appends the address it received the request from to X-Forwarded-For, so with
TRUSTED_PROXY_COUNT proxies in front of the portal, the last TRUSTED_PROXY_COUNT entries
were written by our own proxies and the first of those is the client. Entries further to
the left came from the client and may be forged; they are never read. With no trusted
proxy (the default) the header is ignored and REMOTE_ADDR is the client.

django-axes calls forwarded_client_ip (AXES_CLIENT_IP_CALLABLE), so lockouts count per
real client; other code (rate limits) asks client_ip, which goes through axes' own helper
and so always agrees with it.
"""

import ipaddress

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.http import HttpRequest

UNKNOWN = "unknown"


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def forwarded_client_ip(request: HttpRequest) -> str | None:
    """The client's address by TRUSTED_PROXY_COUNT (read per call, so tests can override
    it); None when no valid address is known."""
    remote_addr = _valid_ip(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_addr
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if len(forwarded) < proxies:
        # The request did not pass through all our proxies: only the connection is known.
        return remote_addr
    return _valid_ip(forwarded[-proxies]) or remote_addr


def client_ip(request: HttpRequest) -> str:
    """The client's IP address exactly as django-axes counts it ("unknown" if none)."""
    return get_client_ip_address(request) or UNKNOWN
