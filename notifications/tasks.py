"""The background task that sends one e-mail, retried with backoff when sending fails."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# Attempts in all, and the wait before each retry (1 min, 5 min, 30 min).
MAX_ATTEMPTS = 4
RETRY_DELAYS = (datetime.timedelta(minutes=1), datetime.timedelta(minutes=5))
RETRY_DELAYS += (datetime.timedelta(minutes=30),)


@task()
def send_message(*, to: str, subject: str, text: str, html: str, attempt: int = 1) -> None:
    """Send one message (plain text with an HTML alternative) to one address.

    When sending fails, the message is queued again to run after a delay (where the
    backend can defer), up to MAX_ATTEMPTS, and this attempt fails, so that the task
    backend records the error (the database backend keeps its traceback).
    """
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception:
        retried = attempt < MAX_ATTEMPTS and _retry(
            to=to, subject=subject, text=text, html=html, attempt=attempt
        )
        logger.warning(
            "Mail %r, attempt %d of %d failed%s",
            subject,
            attempt,
            MAX_ATTEMPTS,
            "; retried later" if retried else "; given up",
        )
        raise


def _retry(*, attempt: int, **message: str) -> bool:
    """Queue the next attempt after its delay; False where the backend cannot defer (the
    immediate backend of the demo and tests: retrying at once would only fail again)."""
    if not send_message.get_backend().supports_defer:
        return False
    run_after = timezone.now() + RETRY_DELAYS[min(attempt, len(RETRY_DELAYS)) - 1]
    send_message.using(run_after=run_after).enqueue(**message, attempt=attempt + 1)
    return True
