"""The annual follow-up's writes: start, edit, submit, return, sign off, publish and revise.

Every write checks the user's role for the document's parties on the server, runs in a
transaction with the review's row locked, and keeps history. The states are
utkast → inskickad → godkänd → publicerad; a signatory may send an inskickad review back
to utkast with a comment. The required signatures are one per party: the police area
and each municipality of the pledge (or agreement). The last signature approves the
review, which freezes it, and publishes it with a sealed PDF.
"""

from __future__ import annotations

import datetime
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement, Membership
from agreements.permissions import User, user_parties
from followup.reviews.content import content_sha256, prefill_items
from followup.reviews.documents import REVIEW_PDF
from followup.reviews.models import (
    Assessment,
    Review,
    ReviewEvent,
    ReviewItem,
    ReviewSignOff,
    ReviewState,
)
from followup.reviews.periods import period_starting
from followup.reviews.permissions import can_draft, can_sign
from pledges.models import Pledge
from portal.services import document_issue

logger = logging.getLogger(__name__)


class ReviewConflict(Exception):
    """The review changed after the user opened it (another coordinator saved it)."""

    def __init__(self, current: Review) -> None:
        super().__init__(f"Review {current.pk} is at content version {current.content_version}")
        self.current = current


def _event(review: Review, kind: str, user: User | None, comment: str = "") -> None:
    ReviewEvent.objects.create(review=review, kind=kind, user=user, comment=comment)


def _save(review: Review, user: User | None, **kwargs) -> None:
    review._history_user = user
    review.save(**kwargs)


def _locked(review: Review) -> Review:
    return (
        Review.objects.select_for_update(of=("self",))
        .select_related("pledge__police_area", "agreement__police_area")
        .get(pk=review.pk)
    )


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
    Starting one that exists already returns the existing one.
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
        Review.objects.filter(**{document_field: document}, period_start=period.start)
        .order_by("-revision")
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
    _save(review, user)
    for item in prefill_items(document, period):
        item.review = review
        item._history_user = user
        item.save()
    _event(review, ReviewEvent.Kind.STARTED, user)
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
    """Save a draft: the texts and, per item id, (assessment, comment)."""
    current = _locked(review)
    if not can_draft(user, current.document):
        raise PermissionDenied
    if current.state != ReviewState.DRAFT:
        raise ValidationError(
            _("Uppföljningen är %(state)s och kan inte ändras.")
            % {"state": current.get_state_display().lower()}
        )
    if current.content_version != content_version:
        raise ReviewConflict(current)
    invalid = {value for value, _comment in assessments.values()} - {"", *Assessment.values}
    if invalid:
        raise ValidationError(_("Välj en bedömning från listan."))
    for item in current.items.all():
        if item.pk not in assessments:
            continue
        assessment, comment = assessments[item.pk]
        comment = comment.strip()
        if (item.assessment, item.comment) != (assessment, comment):
            item.assessment, item.comment = assessment, comment
            item._history_user = user
            item.save()
    current.summary = summary.strip()
    current.lessons = lessons.strip()
    current.next_steps = next_steps.strip()
    current.content_version += 1
    current.updated_at = timezone.now()
    current.full_clean()
    _save(current, user)
    return current


def submission_problems(review: Review, items: list[ReviewItem]) -> list[str]:
    """What must be in place before a review can go to the signatories (Swedish)."""
    problems = []
    document = review.document
    if not document.police_area_id:
        problems.append(
            _(
                "Dokumentet anger inget lokalpolisområde, så polisen kan inte skriva under. "
                "En redaktör behöver ange lokalpolisområdet först."
            )
        )
    if not document.municipalities.exists():
        problems.append(_("Dokumentet anger ingen kommun som kan skriva under."))
    if not review.summary.strip():
        problems.append(_("Skriv en sammanfattning."))
    missing = [item for item in items if not item.assessment]
    if missing:
        message = (
            _("Bedöm alla åtaganden: %(n)d saknar bedömning.")
            if review.agreement_id
            else _("Bedöm alla löften: %(n)d saknar bedömning.")
        )
        problems.append(message % {"n": len(missing)})
    return problems


@transaction.atomic
def review_submit(*, user: User, review: Review, content_version: int) -> Review:
    """Send a draft to the signatories: its content is fixed and fingerprinted."""
    current = _locked(review)
    if not can_draft(user, current.document):
        raise PermissionDenied
    if current.state != ReviewState.DRAFT:
        raise ValidationError(_("Bara ett utkast kan skickas in."))
    if current.content_version != content_version:
        raise ReviewConflict(current)
    items = list(current.items.all())
    problems = submission_problems(current, items)
    if problems:
        raise ValidationError(problems)
    current.state = ReviewState.SUBMITTED
    current.submitted_at = timezone.now()
    current.content_sha256 = content_sha256(current, items)
    _save(current, user)
    _event(current, ReviewEvent.Kind.SUBMITTED, user)
    return current


@transaction.atomic
def review_return(*, user: User, review: Review, comment: str) -> Review:
    """A signatory sends the review back to draft; earlier signatures no longer count."""
    current = _locked(review)
    if not can_sign(user, current.document):
        raise PermissionDenied
    if current.state != ReviewState.SUBMITTED:
        raise ValidationError(_("Bara en inskickad uppföljning kan skickas tillbaka."))
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": _("Skriv vad som behöver ändras.")})
    current.state = ReviewState.DRAFT
    current.submitted_at = None
    current.content_sha256 = ""
    # Signatures name the version they signed: after a return, all must sign again.
    current.content_version += 1
    _save(current, user)
    _event(current, ReviewEvent.Kind.RETURNED, user, comment)
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
    current = _locked(review)
    document = current.document
    if not can_sign(user, document):
        raise PermissionDenied
    if not user.check_password(password or ""):
        raise ValidationError(
            {
                "password": _(
                    "Lösenordet stämmer inte. Skriv ditt eget lösenord för att skriva under."
                )
            }
        )
    if current.state != ReviewState.SUBMITTED:
        raise ValidationError(
            _("Uppföljningen är %(state)s och kan inte skrivas under nu.")
            % {"state": current.get_state_display().lower()}
        )
    if current.content_version != content_version:
        raise ReviewConflict(current)
    fingerprint = content_sha256(current, list(current.items.all()))
    if fingerprint != current.content_sha256:
        # Cannot happen through the model layer; refuse rather than sign other content.
        raise ValidationError(_("Innehållet har ändrats sedan det skickades in."))
    already = {s.party_key for s in current.current_sign_offs()}
    to_sign = [
        p for p in user_parties(user, document, Membership.Role.SIGNATORY) if p.key not in already
    ]
    if not to_sign:
        raise ValidationError(_("Din part har redan skrivit under den här versionen."))
    name = user.get_full_name() or user.get_username()
    created = []
    for party in to_sign:
        sign_off = ReviewSignOff(
            review=current,
            content_version=current.content_version,
            content_sha256=fingerprint,
            municipality=party.municipality,
            police_area=party.police_area,
            user=user,
            name=name,
            title=title.strip(),
            organisation=party.name,
        )
        try:
            with transaction.atomic():
                sign_off.save()
        except IntegrityError:
            # Someone for the same party signed at the same moment: it counts once.
            continue
        created.append(sign_off)
        _event(current, ReviewEvent.Kind.SIGNED, user, party.name)
    if not current.missing_parties():
        _approve(current, user)
    return created


def _approve(review: Review, user: User) -> None:
    review.state = ReviewState.APPROVED
    review.approved_at = timezone.now()
    _save(review, user)
    _event(review, ReviewEvent.Kind.APPROVED, user)
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
    current = _locked(review)
    if current.state == ReviewState.PUBLISHED:
        return current
    if current.state != ReviewState.APPROVED:
        raise ValidationError(_("Bara en godkänd uppföljning kan publiceras."))
    current.state = ReviewState.PUBLISHED
    current.published_at = timezone.now()
    _save(current, user, update_fields=["state", "published_at"])
    document_issue(document=current, pdf=REVIEW_PDF, issued_by=user)
    _event(current, ReviewEvent.Kind.PUBLISHED, user)
    return current


@transaction.atomic
def review_revise(*, user: User, review: Review) -> Review:
    """Start a correction of a published review: a new revision, signed off again.

    The published revision stays public until the correction is published, then it is
    shown as replaced.
    """
    current = _locked(review)
    if not can_draft(user, current.document):
        raise PermissionDenied
    if current.state != ReviewState.PUBLISHED:
        raise ValidationError(_("Bara en publicerad uppföljning kan rättas."))
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
    _save(revision, user)
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
    _event(
        revision,
        ReviewEvent.Kind.STARTED,
        user,
        _("Rättelse av revision %(n)d") % {"n": current.revision},
    )
    return revision
