"""A pledge's sealed PDF: rendered from the same selector and partial as its page."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.models.parties import parties_line
from pledges.models import Pledge
from pledges.selectors import commitment_sections, pledge_for_page
from portal.services import (
    DocumentDescription,
    DocumentPdf,
    current_sign_offs,
    paper_signatories,
    portal_signatories,
)


class PledgePdf(DocumentPdf):
    template_name = "pledges/pdf/pledge.html"
    permission = "pledges.change_pledge"
    not_issuable_message = gettext_lazy("Bara publicerade medborgarlöften får en PDF.")

    def load(self, document: Pledge) -> Pledge:
        return pledge_for_page(slug=document.slug)

    def describe(self, document: Pledge) -> DocumentDescription:
        return DocumentDescription(
            title=document.title,
            kind=_("Medborgarlöfte"),
            parties=parties_line(document),
            subject=_("Medborgarlöfte för %(period)s") % {"period": document.period_label},
            path=document.get_absolute_url(),
            # Who signed it: in the portal where it was signed there, else as the text says.
            signatories=portal_signatories(document) or paper_signatories(document),
        )

    def context(self, document: Pledge) -> dict[str, Any]:
        # No "today": a sealed PDF states the period, never the state on the day it was issued.
        return {
            "pledge": document,
            "sections": commitment_sections(document),
            "portal_sign_offs": current_sign_offs(document),
        }


PLEDGE_PDF = PledgePdf()
