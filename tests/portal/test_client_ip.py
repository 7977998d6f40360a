"""The client's address behind our reverse proxies, and lockouts an attacker cannot turn
against an official: failures count per user name and client, where the client is the
address our outermost trusted proxy saw, never one the request made up.

Behind one proxy (TRUSTED_PROXY_COUNT=1) every request comes from the proxy, 10.0.0.1,
and the proxy appends the address it was reached from to X-Forwarded-For.
"""

import pytest
from django.conf import settings
from django.test import Client, RequestFactory

from portal.clients import client_ip
from tests.followup.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "ett-langt-testlosenord"
PROXY = "10.0.0.1"
ATTACKER = "203.0.113.5"
OFFICIAL = "198.51.100.7"


def behind_proxy(forwarded_for: str) -> dict:
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded_for}


@pytest.fixture
def official(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return UserFactory(username="undertecknare-granby")


@pytest.fixture
def one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    return settings


def log_in(client: Client, username: str, password: str, **meta):
    return client.post("/logga-in/", {"username": username, "password": password}, **meta)


# The address ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("proxies", "meta", "expected"),
    [
        # No trusted proxy: the header is the client's own word and is ignored.
        (0, behind_proxy(ATTACKER), PROXY),
        (0, {"REMOTE_ADDR": OFFICIAL}, OFFICIAL),
        # One proxy: the entry it appended, whatever the client put before it.
        (1, behind_proxy(ATTACKER), ATTACKER),
        (1, behind_proxy(f"{OFFICIAL}, {ATTACKER}"), ATTACKER),
        # Two proxies: the outer one appended the client, the inner one the outer proxy.
        (2, behind_proxy(f"{OFFICIAL}, {ATTACKER}, 10.0.0.2"), ATTACKER),
        # Fewer entries than proxies, or garbage: only the connection is known.
        (2, behind_proxy(ATTACKER), PROXY),
        (1, behind_proxy("not-an-address"), PROXY),
        (1, behind_proxy(f"{ATTACKER}\x00"), PROXY),
        (1, {"REMOTE_ADDR": PROXY}, PROXY),
    ],
)
def test_client_ip_trusts_only_the_configured_proxies(settings, proxies, meta, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", **meta)
    assert client_ip(request) == expected


def test_without_a_known_address_client_ip_says_unknown(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="")
    assert client_ip(request) == "unknown"


def test_trusted_proxy_count_defaults_to_zero():
    # Trusting X-Forwarded-For without a proxy would let anyone pick their address.
    assert settings.TRUSTED_PROXY_COUNT == 0


# Login lockout ---------------------------------------------------------------------------


def test_attacker_behind_the_proxy_is_locked_out_but_the_official_still_logs_in(
    official, one_proxy
):
    attacker, colleague = Client(), Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(attacker, official.username, "gissning", **behind_proxy(ATTACKER))

    locked = log_in(attacker, official.username, PASSWORD, **behind_proxy(ATTACKER))
    assert locked.status_code == 429

    allowed = log_in(colleague, official.username, PASSWORD, **behind_proxy(OFFICIAL))
    assert allowed.status_code == 302
    assert colleague.get("/samordnare/").status_code == 200


def test_attacker_cannot_escape_the_lockout_by_forging_x_forwarded_for(official, one_proxy):
    attacker = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        # The proxy appends the real address after whatever the attacker sent.
        forged = f"192.0.2.{n}, {ATTACKER}"
        log_in(attacker, official.username, "gissning", **behind_proxy(forged))

    locked = log_in(
        attacker, official.username, PASSWORD, **behind_proxy(f"192.0.2.99, {ATTACKER}")
    )
    assert locked.status_code == 429


def test_without_trusted_proxies_a_forged_x_forwarded_for_is_ignored(official, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    attacker, official_client = Client(), Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(
            attacker,
            official.username,
            "gissning",
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )

    # Rotating the header did not spread the failures over several "clients".
    locked = log_in(
        attacker,
        official.username,
        PASSWORD,
        REMOTE_ADDR=ATTACKER,
        HTTP_X_FORWARDED_FOR="192.0.2.99",
    )
    assert locked.status_code == 429
    # Nor can the attacker lock the official out by naming the official's address.
    allowed = log_in(official_client, official.username, PASSWORD, REMOTE_ADDR=OFFICIAL)
    assert allowed.status_code == 302


def test_attacker_cannot_lock_out_the_official_by_forging_their_address(official, one_proxy):
    attacker, official_client = Client(), Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(attacker, official.username, "gissning", **behind_proxy(f"{OFFICIAL}, {ATTACKER}"))

    allowed = log_in(official_client, official.username, PASSWORD, **behind_proxy(OFFICIAL))
    assert allowed.status_code == 302
