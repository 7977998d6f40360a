"""The sealed PDF of a published review, rendered from the same partial as its page."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.models.parties import parties_line
from followup.reviews.models import Review
from followup.reviews.selectors import review_for_page
from portal.services import DocumentDescription, DocumentPdf, SignatoryLine


def review_title(review: Review) -> str:
    title = _("Årlig uppföljning %(period)s: %(document)s") % {
        "period": review.period_label,
        "document": review.document.title,
    }
    if review.revision > 1:
        title += " " + _("(revision %(n)d)") % {"n": review.revision}
    return title


class ReviewPdf(DocumentPdf):
    template_name = "followup/pdf/review.html"
    # Who may publish is decided by the review's workflow (every party signs), not here.
    permission = None
    not_issuable_message = gettext_lazy("Uppföljningen finns inte.")

    def load(self, document: Review) -> Review:
        return review_for_page(document.pk)

    def describe(self, document: Review) -> DocumentDescription:
        """What the PDF says beside the content (expects review_for_page)."""
        return DocumentDescription(
            title=review_title(document),
            kind=_("Årlig uppföljning"),
            # The document's parties, with the police area named in the portal where its
            # text names none.
            parties=parties_line(document.document, followup=True),
            subject=_("Uppföljning av %(document)s för %(period)s")
            % {"document": document.document.title, "period": document.period_label},
            path=document.get_absolute_url(),
            signatories=[
                SignatoryLine(s.name, s.title, s.organisation, timezone.localdate(s.signed_at))
                for s in document.signed_off
            ],
        )

    def context(self, document: Review) -> dict[str, Any]:
        return {"review": document}


REVIEW_PDF = ReviewPdf()
