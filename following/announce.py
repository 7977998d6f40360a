"""The workflows' publication signals, received inside their transactions: the kind and
id of what was published are queued when the transaction commits (never when it rolls
back), and the worker tells the followers (following/tasks.py). A failure here is logged
and never fails the publication."""

from __future__ import annotations

import logging
from functools import partial

from django.db import transaction

from following.events import REVIEW
from following.tasks import tell_followers

logger = logging.getLogger(__name__)


def _announce(kind: str, pk: int) -> None:
    transaction.on_commit(partial(tell_followers.enqueue, kind=kind, pk=pk), robust=True)


def document_published(sender, *, document, **kwargs) -> None:
    """A pledge or agreement, or a new revision of one, was published."""
    try:
        _announce(type(document)._meta.model_name, document.pk)
    except Exception:
        logger.exception("Could not queue the followers' mail of %s %s", sender, document.pk)


def review_published(sender, *, review, **kwargs) -> None:
    """A follow-up (or a correction of one) was published."""
    try:
        _announce(REVIEW, review.pk)
    except Exception:
        logger.exception("Could not queue the followers' mail of review %s", review.pk)
