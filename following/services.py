"""Writes: an address asks to follow a place, confirms, stops following; the purge."""

from __future__ import annotations

import datetime
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from following.models import CONFIRM_WITHIN, Follower
from following.places import Place, place_fields
from following.tasks import send_confirmation


def normalise_email(email: str) -> str:
    """Addresses are kept in lower case, so one address follows a place once."""
    return email.strip().lower()


@transaction.atomic
def follower_request(*, email: str, place: Place, language: str | None = None) -> Follower:
    """Enter ``email`` for ``place``. A new or still unconfirmed address is sent a
    confirmation link (its week starts again); a confirmed one a message that it already
    follows the place. The caller cannot tell which: the page answers the same.

    The answer is in ``language`` (the page's, default Swedish), which goes to the queue
    with the id and is stored nowhere: the row keeps the address, the place and the dates
    only, so the messages about publications are Swedish like the documents."""
    email = normalise_email(email)
    fields = place_fields(place)
    follower = Follower.objects.select_for_update().filter(email=email, **fields).first()
    if follower is None:
        follower = Follower(email=email, **fields)
        follower.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                follower.save()
        except IntegrityError:
            # Entered at the same moment by another request: that row stands.
            follower = Follower.objects.get(email=email, **fields)
    elif not follower.is_confirmed:
        follower.created_at = timezone.now()
        follower.save(update_fields=["created_at"])
    # Only the id goes to the queue; the worker makes the link (following/tokens.py).
    language = language or settings.LANGUAGE_CODE
    transaction.on_commit(
        partial(send_confirmation.enqueue, follower_id=follower.pk, language=language),
        robust=True,
    )
    return follower


@transaction.atomic
def follower_confirm(*, follower: Follower) -> Follower:
    """The address confirmed by its link: mail is sent to it from now on (once only)."""
    follower = Follower.objects.select_for_update().get(pk=follower.pk)
    if follower.confirmed_at is None:
        follower.confirmed_at = timezone.now()
        follower.save(update_fields=["confirmed_at"])
    return follower


@transaction.atomic
def follower_remove(*, follower: Follower) -> None:
    """Stop following: the address is deleted at once, nothing of it is kept."""
    Follower.objects.filter(pk=follower.pk).delete()


def followers_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete the addresses not confirmed within CONFIRM_WITHIN; how many were deleted."""
    now = now or timezone.now()
    deleted, _ = Follower.objects.unconfirmed_before(now - CONFIRM_WITHIN).delete()
    return deleted
