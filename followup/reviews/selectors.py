"""Reads of the annual follow-up: the parties' overview, the signatories' queue, public lists.

Every function runs a fixed number of queries whatever the number of reviews.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import BigIntegerField, F, Prefetch
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from agreements.models import Agreement, Membership
from agreements.naming.selectors import police_area_notes
from agreements.permissions import User, followup_documents_filter
from followup.activities.selectors import logged_years, pledges_for_coordinator
from followup.reviews.content import live_progress
from followup.reviews.models import Review, ReviewEvent, ReviewItem, ReviewSignOff, ReviewState
from followup.reviews.periods import ReviewPeriod, document_periods
from followup.reviews.permissions import can_view, parties_waiting_for
from followup.revisions import chain_filter, chain_root
from pledges.models import Pledge
from portal.choices import Phase
from portal.models import IssuedDocument

EVENT_LIMIT = 10


def review_queryset():
    """Reviews with their document, its parties and the sign-offs loaded."""
    return Review.objects.select_related(
        "pledge__police_area", "agreement__police_area"
    ).prefetch_related(
        "pledge__municipalities",
        "agreement__municipalities",
        Prefetch("sign_offs", queryset=ReviewSignOff.objects.order_by("signed_at", "pk")),
    )


# How long after its end a period with nothing in the portal can still be followed up
# there: the follow-up of a year is written early in the next.
STILL_OPEN_AFTER_END = datetime.timedelta(days=365)


def can_still_follow_up(
    period: ReviewPeriod, review: Review | None, *, logged: bool, today: datetime.date
) -> bool:
    """Whether a period belongs on the coordinators' list: it has a review or logged
    activities, or it has not ended, or it ended less than a year ago. Older periods
    with nothing in the portal were followed up elsewhere, before the portal."""
    return review is not None or logged or period.end >= today - STILL_OPEN_AFTER_END


@dataclass
class PeriodRow:
    """One follow-up period of a document on the coordinators' page."""

    period: ReviewPeriod
    review: Review | None
    can_start: bool
    is_open: bool = True


@dataclass
class DocumentReviews:
    document: Pledge | Agreement
    all_rows: list[PeriodRow]

    @property
    def kind(self) -> str:
        return "pledge" if isinstance(self.document, Pledge) else "agreement"

    @property
    def rows(self) -> list[PeriodRow]:
        """The periods that can still be followed up in the portal."""
        return [row for row in self.all_rows if row.is_open]

    @property
    def older_rows(self) -> list[PeriodRow]:
        """Periods that ended long ago with nothing in the portal (shown behind a link)."""
        return [row for row in self.all_rows if not row.is_open]


def latest_by_period(reviews: Iterable[Review]) -> dict[tuple[str, int, datetime.date], Review]:
    """{(kind, the document's chain, period start): the period's latest review}, whichever
    revision of the document it was started on (expects each review's document loaded)."""
    latest: dict[tuple[str, int, datetime.date], Review] = {}
    for review in reviews:
        key = (
            "pledge" if review.pledge_id else "agreement",
            chain_root(review.document),
            review.period_start,
        )
        if key not in latest or (review.revision, review.pk) > (
            latest[key].revision,
            latest[key].pk,
        ):
            latest[key] = review
    return latest


def coordinator_reviews(user: User) -> list[DocumentReviews]:
    """The follow-up periods of the coordinator's published pledges and agreements.

    Pledges that have not started yet have nothing to follow up and are left out.
    A fixed number of queries (8).
    """
    parties = followup_documents_filter(user, [Membership.Role.COORDINATOR])
    if parties is None:
        return []
    today = timezone.localdate()
    pledge_ids = Pledge.objects.published().filter(parties).values("pk")
    pledges = list(
        Pledge.objects.filter(pk__in=pledge_ids, period_start__lte=today)
        .select_related("police_area")
        .prefetch_related("municipalities")
        .order_by("-period_start", "title")
    )
    agreement_ids = Agreement.objects.published().filter(parties).values("pk")
    agreements = list(
        Agreement.objects.filter(pk__in=agreement_ids)
        .select_related("police_area")
        .prefetch_related("municipalities")
        .order_by("-valid_from")
    )
    # Every revision's reviews: a period followed up on an earlier revision is followed up.
    reviews = review_queryset().filter(
        chain_filter(pledges, prefix="pledge__") | chain_filter(agreements, prefix="agreement__")
    )
    latest = latest_by_period(reviews)
    logged = logged_years([p.pk for p in pledges])
    result = []
    for document in [*pledges, *agreements]:
        kind = "pledge" if isinstance(document, Pledge) else "agreement"
        years = logged.get(document.pk, set()) if kind == "pledge" else set()
        rows = []
        for period in document_periods(document):
            review = latest.get((kind, chain_root(document), period.start))
            if review is not None:
                review.missing = review.missing_parties()
            is_open = can_still_follow_up(
                period, review, logged=period.start.year in years, today=today
            )
            rows.append(PeriodRow(period, review, can_start=period.start <= today, is_open=is_open))
        result.append(DocumentReviews(document, rows))
    return result


def pledges_to_follow_up(user: User, overview: list[DocumentReviews]) -> list[Pledge]:
    """The pledges whose activity log a coordinator still keeps: current ones, and ended
    ones whose last period can still be followed up and has no published review.

    Read off ``overview`` (coordinator_reviews() for the same user), which already holds
    every period's latest review and whether it is still open: no query of its own but
    pledges_for_coordinator()'s.
    """
    today = timezone.localdate()
    pending = set()
    for entry in overview:
        if entry.kind != "pledge":
            continue
        phase = entry.document.phase(today)
        last = entry.all_rows[-1]
        # A correction is only ever started from a published review.
        published = last.review is not None and (
            last.review.is_published or last.review.replaces_id is not None
        )
        if phase == Phase.CURRENT or (phase == Phase.ENDED and last.is_open and not published):
            pending.add(entry.document.pk)
    return [pledge for pledge in pledges_for_coordinator(user) if pledge.pk in pending]


def signatory_queue(user: User) -> list[Review]:
    """Submitted reviews still waiting for a signature from one of the user's parties.

    ``my_signature_lapsed``: the user signed an earlier version, which no longer counts
    (the review was returned or resubmitted with new figures since).
    """
    pledge_parties = followup_documents_filter(user, [Membership.Role.SIGNATORY], "pledge__")
    if pledge_parties is None:
        return []
    agreement_parties = followup_documents_filter(user, [Membership.Role.SIGNATORY], "agreement__")
    ids = Review.objects.filter(state=ReviewState.SUBMITTED).filter(
        pledge_parties | agreement_parties
    )
    queue = []
    for review in review_queryset().filter(pk__in=ids.values("pk")).order_by("submitted_at"):
        review.missing = review.missing_parties()
        review.waiting_for_me = parties_waiting_for(user, review)
        review.my_signature_lapsed = bool(review.lapsed_sign_offs(user.pk))
        if review.waiting_for_me:
            queue.append(review)
    return queue


def recent_events(user: User, limit: int = EVENT_LIMIT) -> list[ReviewEvent]:
    """The latest workflow steps of reviews the user takes part in (as any role)."""
    roles = [Membership.Role.COORDINATOR, Membership.Role.SIGNATORY]
    pledge_parties = followup_documents_filter(user, roles, "review__pledge__")
    if pledge_parties is None:
        return []
    agreement_parties = followup_documents_filter(user, roles, "review__agreement__")
    ids = ReviewEvent.objects.filter(pledge_parties | agreement_parties).values("pk")
    return list(
        ReviewEvent.objects.filter(pk__in=ids)
        .select_related("review__pledge", "review__agreement", "user")
        .order_by("-at", "-pk")[:limit]
    )


def review_for_page(pk: int) -> Review:
    """A review with everything its page and PDF show; a fixed number of queries.

    Annotates ``signed_off`` (the signatures of its current content version) and
    ``replacement`` (the published revision that replaces it, if any).
    """
    review = (
        Review.objects.select_related(
            "pledge__police_area", "agreement__police_area", "replaces", "replaced_by"
        )
        .prefetch_related(
            "pledge__municipalities",
            "agreement__municipalities",
            "items",
            "sign_offs",
        )
        .get(pk=pk)
    )
    annotate_review(review)
    return review


def annotate_review(review: Review) -> None:
    """Add ``signed_off`` (the current version's signatures) and ``replacement`` (the
    published revision that replaces it, if any)."""
    review.signed_off = review.current_sign_offs()
    # Where the police area came from, when the text names none: for a published review
    # the police areas that signed it, as they were named when it was published.
    if review.published_at:
        review.police_area_notes = police_area_notes(
            review.document,
            police_area_ids=[s.police_area_id for s in review.signed_off if s.police_area_id],
            at=review.published_at,
        )
    else:
        review.police_area_notes = police_area_notes(review.document)
    try:
        replacement = review.replaced_by
    except Review.DoesNotExist:
        replacement = None
    review.replacement = replacement if replacement and replacement.published_at else None


def review_for_party(user: User, pk: int) -> Review:
    """A review the user follows as coordinator or signatory of a party, or 404/403.

    A review still being drafted or signed also gets ``log_changes``: the items whose
    figures the activity log now gives differently (each with ``live_progress``).
    """
    review = (
        review_queryset()
        .select_related("replaces", "replaced_by")
        .prefetch_related(
            Prefetch("items", queryset=ReviewItem.objects.select_related("commitment")),
            Prefetch("events", queryset=ReviewEvent.objects.select_related("user")),
        )
        .filter(pk=pk)
        .first()
    )
    if review is None:
        raise Http404
    if not can_view(user, review.document):
        raise PermissionDenied
    annotate_review(review)
    review.missing = review.missing_parties()
    review.log_changes = (
        live_progress(review, list(review.items.all()))
        if review.state in (ReviewState.DRAFT, ReviewState.SUBMITTED)
        else []
    )
    return review


def published_review(pk: int) -> Review:
    """A published review for residents, or 404."""
    review = (
        review_queryset()
        .select_related("replaces", "replaced_by")
        .prefetch_related("items")
        .published()
        .filter(pk=pk)
        .first()
    )
    if review is None:
        raise Http404
    annotate_review(review)
    return review


def published_reviews_of(
    documents: list[Pledge] | list[Agreement], *, field: str
) -> dict[int, list[Review]]:
    """{document id: its published reviews, newest period and revision first}; 4 queries.

    A document's reviews are those signed on it and on its earlier revisions (a revision
    continues the follow-up; a replaced revision does not show what was signed on a later
    one). ``field`` is "pledge" or "agreement". Each review gets ``signed_off``,
    ``replacement``, ``pdf`` (its sealed file, or a scanned follow-up's original) and
    ``document_revision`` (the revision of the document it was signed on).
    """
    result: dict[int, list[Review]] = {d.pk: [] for d in documents}
    if not documents:
        return result
    by_chain: dict[int, list[Pledge | Agreement]] = {}
    for document in documents:
        by_chain.setdefault(chain_root(document), []).append(document)
    reviews = list(
        Review.objects.published()
        .filter(chain_filter(documents, prefix=f"{field}__"))
        .annotate(
            document_revision=F(f"{field}__revision"),
            document_chain=Coalesce(
                f"{field}__first_revision_id", f"{field}_id", output_field=BigIntegerField()
            ),
        )
        .select_related("replaces")
        .prefetch_related(
            "items",
            Prefetch("sign_offs", queryset=ReviewSignOff.objects.order_by("signed_at", "pk")),
        )
        .order_by("-period_start", "-revision")
    )
    by_pk = {r.pk: r for r in reviews}
    # A portal review's sealed PDF, or a scanned follow-up's original.
    documents = IssuedDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(Review), object_id__in=list(by_pk)
    ).order_by("object_id", "-version")
    pdfs: dict[int, IssuedDocument] = {}
    for issued in documents:
        pdfs.setdefault(issued.object_id, issued)
    for review in reviews:
        review.signed_off = review.current_sign_offs()
        later = [r for r in reviews if r.replaces_id == review.pk and r.published_at is not None]
        review.replacement = later[0] if later else None
        review.pdf = pdfs.get(review.pk)
        for document in by_chain[review.document_chain]:
            if review.document_revision <= document.revision:
                result[document.pk].append(review)
    return result


def latest_published_review(pledges: list[Pledge]) -> Review | None:
    """The most recently published review of any of ``pledges`` or of their earlier
    revisions; one query."""
    if not pledges:
        return None
    return (
        Review.objects.published()
        .filter(chain_filter(pledges, prefix="pledge__"))
        .select_related("pledge")
        .order_by("-published_at")
        .first()
    )
