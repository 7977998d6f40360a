"""The background task that sends one e-mail, retried with backoff when sending fails."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django_tasks import task

from portal.tasks import MAX_ATTEMPTS, retry_later

logger = logging.getLogger(__name__)


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
        retried = retry_later(
            send_message, to=to, subject=subject, text=text, html=html, attempt=attempt
        )
        logger.warning(
            "Mail %r, attempt %d of %d failed%s",
            subject,
            attempt,
            MAX_ATTEMPTS,
            "; retried later" if retried else "; given up",
        )
        raise
