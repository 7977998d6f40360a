"""The background tasks that tell followers, retried with backoff when sending fails.

The queue holds ids only (a follower's, a publication's): the worker reads the row and
makes the signed links when it sends, so nothing in the queue can confirm or unsubscribe
an address, and an address deleted meanwhile is sent nothing.
"""

from __future__ import annotations

import logging

from django_tasks import task

from following.events import follower_ids, load_event
from following.mail import confirmation_message, event_message
from following.models import Follower
from portal.tasks import MAX_ATTEMPTS, retry_later

logger = logging.getLogger(__name__)


class FollowerMailNotSent(Exception):
    """The mail server refused the message; the task backend records this attempt."""


def _follower(follower_id: int) -> Follower | None:
    return (
        Follower.objects.select_related("municipality", "police_area")
        .filter(pk=follower_id)
        .first()
    )


def _send(message, *, retry, what: str, attempt: int) -> None:
    try:
        message.send()
    except Exception as error:
        retried = retry()
        logger.warning(
            "Follower mail %s, attempt %d of %d failed%s",
            what,
            attempt,
            MAX_ATTEMPTS,
            "; retried later" if retried else "; given up",
        )
        raise FollowerMailNotSent(what) from error


@task()
def send_confirmation(*, follower_id: int, language: str = "sv", attempt: int = 1) -> None:
    """The confirmation link (or "you already follow") for an address just entered, in
    the language of the page it was entered on."""
    follower = _follower(follower_id)
    if follower is None:  # deleted meanwhile (unsubscribed or purged)
        return
    _send(
        confirmation_message(follower, language),
        retry=lambda: retry_later(
            send_confirmation, follower_id=follower_id, language=language, attempt=attempt
        ),
        what=f"confirmation {follower_id}",
        attempt=attempt,
    )


@task()
def tell_followers(*, kind: str, pk: int) -> None:
    """Queue one message per confirmed follower of a publication's places."""
    event = load_event(kind, pk)
    if event is None:
        return
    for follower_id in follower_ids(event):
        send_event.enqueue(follower_id=follower_id, kind=kind, pk=pk)


@task()
def send_event(*, follower_id: int, kind: str, pk: int, attempt: int = 1) -> None:
    """One publication, told to one follower (nothing if they stopped following)."""
    follower = _follower(follower_id)
    event = load_event(kind, pk)
    if follower is None or not follower.is_confirmed or event is None:
        return
    _send(
        event_message(follower, event),
        retry=lambda: retry_later(
            send_event, follower_id=follower_id, kind=kind, pk=pk, attempt=attempt
        ),
        what=f"{kind} {pk} to follower {follower_id}",
        attempt=attempt,
    )
