"""The agreement's drafting pages: what starting, editing and previewing an agreement's
draft needs besides the flow every document type shares (agreements.drafting.pages)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from agreements.drafting.agreement_editor import AgreementEditor
from agreements.drafting.forms import StartForm
from agreements.drafting.pages import DraftPage, StartPage
from agreements.drafting.services import Validity, agreement_draft_save, agreement_start
from agreements.publishing.agreement import AGREEMENT_PUBLISHING


class AgreementStartPage(StartPage):
    spec = AGREEMENT_PUBLISHING
    template_name = "agreements/drafting/agreement_new.html"
    form_class = StartForm
    heading = gettext_lazy("Ny samverkansöverenskommelse")

    def start(self, data, **common):
        validity = Validity(
            valid_from=data["valid_from"],
            valid_until=data["valid_until"],
            extends_until_further_notice=data["extends_until_further_notice"],
        )
        return agreement_start(**common, validity=validity)


class AgreementDraftPage(DraftPage):
    spec = AGREEMENT_PUBLISHING
    template_name = "agreements/drafting/agreement_draft.html"
    preview_template_name = "agreements/drafting/agreement_preview.html"
    preview_url_name = "agreements:draft_preview"
    editor_class = AgreementEditor
    not_editable_message = gettext_lazy("Överenskommelsen är %(status)s och kan inte ändras nu.")

    def save(self, *, user, document, content_version, editor):
        agreement_draft_save(
            user=user,
            agreement=document,
            content_version=content_version,
            content=editor.content(),
        )


AGREEMENT_START_PAGE = AgreementStartPage()
AGREEMENT_DRAFT_PAGE = AgreementDraftPage()
