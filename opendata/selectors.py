"""Reads of the open data: only what residents may see, each relation in one query.

Pledges and agreements are the published ones, each its latest revision (a revision
that a later signed one replaced is left out, as are drafts and documents waiting for
signatures). Follow-ups are the published ones that no published correction replaces.
Progress counts the activities residents see (withdrawn entries never count).
"""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from agreements.models import Agreement, AgreementDuty, AgreementGoal, Municipality, PoliceArea
from agreements.selectors import documents_in_place, published_agreements
from followup.activities.selectors import YearProgress, progress_by_year
from followup.reviews.models import Review, ReviewItem, ReviewSignOff, ReviewState
from followup.revisions import chain_filter, chain_root
from pledges.models import Commitment, FocusArea, Pledge
from pledges.selectors import commitment_queryset, published_pledges

# Most rows one API page returns; the default when a client names no limit.
MAX_LIMIT = 100
DEFAULT_LIMIT = 50


def municipality_rows() -> QuerySet[Municipality]:
    """Municipalities with their police area and the slugs of their published pledges
    and agreements; three queries, in a stable order."""
    return (
        Municipality.objects.select_related("police_area")
        .prefetch_related(
            Prefetch(
                "pledges",
                queryset=Pledge.objects.published().only("slug").order_by("-period_start", "slug"),
            ),
            Prefetch(
                "agreements",
                queryset=Agreement.objects.published().only("slug").order_by("-valid_from", "slug"),
            ),
        )
        .order_by("name", "pk")
    )


def police_area_rows() -> QuerySet[PoliceArea]:
    """Police areas with the slugs of their municipalities; two queries."""
    return PoliceArea.objects.prefetch_related(
        Prefetch(
            "municipalities",
            queryset=Municipality.objects.select_related(None).only("slug", "police_area"),
        )
    ).order_by("name", "pk")


def pledge_rows(
    *, municipality: str | None = None, police_area: str | None = None
) -> QuerySet[Pledge]:
    """Published pledges (latest revisions) with their parties, focus areas, commitments
    and signatories; five queries, newest first."""
    pledges = (
        published_pledges()
        .select_related("successor")
        .prefetch_related(
            Prefetch("focus_areas", queryset=FocusArea.objects.order_by("order", "pk")),
            Prefetch("commitments", queryset=commitment_queryset().select_related("focus_area")),
            "signatories",
        )
        .order_by("-period_start", "slug")
    )
    return documents_in_place(pledges, municipality=municipality, police_area=police_area)


def agreement_rows(
    *, municipality: str | None = None, police_area: str | None = None
) -> QuerySet[Agreement]:
    """Published agreements (latest revisions) with their parties, goals, duties and
    signatories; six queries, newest first."""
    agreements = (
        published_agreements()
        .prefetch_related(
            Prefetch("municipalities", queryset=Municipality.objects.order_by("name")),
            Prefetch("goals", queryset=AgreementGoal.objects.order_by("order", "pk")),
            Prefetch("duties", queryset=AgreementDuty.objects.order_by("order", "pk")),
            "signatories",
        )
        .order_by("-valid_from", "slug")
    )
    return documents_in_place(agreements, municipality=municipality, police_area=police_area)


def review_rows(
    *, municipality: str | None = None, police_area: str | None = None
) -> QuerySet[Review]:
    """Published follow-ups that no published correction replaces, with their document,
    its municipalities and the assessments; four queries, newest period first."""
    reviews = (
        Review.objects.published()
        .exclude(replaced_by__state=ReviewState.PUBLISHED)
        .select_related("pledge", "agreement")
        .prefetch_related(
            Prefetch("pledge__municipalities", queryset=Municipality.objects.order_by("name")),
            Prefetch("agreement__municipalities", queryset=Municipality.objects.order_by("name")),
            Prefetch("items", queryset=ReviewItem.objects.order_by("order", "pk")),
        )
        .order_by("-period_start", "-published_at", "pk")
    )
    if municipality is not None or police_area is not None:
        place = {"municipality": municipality, "police_area": police_area}
        reviews = reviews.filter(
            Q(pledge__in=documents_in_place(Pledge.objects.all(), **place).values("pk"))
            | Q(agreement__in=documents_in_place(Agreement.objects.all(), **place).values("pk"))
        )
    return reviews


def with_signatures(reviews: QuerySet[Review]) -> QuerySet[Review]:
    """``reviews`` with the signatures given in the portal (one more query), for the API;
    the CSV files have no column for them."""
    return reviews.prefetch_related(
        Prefetch("sign_offs", queryset=ReviewSignOff.objects.order_by("signed_at", "pk"))
    )


def current_slugs(reviews: list[Review]) -> dict[tuple[str, int], str]:
    """{(kind, chain root): the slug of the chain's published revision} for the documents
    of ``reviews``: a follow-up signed on an earlier revision names the document residents
    read now. Two queries at most."""
    result: dict[tuple[str, int], str] = {}
    for kind, model in (("pledge", Pledge), ("agreement", Agreement)):
        documents = [r.document for r in reviews if (r.pledge_id is not None) == (kind == "pledge")]
        if not documents:
            continue
        for document in (
            model.objects.published()
            .filter(chain_filter(documents))
            .only("slug", "first_revision_id")
        ):
            result[(kind, chain_root(document))] = document.slug
    return result


def attach_document_slugs(reviews: list[Review]) -> None:
    """Give each review ``api_document_slug``: its document's current revision's slug."""
    slugs = current_slugs(reviews)
    for review in reviews:
        kind = "pledge" if review.pledge_id else "agreement"
        review.api_document_slug = slugs.get(
            (kind, chain_root(review.document)), review.document.slug
        )


def attach_progress(pledges: list[Pledge], *, today: datetime.date | None = None) -> None:
    """Give each prefetched commitment ``years``: its YearProgress for every year of the
    pledge's period, ``tracked`` False for a past year not followed up in the portal
    (nothing logged for the pledge and no follow-up written in the portal), as the
    pledge page shows it. Two queries, whatever the number of pledges."""
    today = today or timezone.localdate()
    commitments: list[Commitment] = [c for p in pledges for c in p.commitments.all()]
    by_year = progress_by_year(commitments)
    reviewed: dict[int, set[int]] = {}
    if pledges:
        rows = (
            Review.objects.published()
            .filter(is_scanned=False)
            .filter(chain_filter(pledges, prefix="pledge__"))
            .values_list("pledge_id", "pledge__first_revision_id", "period_start")
        )
        for pledge_id, first_revision_id, start in rows:
            reviewed.setdefault(first_revision_id or pledge_id, set()).add(start.year)
    for pledge in pledges:
        pledge_commitments = list(pledge.commitments.all())
        logged = {y for c in pledge_commitments for y in by_year[c.pk]}
        logged |= reviewed.get(chain_root(pledge), set())
        untracked = {y for y in pledge.years if y < today.year and y not in logged}
        for commitment in pledge_commitments:
            commitment.years = [
                by_year[commitment.pk].get(y) or YearProgress(y, target=commitment.yearly_target)
                for y in pledge.years
            ]
            for progress in commitment.years:
                progress.tracked = progress.year not in untracked
