"""What the publishing workflow needs to know about one document type."""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext as _

from agreements.models import DatedDocument, SignOff
from portal.services import DocumentPdf


class PublishingSpec(ABC):
    """One document type (pledge, agreement) as the publishing workflow sees it."""

    model: type[DatedDocument]
    sign_off_model: type[SignOff]
    # The sign-off's foreign key to the document.
    sign_off_field: str
    pdf: DocumentPdf
    # The editors' page of a draft (a URL name taking its pk), and the document type's
    # word in the workflow's own addresses ("medborgarlofte", "overenskommelse").
    draft_url_name: str
    preview_pdf_url_name: str
    url_kind: str
    # The document's public content, as the public page and the preview include it.
    content_template: str

    @abstractmethod
    def load(self, pk: int) -> DatedDocument:
        """The document in any state with every part its page shows (constant queries);
        raises ``model.DoesNotExist``."""

    @abstractmethod
    def content_data(self, document: DatedDocument) -> dict[str, Any]:
        """Everything the signatories sign, as plain data (from a loaded document)."""

    @abstractmethod
    def copy_parts(self, source: DatedDocument, target: DatedDocument) -> None:
        """Copy the parts (focus areas, commitments, goals …) of ``source`` to ``target``."""

    def submission_problems(self, document: DatedDocument) -> list[str]:
        """What must be fixed before the draft can be sent for signing, in Swedish."""
        problems = []
        if not document.municipalities.all():
            problems.append(_("Ange minst en kommun som part."))
        return problems

    @staticmethod
    def copy_signatories(source: DatedDocument, target: DatedDocument) -> None:
        """Copy the signatories the source's text names (a revision keeps its text's)."""
        model = source.signatories.model
        for signatory in source.signatories.all():
            model.objects.create(
                **{model.document_field: target},
                name=signatory.name,
                title=signatory.title,
                party=signatory.party,
                organisation=signatory.organisation,
                signed_on=signatory.signed_on,
                order=signatory.order,
            )

    def page_context(self, document: DatedDocument) -> dict[str, Any]:
        """What ``content_template`` needs besides the document."""
        return {}

    def content_sha256(self, document: DatedDocument) -> str:
        encoded = json.dumps(
            self.content_data(document), ensure_ascii=False, sort_keys=True, separators=(",", ":")
        )
        return hashlib.sha256(encoded.encode()).hexdigest()

    def draft_url(self, document: models.Model) -> str:
        return reverse(self.draft_url_name, kwargs={"pk": document.pk})

    def preview_pdf_url(self, document: models.Model) -> str:
        return reverse(self.preview_pdf_url_name, kwargs={"pk": document.pk})

    def step_url(self, step: str, document: models.Model) -> str:
        """The address of a workflow step ("submit", "sign", "return", "revise")."""
        return reverse(f"publishing:{step}", kwargs={"kind": self.url_kind, "pk": document.pk})
