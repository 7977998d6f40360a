"""The annual follow-up: start, edit, submit, return, sign off, publish and revise.

Every write checks the user's role for the document's parties on the server, runs in a
transaction with the review's row locked, and keeps history. The states are
utkast → inskickad → godkänd → publicerad; a signatory may send an inskickad review back
to utkast with a comment. The required signatures are one per party: the police area
and each municipality of the pledge (or agreement). The last signature approves the
review, which freezes it, and publishes it with a sealed PDF.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agreements import permissions as roles
from agreements.models import Agreement, Municipality, PoliceArea
from followup.models import (
    Activity,
    Assessment,
    Review,
    ReviewEvent,
    ReviewItem,
    ReviewSignOff,
    ReviewState,
)
from pledges.models import Commitment, Pledge
from portal.choices import PublicationStatus

logger = logging.getLogger(__name__)

# How many of the year's activities a new review lists per commitment.
PREFILL_ACTIVITIES = 10


class ReviewConflict(Exception):
    """The review changed after the user opened it (another coordinator saved it)."""

    def __init__(self, current: Review) -> None:
        super().__init__(f"Review {current.pk} is at content version {current.content_version}")
        self.current = current


# Parties ----------------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    """One party that must sign a review: a police area or a municipality."""

    municipality: Municipality | None = None
    police_area: PoliceArea | None = None

    @property
    def key(self) -> tuple[str, int]:
        if self.police_area is not None:
            return ("police_area", self.police_area.pk)
        return ("municipality", self.municipality.pk)

    @property
    def name(self) -> str:
        if self.police_area is not None:
            return _("Polisen, lokalpolisområde %(name)s") % {"name": self.police_area.name}
        return self.municipality.official_name

    @property
    def signer_label(self) -> str:
        if self.police_area is not None:
            return _("Lokalpolisområdets chef")
        return _("Undertecknare för %(name)s") % {"name": self.municipality.official_name}


def document_parties(document: Pledge | Agreement) -> list[Party]:
    """The parties of a pledge or agreement, the police first (uses prefetched rows)."""
    parties = []
    if document.police_area_id:
        parties.append(Party(police_area=document.police_area))
    parties.extend(Party(municipality=m) for m in document.municipalities.all())
    return parties


def party_ids(document: Pledge | Agreement) -> tuple[list[int], int | None]:
    return [m.pk for m in document.municipalities.all()], document.police_area_id


def parties_waiting_for(user, review: Review) -> list[Party]:
    """The parties in ``review.missing`` that ``user`` may sign for."""
    mine = {p.key for p in user_parties(user, review.document, "signatory")}
    return [p for p in review.missing if p.key in mine]


def party_of_sign_off(sign_off: ReviewSignOff) -> tuple[str, int]:
    if sign_off.police_area_id:
        return ("police_area", sign_off.police_area_id)
    return ("municipality", sign_off.municipality_id)


def user_parties(user, document: Pledge | Agreement, role: str) -> list[Party]:
    """The document's parties in which ``user`` holds ``role``."""
    held = roles.roles_of(user)
    return [
        party
        for party in document_parties(document)
        if (party.police_area and party.police_area.pk in held.police_area_ids(role))
        or (party.municipality and party.municipality.pk in held.municipality_ids(role))
    ]


def can_draft(user, document: Pledge | Agreement) -> bool:
    """Coordinators of one of the parties draft, edit, submit and revise reviews."""
    municipality_ids, police_area_id = party_ids(document)
    return roles.can_log_activity(
        user, municipality_ids=municipality_ids, police_area_id=police_area_id
    )


def can_sign(user, document: Pledge | Agreement) -> bool:
    """Signatories of one of the parties sign off reviews and may return them."""
    municipality_ids, police_area_id = party_ids(document)
    return roles.can_sign_off(
        user, municipality_ids=municipality_ids, police_area_id=police_area_id
    )


def can_view(user, document: Pledge | Agreement) -> bool:
    """The parties' coordinators and signatories follow a review in every state."""
    return can_draft(user, document) or can_sign(user, document)


# Periods ----------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewPeriod:
    start: datetime.date
    end: datetime.date

    @property
    def label(self) -> str:
        return Review(period_start=self.start, period_end=self.end).period_label


def pledge_periods(pledge: Pledge) -> list[ReviewPeriod]:
    """One period per calendar year of the pledge, cut to the pledge's own dates."""
    return [
        ReviewPeriod(
            max(pledge.period_start, datetime.date(year, 1, 1)),
            min(pledge.period_end, datetime.date(year, 12, 31)),
        )
        for year in pledge.years
    ]


def _years_later(day: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` later; 29 February becomes 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return datetime.date(day.year + years, 3, 1)


def agreement_periods(
    agreement: Agreement, today: datetime.date | None = None
) -> list[ReviewPeriod]:
    """Periods of ``follow_up_interval_years`` from the agreement's start.

    An agreement that runs on until further notice gets further periods up to today.
    """
    today = today or timezone.localdate()
    interval = agreement.follow_up_interval_years or 1
    last_day = agreement.valid_until or today
    if agreement.extends_until_further_notice or agreement.valid_until is None:
        last_day = max(last_day, today)
    periods = []
    start = agreement.valid_from
    while start <= last_day and len(periods) < 50:
        end = _years_later(start, interval) - datetime.timedelta(days=1)
        if agreement.valid_until and not agreement.extends_until_further_notice:
            end = min(end, agreement.valid_until)
        periods.append(ReviewPeriod(start, end))
        start = end + datetime.timedelta(days=1)
    return periods


def document_periods(document: Pledge | Agreement) -> list[ReviewPeriod]:
    if isinstance(document, Pledge):
        return pledge_periods(document)
    return agreement_periods(document)


def period_starting(document: Pledge | Agreement, start: datetime.date) -> ReviewPeriod | None:
    return next((p for p in document_periods(document) if p.start == start), None)


# Content fingerprint ------------------------------------------------------------


def content_sha256(review: Review, items: list[ReviewItem]) -> str:
    """SHA-256 of exactly what the signatories sign: the texts and every assessment."""
    content = {
        # The document itself, not its title: correcting a typo in the pledge's title
        # must not invalidate signatures on the follow-up.
        "document": [review.pledge_id, review.agreement_id],
        "period": [review.period_start.isoformat(), review.period_end.isoformat()],
        "revision": review.revision,
        "summary": review.summary,
        "lessons": review.lessons,
        "next_steps": review.next_steps,
        "items": [
            [item.group, item.text, item.progress, item.assessment, item.comment]
            for item in sorted(items, key=lambda i: (i.order, i.pk))
        ],
    }
    encoded = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).hexdigest()


# Prefill ----------------------------------------------------------------------


def _progress_text(commitment: Commitment, activities: list[Activity], period: ReviewPeriod):
    """ "4 av 6 tillfällen 2024" and the year's logged activities, in plain words."""
    done = sum(a.count for a in activities if a.kind == Activity.Kind.DONE)
    received = sum(a.count for a in activities if a.kind == Activity.Kind.REQUEST_RECEIVED)
    answered = sum(a.count for a in activities if a.kind == Activity.Kind.REQUEST_ANSWERED)
    label = period.label
    if commitment.kind == Commitment.Kind.YEARLY_TARGET and commitment.yearly_target:
        # Worded like the pledge page's progress: "0 av 1 tillfälle", "4 av 6 tillfällen".
        lines = [
            ngettext(
                "%(done)d av %(target)d tillfälle %(period)s.",
                "%(done)d av %(target)d tillfällen %(period)s.",
                commitment.yearly_target,
            )
            % {"done": done, "target": commitment.yearly_target, "period": label}
        ]
    elif commitment.kind == Commitment.Kind.ON_REQUEST:
        lines = [
            _("%(received)d önskemål kom in och %(answered)d besvarades %(period)s.")
            % {"received": received, "answered": answered, "period": label}
        ]
    else:
        lines = [
            ngettext(
                "%(done)d tillfälle loggat %(period)s.",
                "%(done)d tillfällen loggade %(period)s.",
                done,
            )
            % {"done": done, "period": label}
        ]
    for activity in activities[:PREFILL_ACTIVITIES]:
        example = _(" (exempeldata)") if activity.is_example else ""
        times = " " + _("(%(n)d tillfällen)") % {"n": activity.count} if activity.count > 1 else ""
        lines.append(f"– {activity.date:%Y-%m-%d}: {activity.text}{times}{example}")
    if len(activities) > PREFILL_ACTIVITIES:
        more = len(activities) - PREFILL_ACTIVITIES
        lines.append(
            ngettext("… och %(n)d aktivitet till.", "… och %(n)d aktiviteter till.", more)
            % {"n": more}
        )
    return "\n".join(lines)


def _pledge_items(pledge: Pledge, period: ReviewPeriod) -> list[ReviewItem]:
    from pledges.selectors import commitment_sections

    activities: dict[int, list[Activity]] = {}
    for activity in Activity.objects.filter(
        commitment__pledge=pledge,
        withdrawn_at__isnull=True,
        date__gte=period.start,
        date__lte=period.end,
    ).order_by("-date", "-pk"):
        activities.setdefault(activity.commitment_id, []).append(activity)
    items = []
    for section in commitment_sections(pledge):
        for group in section.groups:
            area = section.focus_area.title if section.focus_area else ""
            heading = " – ".join(part for part in (area, group.heading) if part)
            for commitment in group.commitments:
                items.append(
                    ReviewItem(
                        commitment=commitment,
                        order=len(items),
                        group=heading,
                        text=commitment.text,
                        progress=_progress_text(
                            commitment, activities.get(commitment.pk, []), period
                        ),
                    )
                )
    return items


def _agreement_items(agreement: Agreement) -> list[ReviewItem]:
    return [
        ReviewItem(
            duty=duty,
            order=index,
            group=duty.get_party_display(),
            text=duty.text,
        )
        for index, duty in enumerate(agreement.duties.all())
    ]


# Writes -----------------------------------------------------------------------


def _event(review: Review, kind: str, user, comment: str = "") -> None:
    ReviewEvent.objects.create(review=review, kind=kind, user=user, comment=comment)


def _save(review: Review, user, **kwargs) -> None:
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
    user,
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
    if document.status != PublicationStatus.PUBLISHED:
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
    items = (
        _pledge_items(document, period)
        if isinstance(document, Pledge)
        else _agreement_items(document)
    )
    for item in items:
        item.review = review
        item._history_user = user
        item.save()
    _event(review, ReviewEvent.Kind.STARTED, user)
    return review


@transaction.atomic
def review_update(
    *,
    user,
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
def review_submit(*, user, review: Review, content_version: int) -> Review:
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
def review_return(*, user, review: Review, comment: str) -> Review:
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


def current_sign_offs(review: Review) -> list[ReviewSignOff]:
    return [s for s in review.sign_offs.all() if s.content_version == review.content_version]


def missing_parties(review: Review, sign_offs: list[ReviewSignOff]) -> list[Party]:
    signed = {
        party_of_sign_off(s) for s in sign_offs if s.content_version == review.content_version
    }
    return [p for p in document_parties(review.document) if p.key not in signed]


@transaction.atomic
def review_sign(
    *,
    user,
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
    already = {party_of_sign_off(s) for s in current_sign_offs(current)}
    to_sign = [p for p in user_parties(user, document, "signatory") if p.key not in already]
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
    if not missing_parties(current, list(current.sign_offs.all())):
        _approve(current, user)
    return created


def _approve(review: Review, user) -> None:
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
def review_publish(*, review: Review, user=None) -> Review:
    """Publish an approved review: issue its sealed PDF and show it on the public pages."""
    from followup.review_documents import review_issue_document

    current = _locked(review)
    if current.state == ReviewState.PUBLISHED:
        return current
    if current.state != ReviewState.APPROVED:
        raise ValidationError(_("Bara en godkänd uppföljning kan publiceras."))
    current.state = ReviewState.PUBLISHED
    current.published_at = timezone.now()
    _save(current, user, update_fields=["state", "published_at"])
    review_issue_document(review=current, issued_by=user)
    _event(current, ReviewEvent.Kind.PUBLISHED, user)
    return current


@transaction.atomic
def review_revise(*, user, review: Review) -> Review:
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
