"""An agreement's sealed PDF: rendered from the same selector and partial as its page."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.models import Agreement
from agreements.models.parties import parties_line
from agreements.selectors import agreement_for_page
from portal.services import (
    DocumentDescription,
    DocumentPdf,
    current_sign_offs,
    paper_signatories,
    portal_signatories,
)


class AgreementPdf(DocumentPdf):
    template_name = "agreements/pdf/agreement.html"
    permission = "agreements.change_agreement"
    not_issuable_message = gettext_lazy("Bara publicerade överenskommelser får en PDF.")

    def load(self, document: Agreement) -> Agreement:
        return agreement_for_page(slug=document.slug)

    def describe(self, document: Agreement) -> DocumentDescription:
        return DocumentDescription(
            title=document.title,
            kind=_("Samverkansöverenskommelse"),
            parties=parties_line(document),
            subject=_("Samverkansöverenskommelse, %(validity)s")
            % {"validity": document.validity_label},
            path=document.get_absolute_url(),
            # Who signed it: in the portal where it was signed there, else as the text says.
            signatories=portal_signatories(document) or paper_signatories(document),
        )

    def context(self, document: Agreement) -> dict[str, Any]:
        # No "today": a sealed PDF states the validity, never the state on the day it was issued.
        return {"agreement": document, "portal_sign_offs": current_sign_offs(document)}


AGREEMENT_PDF = AgreementPdf()
