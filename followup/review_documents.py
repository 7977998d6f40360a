"""The sealed PDF of a published review, rendered from the same partial as its page."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.services import agreement_parties
from followup.models import Review
from pledges.services import pledge_parties
from portal.models import IssuedDocument
from portal.services import DocumentDescription, SignatoryLine, document_issue

REVIEW_PDF_TEMPLATE = "followup/pdf/review.html"


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
    from followup.reviews import current_sign_offs

    review.signed_off = current_sign_offs(review)
    try:
        replacement = review.replaced_by
    except Review.DoesNotExist:
        replacement = None
    review.replacement = replacement if replacement and replacement.published_at else None


def review_title(review: Review) -> str:
    title = _("Årlig uppföljning %(period)s: %(document)s") % {
        "period": review.period_label,
        "document": review.document.title,
    }
    if review.revision > 1:
        title += " " + _("(revision %(n)d)") % {"n": review.revision}
    return title


def review_description(review: Review) -> DocumentDescription:
    """What the PDF says beside the content (expects review_for_page)."""
    return DocumentDescription(
        title=review_title(review),
        kind=_("Årlig uppföljning"),
        # The same parties line as the document's own PDF.
        parties=(
            pledge_parties(review.pledge)
            if review.pledge_id
            else agreement_parties(review.agreement)
        ),
        subject=_("Uppföljning av %(document)s för %(period)s")
        % {"document": review.document.title, "period": review.period_label},
        path=review.get_absolute_url(),
        signatories=[
            SignatoryLine(s.name, s.title, s.organisation, timezone.localdate(s.signed_at))
            for s in review.signed_off
        ],
    )


def review_issue_document(*, review: Review, issued_by=None) -> tuple[IssuedDocument, bool]:
    """Render, seal and store the PDF of a published review."""
    review = review_for_page(review.pk)
    return document_issue(
        document=review,
        description=review_description(review),
        template_name=REVIEW_PDF_TEMPLATE,
        context={"review": review},
        issued_by=issued_by,
    )
