"""/healthz says the process answers; /readyz that the database and the cache do too."""

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import RequestFactory
from django.urls import reverse

from portal import health


def _assert_plain_uncached(response) -> None:
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response and not response.cookies


def test_healthz_answers_ok_without_the_database(client):
    # No django_db mark: pytest-django refuses any database access in this test.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    _assert_plain_uncached(response)


@pytest.mark.django_db
def test_readyz_answers_ok_when_database_and_cache_answer(client, django_assert_num_queries):
    # 1. SELECT 1
    with django_assert_num_queries(1):
        response = client.get(reverse("readyz"))
    assert response.status_code == 200
    assert response.content == b"ok\n"
    _assert_plain_uncached(response)


@pytest.mark.django_db
def test_readyz_leaves_no_key_in_the_cache(client, monkeypatch):
    keys = []
    original_set = cache.set
    monkeypatch.setattr(
        cache, "set", lambda key, *a, **kw: keys.append(key) or original_set(key, *a, **kw)
    )
    client.get(reverse("readyz"))
    [key] = keys
    assert cache.get(key) is None


@pytest.mark.django_db
def test_readyz_is_503_when_the_database_fails(client, monkeypatch, caplog):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get(reverse("readyz"))
    assert response.status_code == 503
    assert response.content == b"database unavailable\n"
    _assert_plain_uncached(response)
    assert "connection refused" in caplog.text  # the details go to the log, not the answer


@pytest.mark.django_db
def test_readyz_is_503_when_the_cache_fails(client, monkeypatch):
    class CacheDown(Exception):  # redis.ConnectionError is no OSError: anything counts
        pass

    def broken_set(*args, **kwargs):
        raise CacheDown("Error 111 connecting to redis")

    monkeypatch.setattr(cache, "set", broken_set)
    response = client.get(reverse("readyz"))
    assert response.status_code == 503
    assert response.content == b"cache unavailable\n"


@pytest.mark.django_db
def test_readyz_is_503_when_the_cache_forgets(client, monkeypatch):
    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)
    response = client.get(reverse("readyz"))
    assert response.status_code == 503
    assert response.content == b"cache unavailable\n"


@pytest.mark.django_db
def test_readyz_names_both_when_both_fail(monkeypatch):
    monkeypatch.setattr(health, "database_problem", lambda: "database unavailable")
    monkeypatch.setattr(health, "cache_problem", lambda: "cache unavailable")
    response = health.readyz(RequestFactory().get("/readyz"))
    assert response.status_code == 503
    assert response.content == b"database unavailable; cache unavailable\n"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_checks_take_get_and_head_only(client, path):
    # Load balancers probe with GET or HEAD, which need no CSRF token; nothing else is taken.
    assert client.head(path).status_code == 200
    assert client.post(path).status_code == 405
