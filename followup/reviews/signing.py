"""The annual follow-up's signing steps: return with a comment, sign off, publish.

The required signatures are one per party: the police area and each municipality of the
pledge (or agreement). A signatory signs exactly the content that was submitted; if the
activity log has changed its figures since, signing waits for a resubmission. The last
signature approves the review, which freezes it, and publishes it with a sealed PDF.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import followup_parties
from agreements.permissions import User
from agreements.signing import check_signing_password, sign_for_parties
from followup.reviews import signals
from followup.reviews.content import content_sha256, live_progress
from followup.reviews.documents import REVIEW_PDF
from followup.reviews.models import Review, ReviewEvent, ReviewSignOff, ReviewState
from followup.reviews.permissions import can_sign
from followup.reviews.workflow import (
    LOG_CHANGED_MESSAGE,
    ReviewConflict,
    items_with_commitments,
    locked,
    locked_for_step,
    record_cancelled_signatures,
    record_event,
    save_with_history,
)
from portal.services import document_issue

logger = logging.getLogger(__name__)


@transaction.atomic
def review_return(*, user: User, review: Review, comment: str) -> Review:
    """A signatory sends the review back to draft; signatures already given no longer
    count (the page says whose before the return, and the event log after)."""
    current = locked_for_step(
        review,
        user=user,
        may=can_sign,
        state=ReviewState.SUBMITTED,
        refused=_("Bara en inskickad uppföljning kan skickas tillbaka."),
    )
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": _("Skriv vad som behöver ändras.")})
    cancelled = current.current_sign_offs()
    current.state = ReviewState.DRAFT
    current.submitted_at = None
    current.content_sha256 = ""
    # Signatures name the version they signed: after a return, all must sign again.
    current.content_version += 1
    save_with_history(current, user)
    record_event(current, ReviewEvent.Kind.RETURNED, user, comment)
    record_cancelled_signatures(current, cancelled, user)
    signals.review_returned.send(sender=Review, review=current, user=user, comment=comment)
    return current


@transaction.atomic
def review_sign(
    *,
    user: User,
    review: Review,
    password: str,
    content_version: int,
    title: str = "",
) -> list[ReviewSignOff]:
    """Sign a submitted review for each of the user's parties that has not signed yet.

    The signatory confirms their password now. The signature records who, when, and
    the content version and fingerprint they saw. The last signature approves and
    publishes the review.
    """
    current = locked(review)
    document = current.document
    if not can_sign(user, document):
        raise PermissionDenied
    check_signing_password(user, password)
    if current.state != ReviewState.SUBMITTED:
        raise ValidationError(
            _("Uppföljningen är %(state)s och kan inte skrivas under nu.")
            % {"state": current.get_state_display().lower()}
        )
    if current.content_version != content_version:
        raise ReviewConflict(current)
    items = items_with_commitments(current)
    if live_progress(current, items):
        raise ValidationError(LOG_CHANGED_MESSAGE)
    fingerprint = content_sha256(current, items)
    if fingerprint != current.content_sha256:
        # Cannot happen through the model layer; refuse rather than sign other content.
        raise ValidationError(_("Innehållet har ändrats sedan det skickades in."))
    created = sign_for_parties(
        user=user,
        parties=followup_parties(document),
        current_sign_offs=current.current_sign_offs(),
        make=lambda party: ReviewSignOff(
            review=current,
            content_version=current.content_version,
            content_sha256=fingerprint,
            title=title.strip(),
        ),
        on_signed=lambda sign_off, party: record_event(
            current, ReviewEvent.Kind.SIGNED, user, party.name
        ),
    )
    if not current.missing_parties():
        _approve(current, user)
    return created


def _approve(review: Review, user: User) -> None:
    review.state = ReviewState.APPROVED
    review.approved_at = timezone.now()
    save_with_history(review, user)
    record_event(review, ReviewEvent.Kind.APPROVED, user)
    try:
        with transaction.atomic():
            review_publish(review=review, user=user)
    except Exception:
        # The signatures stand; publication is retried (admin action or
        # `manage.py publish_reviews`) once the seal works again.
        logger.exception("Review %s approved but could not be published", review.pk)


@transaction.atomic
def review_publish(*, review: Review, user: User | None = None) -> Review:
    """Publish an approved review: issue its sealed PDF and show it on the public pages."""
    current = locked(review)
    if current.state == ReviewState.PUBLISHED:
        return current
    if current.state != ReviewState.APPROVED:
        raise ValidationError(_("Bara en godkänd uppföljning kan publiceras."))
    current.state = ReviewState.PUBLISHED
    current.published_at = timezone.now()
    save_with_history(current, user, update_fields=["state", "published_at"])
    document_issue(document=current, pdf=REVIEW_PDF, issued_by=user)
    record_event(current, ReviewEvent.Kind.PUBLISHED, user)
    signals.review_published.send(sender=Review, review=current, user=user)
    return current
