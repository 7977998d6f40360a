"""The annual follow-up's drafting steps: start, edit, submit, resubmit and revise.

Every write checks the user's role for the document's parties on the server, runs in a
transaction with the review's row locked, and keeps history. The states are
utkast → inskickad → godkänd → publicerad; the signing steps are in signing.py. A draft
always shows the activity log as it is now; submitting writes those figures in, fixes
the content and fingerprints it.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement
from agreements.permissions import User
from followup.reviews import signals
from followup.reviews.content import content_sha256, prefill_items
from followup.reviews.documents import review_title
from followup.reviews.models import Assessment, Review, ReviewEvent, ReviewItem, ReviewState
from followup.reviews.periods import period_starting
from followup.reviews.permissions import can_draft
from followup.reviews.submission import submission_errors
from followup.reviews.workflow import (
    items_with_commitments,
    locked,
    locked_for_step,
    record_cancelled_signatures,
    record_event,
    save_with_history,
    store_live_progress,
)
from followup.revisions import chain_filter
from pledges.models import Pledge
from portal.services import document_attach_scanned_original


@transaction.atomic
def review_start(
    *,
    user: User,
    document: Pledge | Agreement,
    period_start: datetime.date,
    today: datetime.date | None = None,
) -> Review:
    """Start the follow-up of ``document`` for the period beginning ``period_start``.

    Prefills every commitment with the period's logged activities and its progress.
    Starting one that exists already returns the existing one, also when it was started
    on an earlier revision of the document: a revision continues the follow-up.
    """
    if not can_draft(user, document):
        raise PermissionDenied
    if not document.is_published:
        raise ValidationError(_("Bara publicerade dokument följs upp."))
    period = period_starting(document, period_start)
    if period is None:
        raise ValidationError(_("Perioden hör inte till dokumentets giltighetstid."))
    today = today or timezone.localdate()
    if period.start > today:
        raise ValidationError(
            _("Uppföljningen för %(period)s kan börja först när perioden har börjat.")
            % {"period": period.label}
        )
    # Serialise starters of the same document: one review per period.
    type(document).objects.select_for_update().filter(pk=document.pk).exists()
    document_field = "pledge" if isinstance(document, Pledge) else "agreement"
    existing = (
        Review.objects.filter(
            chain_filter([document], prefix=f"{document_field}__"), period_start=period.start
        )
        .order_by("-revision", "-pk")
        .first()
    )
    if existing is not None:
        return existing
    review = Review(
        **{document_field: document},
        period_start=period.start,
        period_end=period.end,
        created_by=user,
    )
    review.full_clean()
    save_with_history(review, user)
    for item in prefill_items(document, period):
        item.review = review
        item._history_user = user
        item.save()
    record_event(review, ReviewEvent.Kind.STARTED, user)
    return review


@transaction.atomic
def review_update(
    *,
    user: User,
    review: Review,
    content_version: int,
    summary: str,
    lessons: str,
    next_steps: str,
    assessments: dict[int, tuple[str, str]],
) -> Review:
    """Save a draft: the texts, per item id (assessment, comment), and the activity log's
    figures as they are now. The content version changes only when the content does."""
    current = locked_for_step(
        review,
        user=user,
        may=can_draft,
        state=ReviewState.DRAFT,
        refused=_("Uppföljningen är %(state)s och kan inte ändras."),
        content_version=content_version,
    )
    invalid = {value for value, _comment in assessments.values()} - {"", *Assessment.values}
    if invalid:
        raise ValidationError(_("Välj en bedömning från listan."))
    items = items_with_commitments(current)
    changed = store_live_progress(current, items, user)
    for item in items:
        if item.pk not in assessments:
            continue
        assessment, comment = assessments[item.pk]
        comment = comment.strip()
        if (item.assessment, item.comment) != (assessment, comment):
            item.assessment, item.comment = assessment, comment
            item._history_user = user
            item.save()
            changed = True
    texts = (summary.strip(), lessons.strip(), next_steps.strip())
    if texts != (current.summary, current.lessons, current.next_steps):
        current.summary, current.lessons, current.next_steps = texts
        changed = True
    if changed:
        current.content_version += 1
        current.updated_at = timezone.now()
        current.full_clean()
        save_with_history(current, user)
    return current


@transaction.atomic
def review_submit(
    *, user: User, review: Review, content_version: int, confirmed_short: bool = False
) -> Review:
    """Send a draft to the signatories: the activity log's figures as they are now are
    written in, and the content is fixed and fingerprinted."""
    current = locked_for_step(
        review,
        user=user,
        may=can_draft,
        state=ReviewState.DRAFT,
        refused=_("Bara ett utkast kan skickas in."),
        content_version=content_version,
    )
    items = items_with_commitments(current)
    if store_live_progress(current, items, user):
        current.content_version += 1
    errors = submission_errors(current, items, confirmed_short=confirmed_short)
    if errors:
        raise ValidationError(errors)
    current.state = ReviewState.SUBMITTED
    current.submitted_at = timezone.now()
    current.content_sha256 = content_sha256(current, items)
    save_with_history(current, user)
    record_event(current, ReviewEvent.Kind.SUBMITTED, user)
    signals.review_submitted.send(sender=Review, review=current, user=user, resubmitted=False)
    return current


@transaction.atomic
def review_resubmit(*, user: User, review: Review, content_version: int) -> Review:
    """Send a submitted review again with the activity log's figures as they are now.

    The signatures already given were for other figures: they no longer count, and the
    event log names whose they were.
    """
    current = locked_for_step(
        review,
        user=user,
        may=can_draft,
        state=ReviewState.SUBMITTED,
        refused=_("Bara en inskickad uppföljning kan skickas in igen."),
        content_version=content_version,
    )
    items = items_with_commitments(current)
    if not store_live_progress(current, items, user):
        raise ValidationError(
            _(
                "Siffrorna i aktivitetsloggen är oförändrade; uppföljningen väntar redan på "
                "underskrifter."
            )
        )
    cancelled = current.current_sign_offs()
    current.content_version += 1
    current.submitted_at = timezone.now()
    current.content_sha256 = content_sha256(current, items)
    save_with_history(current, user)
    record_event(current, ReviewEvent.Kind.RESUBMITTED, user)
    record_cancelled_signatures(current, cancelled, user)
    signals.review_submitted.send(sender=Review, review=current, user=user, resubmitted=True)
    return current


@transaction.atomic
def review_revise(*, user: User, review: Review) -> Review:
    """Start a correction of a published review: a new revision, signed off again.

    The published revision stays public until the correction is published, then it is
    shown as replaced.
    """
    current = locked(review)
    if not can_draft(user, current.document):
        raise PermissionDenied
    if current.state != ReviewState.PUBLISHED:
        raise ValidationError(_("Bara en publicerad uppföljning kan rättas."))
    if current.is_scanned:
        raise ValidationError(_("En inskannad uppföljning rättas inte i portalen."))
    if Review.objects.filter(replaces=current).exists():
        raise ValidationError(_("Det finns redan en rättelse av den här uppföljningen."))
    revision = Review(
        pledge_id=current.pledge_id,
        agreement_id=current.agreement_id,
        period_start=current.period_start,
        period_end=current.period_end,
        revision=current.revision + 1,
        replaces=current,
        summary=current.summary,
        lessons=current.lessons,
        next_steps=current.next_steps,
        created_by=user,
    )
    revision.full_clean()
    save_with_history(revision, user)
    for item in current.items.all():
        copy = ReviewItem(
            review=revision,
            commitment_id=item.commitment_id,
            duty_id=item.duty_id,
            order=item.order,
            group=item.group,
            text=item.text,
            progress=item.progress,
            assessment=item.assessment,
            comment=item.comment,
        )
        copy._history_user = user
        copy.save()
    record_event(
        revision,
        ReviewEvent.Kind.STARTED,
        user,
        _("Rättelse av revision %(n)d") % {"n": current.revision},
    )
    return revision


@transaction.atomic
def review_attach_scanned(
    *,
    user: User,
    document: Pledge | Agreement,
    period_start: datetime.date,
    upload: UploadedFile,
    signed_by: str = "",
    note: str = "",
) -> Review:
    """Publish the follow-up of a period from before the portal as its scanned original.

    Portal staff upload it (as they do a pledge's scanned original); it is shown and
    verified by its SHA-256, never sealed by the portal. A period that already has a
    follow-up in the portal takes none.
    """
    if not user.has_perm("followup.add_review"):
        raise PermissionDenied
    if not document.is_published:
        raise ValidationError(_("Bara publicerade dokument följs upp."))
    period = period_starting(document, period_start)
    if period is None:
        raise ValidationError(_("Perioden hör inte till dokumentets giltighetstid."))
    document_field = "pledge" if isinstance(document, Pledge) else "agreement"
    type(document).objects.select_for_update().filter(pk=document.pk).exists()
    followed_up = Review.objects.filter(
        chain_filter([document], prefix=f"{document_field}__"), period_start=period.start
    )
    if followed_up.exists():
        raise ValidationError(
            _("Det finns redan en uppföljning för %(period)s i portalen.")
            % {"period": period.label}
        )
    now = timezone.now()
    review = Review(
        **{document_field: document},
        period_start=period.start,
        period_end=period.end,
        is_scanned=True,
        state=ReviewState.PUBLISHED,
        published_at=now,
        created_by=user,
    )
    review.full_clean()
    save_with_history(review, user)
    document_attach_scanned_original(
        document=review,
        upload=upload,
        title=review_title(review),
        path=review.get_absolute_url(),
        signed_by=signed_by.strip(),
        note=note.strip(),
        issued_by=user,
    )
    record_event(review, ReviewEvent.Kind.PUBLISHED, user, _("Inskannat original"))
    return review
