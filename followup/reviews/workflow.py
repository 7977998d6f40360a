"""What every step of the annual follow-up's workflow shares: the locked row, the event
log, history, and the activity log's figures written into the items."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy

from agreements.permissions import User
from followup.reviews.content import live_progress
from followup.reviews.models import Review, ReviewEvent, ReviewItem, ReviewSignOff

LOG_CHANGED_MESSAGE = gettext_lazy(
    "Aktivitetsloggen har ändrats sedan uppföljningen skickades in, så siffrorna stämmer inte "
    "längre. Den kan skrivas under först när samordnarna har skickat in den igen med de nya "
    "siffrorna."
)


class ReviewConflict(Exception):
    """The review changed after the user opened it (another coordinator saved it)."""

    def __init__(self, current: Review) -> None:
        super().__init__(f"Review {current.pk} is at content version {current.content_version}")
        self.current = current


def record_event(review: Review, kind: str, user: User | None, comment: str = "") -> None:
    ReviewEvent.objects.create(review=review, kind=kind, user=user, comment=comment)


def save_with_history(review: Review, user: User | None, **kwargs) -> None:
    review._history_user = user
    review.save(**kwargs)


def locked(review: Review) -> Review:
    return (
        Review.objects.select_for_update(of=("self",))
        .select_related("pledge__police_area", "agreement__police_area")
        .get(pk=review.pk)
    )


def locked_for_step(
    review: Review,
    *,
    user: User,
    may: Callable[[User, object], bool],
    state: str,
    refused: str,
    content_version: int | None = None,
) -> Review:
    """The review's row, locked, after the checks every step makes: the user's role for
    the document (``may``), the state the step needs (else ``refused``, a Swedish
    sentence that may name the review's state as %(state)s) and, where given, the content
    version the user saw."""
    current = locked(review)
    if not may(user, current.document):
        raise PermissionDenied
    if current.state != state:
        raise ValidationError(refused % {"state": current.get_state_display().lower()})
    if content_version is not None and current.content_version != content_version:
        raise ReviewConflict(current)
    return current


def items_with_commitments(review: Review) -> list[ReviewItem]:
    return list(review.items.select_related("commitment"))


def store_live_progress(review: Review, items: list[ReviewItem], user: User) -> bool:
    """Write what the activity log says now into each item; whether anything changed."""
    changed = live_progress(review, items)
    for item in changed:
        item.progress = item.live_progress
        item._history_user = user
        item.save()
    return bool(changed)


def record_cancelled_signatures(review: Review, cancelled: list[ReviewSignOff], user: User) -> None:
    if cancelled:
        names = ", ".join(f"{s.name} ({s.organisation})" for s in cancelled)
        record_event(review, ReviewEvent.Kind.SIGNATURES_CANCELLED, user, names)
