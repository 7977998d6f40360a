"""Health checks for the load balancer: plain text, never cached, GET or HEAD only.

``/healthz`` says the process answers (no database); ``/readyz`` says it can serve
pages: the database answers a trivial query and the cache stores and returns a key.
"""

from __future__ import annotations

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

READINESS_KEY_SECONDS = 10


def _plain(text: str, *, status: int = 200) -> HttpResponse:
    response = HttpResponse(f"{text}\n", content_type="text/plain; charset=utf-8", status=status)
    response["Cache-Control"] = "no-store"
    return response


def database_problem() -> str | None:
    """None when the database answers ``SELECT 1``, else a short reason."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any driver error means "not ready"; the log has the details
        logger.exception("Readiness check: the database does not answer.")
        return "database unavailable"
    return None


def cache_problem() -> str | None:
    """None when the cache stores and returns a short-lived key, else a short reason."""
    key = f"readyz:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=READINESS_KEY_SECONDS)
        stored = cache.get(key)
        cache.delete(key)
    except Exception:  # e.g. redis.ConnectionError, which is not an OSError
        logger.exception("Readiness check: the cache does not answer.")
        return "cache unavailable"
    if stored != value:
        logger.error("Readiness check: the cache did not return the value it was given.")
        return "cache unavailable"
    return None


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """The process is up and answers requests."""
    return _plain("ok")


@require_safe
def readyz(request: HttpRequest) -> HttpResponse:
    """The database and the cache answer: 200 "ok", or 503 with the reasons."""
    problems = [problem for problem in (database_problem(), cache_problem()) if problem]
    if problems:
        return _plain("; ".join(problems), status=503)
    return _plain("ok")
