"""Retrying a background task later, shared by every task that sends mail."""

from __future__ import annotations

import datetime

from django.utils import timezone

# Attempts in all, and the wait before each retry (1 min, 5 min, 30 min).
MAX_ATTEMPTS = 4
RETRY_DELAYS = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
)


def retry_later(task, *, attempt: int, **kwargs) -> bool:
    """Queue ``task`` again with ``kwargs`` and ``attempt + 1`` after its delay; False when
    the attempts are used up or the backend cannot defer (the immediate backend of the
    demo and tests: retrying at once would only fail again)."""
    if attempt >= MAX_ATTEMPTS or not task.get_backend().supports_defer:
        return False
    run_after = timezone.now() + RETRY_DELAYS[min(attempt, len(RETRY_DELAYS)) - 1]
    task.using(run_after=run_after).enqueue(**kwargs, attempt=attempt + 1)
    return True
