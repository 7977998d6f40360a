"""Reminders, sent by the daily ``send_reminders`` command, each once per person and occasion.

- coordinators, a month before a follow-up period of a published pledge or agreement
  ends, while it has no published follow-up;
- coordinators, when a period's follow-up is still not published three months after the
  period's end (up to a year after it, as long as the coordinators' page still lists it);
- signatories, when a pledge, an agreement or a follow-up has waited a week for their
  party's signature. Signature requests are sent whatever the person's settings; the
  other reminders only to people who have not turned them off.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement, Membership, Party, document_parties, followup_parties
from agreements.models.parties import parties_line
from agreements.publishing.registry import registered
from agreements.signing import missing_parties
from followup.reviews.models import Review, ReviewState
from followup.reviews.periods import ReviewPeriod, agreement_periods, pledge_periods
from followup.reviews.selectors import STILL_OPEN_AFTER_END, latest_by_period, review_queryset
from followup.revisions import chain_filter, chain_root
from notifications.mail import compose, portal_url
from notifications.models import ReminderSent
from notifications.recipients import people_with_role
from notifications.tasks import send_message
from pledges.models import Pledge
from portal.choices import PublicationStatus

Role = Membership.Role

ENDING_WITHIN = 1  # month
LATE_AFTER = 3  # months
WAITING_FOR = datetime.timedelta(days=7)


@dataclass
class Reminder:
    """One occasion and who is reminded of it."""

    occasion: str
    template: str
    subject: str
    parties: list[Party]
    role: str
    context: dict[str, Any]
    # Signature requests go out even to people who turned reminders off.
    is_signature_request: bool = False


def months_later(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, or that month's last day where it has no such day."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last_day))


def _kind(document: Pledge | Agreement) -> str:
    return document._meta.model_name


def _period_published(review: Review | None) -> bool:
    # A correction is only ever started from a published review.
    return review is not None and (review.is_published or review.replaces_id is not None)


def period_reminders(today: datetime.date) -> Iterator[Reminder]:
    """Coordinators' reminders: periods ending within a month, and periods whose follow-up
    is late, of published pledges and agreements with no published follow-up (4 queries)."""
    pledges = list(
        Pledge.objects.published().select_related("police_area").prefetch_related("municipalities")
    )
    agreements = list(
        Agreement.objects.published()
        .select_related("police_area")
        .prefetch_related("municipalities")
    )
    if not pledges and not agreements:
        return
    reviews = review_queryset().filter(
        chain_filter(pledges, prefix="pledge__") | chain_filter(agreements, prefix="agreement__")
    )
    latest = latest_by_period(reviews)
    for document in [*pledges, *agreements]:
        periods = (
            pledge_periods(document)
            if isinstance(document, Pledge)
            else agreement_periods(document, today)
        )
        for period in periods:
            review = latest.get((_kind(document), chain_root(document), period.start))
            if _period_published(review):
                continue
            reminder = _period_reminder(document, period, review, today)
            if reminder is not None:
                yield reminder


def _period_reminder(
    document: Pledge | Agreement, period: ReviewPeriod, review: Review | None, today
) -> Reminder | None:
    if today <= period.end < months_later(today, ENDING_WITHIN):
        occasion, template = "period-ending", "period_ending"
        subject = _("Uppföljningsperioden slutar snart: %(what)s")
    elif months_later(period.end, LATE_AFTER) <= today <= period.end + STILL_OPEN_AFTER_END:
        occasion, template = "late", "followup_late"
        subject = _("Uppföljningen är inte publicerad: %(what)s")
    else:
        return None
    what = _("uppföljningen %(period)s av %(document)s »%(title)s«") % {
        "period": period.label,
        "document": document._meta.verbose_name,
        "title": document.title,
    }
    url = reverse("followup:review", kwargs={"pk": review.pk}) if review else None
    context = {
        "what": what,
        "parties": parties_line(document, followup=True),
        "period_end": period.end,
        "url": portal_url(url or reverse("followup:start")),
    }
    key = f"{_kind(document)}-{chain_root(document)}-{period.start.isoformat()}"
    return Reminder(
        occasion=f"{occasion}:{key}",
        template=template,
        subject=subject % context,
        parties=followup_parties(document),
        role=Role.COORDINATOR,
        context=context,
    )


def signing_reminders(today: datetime.date) -> Iterator[Reminder]:
    """Signatories' reminders: documents and follow-ups sent for signing a week ago or more,
    to the parties that have not signed the version sent (one query per document type,
    and one for the follow-ups)."""
    sent_before = today - WAITING_FOR
    for spec in registered():
        documents = (
            spec.model.objects.filter(
                status=PublicationStatus.SUBMITTED, submitted_at__date__lte=sent_before
            )
            .select_related("police_area")
            .prefetch_related("municipalities", "sign_offs")
            .order_by("submitted_at", "pk")
        )
        for document in documents:
            current = [
                s for s in document.sign_offs.all() if s.content_version == document.content_version
            ]
            missing = missing_parties(document_parties(document), current)
            what = f"{document._meta.verbose_name} »{document.title}«"
            key = f"{_kind(document)}-{document.pk}-v{document.content_version}"
            yield _signing_reminder(key, what, document, missing, spec.step_url("sign", document))
    reviews = review_queryset().filter(
        state=ReviewState.SUBMITTED, submitted_at__date__lte=sent_before
    )
    for review in reviews.order_by("submitted_at", "pk"):
        document = review.document
        what = _("uppföljningen %(period)s av %(document)s »%(title)s«") % {
            "period": review.period_label,
            "document": document._meta.verbose_name,
            "title": document.title,
        }
        key = f"review-{review.pk}-v{review.content_version}"
        url = reverse("followup:review", kwargs={"pk": review.pk})
        yield _signing_reminder(key, what, document, review.missing_parties(), url)


def _signing_reminder(key: str, what: str, document, missing: list[Party], url: str) -> Reminder:
    context = {"what": what, "parties": parties_line(document), "url": portal_url(url)}
    return Reminder(
        occasion=f"waiting:{key}",
        template="signing_reminder",
        subject=_("Väntar på din underskrift: %(what)s") % context,
        parties=missing,
        role=Role.SIGNATORY,
        context=context,
        is_signature_request=True,
    )


def _wants(person: AbstractBaseUser, reminder: Reminder) -> bool:
    if reminder.is_signature_request:
        return True
    profile = getattr(person, "profile", None)
    return profile is None or profile.reminders_enabled


def reminder_send_once(*, person: AbstractBaseUser, reminder: Reminder) -> bool:
    """Record that ``person`` is reminded of the occasion, then queue the mail once the
    record is committed. False, and no mail, when someone already recorded it (an earlier
    run, or another server at the same moment: the unique constraint decides)."""
    try:
        with transaction.atomic():
            _sent, created = ReminderSent.objects.get_or_create(
                user=person, occasion=reminder.occasion
            )
            if created:
                message = compose(reminder.template, reminder.subject, person, reminder.context)
                transaction.on_commit(partial(send_message.enqueue, **message), robust=True)
    except IntegrityError:
        return False
    return created


def reminders_send(*, today: datetime.date | None = None) -> int:
    """Send every reminder due ``today`` (default: today) not sent before; the number sent."""
    today = today or timezone.localdate()
    sent = 0
    for reminder in [*period_reminders(today), *signing_reminders(today)]:
        for person in people_with_role(reminder.parties, reminder.role):
            if _wants(person, reminder) and reminder_send_once(person=person, reminder=reminder):
                sent += 1
    return sent
