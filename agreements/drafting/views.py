"""The editors' pages of an agreement before it is sent: start, draft, preview (page
and PDF). Parse, call a service, render: who may do what is checked by the selectors and
the services; the draft page's flow is agreements.drafting.pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from agreements.documents import AGREEMENT_PDF
from agreements.drafting.agreement_editor import AgreementEditor, AgreementRows
from agreements.drafting.editor import main_initial_from_post
from agreements.drafting.forms import DraftForm, StartForm
from agreements.drafting.pages import DraftPage
from agreements.drafting.selectors import (
    editor_organisations,
    get_document_for_viewer,
    is_editor,
    party_options,
)
from agreements.drafting.services import Validity, agreement_draft_save, agreement_start
from agreements.publishing.agreement import AGREEMENT_PUBLISHING
from portal.documents.responses import preview_response
from portal.forms import add_service_errors
from portal.services import document_preview


@login_required
@require_http_methods(["GET", "POST"])
def draft_new(request):
    """Start a draft: the organisation, parties, title, validity and where to start from."""
    if not is_editor(request.user):
        raise PermissionDenied
    municipalities, police_areas = party_options(request.user)
    form = StartForm(
        request.POST if request.method == "POST" else None,
        organisations=editor_organisations(request.user),
        municipalities=municipalities,
        police_areas=police_areas,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            agreement = agreement_start(
                user=request.user,
                organisation=data["party"],
                title=data["title"],
                police_area=data["police_area"],
                municipalities=data["municipalities"],
                validity=Validity(
                    valid_from=data["valid_from"],
                    valid_until=data["valid_until"],
                    extends_until_further_notice=data["extends_until_further_notice"],
                ),
                from_predecessor=data["start_from"] == StartForm.PREDECESSOR,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Utkastet är påbörjat. Det sparas när du trycker Spara."))
            return redirect(AGREEMENT_PUBLISHING.draft_url(agreement))
    return render(
        request,
        "agreements/drafting/agreement_new.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


class AgreementDraftPage(DraftPage):
    spec = AGREEMENT_PUBLISHING
    template_name = "agreements/drafting/agreement_draft.html"
    not_editable_message = gettext_lazy("Överenskommelsen är %(status)s och kan inte ändras nu.")

    def options(self, user, document):
        municipalities, police_areas = party_options(user, document)
        return {"municipalities": municipalities, "police_areas": police_areas}

    def editor_for(self, document, **options):
        return AgreementEditor.for_agreement(document, **options)

    def editor(self, *, rows, data=None, initial=None, **options):
        return AgreementEditor(rows=rows, data=data, initial=initial, **options)

    def rows(self):
        return AgreementRows()

    def main_initial(self, data):
        return main_initial_from_post(DraftForm, data, extra=DraftForm.ADDED)

    def save(self, *, user, document, content_version, editor):
        agreement_draft_save(
            user=user,
            agreement=document,
            content_version=content_version,
            content=editor.content(),
        )


AGREEMENT_DRAFT_PAGE = AgreementDraftPage()


def _agreement_for_viewer(request, pk: int):
    return get_document_for_viewer(AGREEMENT_PUBLISHING, request.user, pk)


@login_required
@require_http_methods(["GET", "POST"])
def draft(request, pk: int):
    """The draft on one page (see DraftPage.respond)."""
    return AGREEMENT_DRAFT_PAGE.respond(request, _agreement_for_viewer(request, pk))


@login_required
@require_GET
def draft_preview(request, pk: int):
    """The agreement's page as residents will see it once published."""
    agreement = _agreement_for_viewer(request, pk)
    context = {**AGREEMENT_PUBLISHING.page_context(agreement), "today": timezone.localdate()}
    return render(request, "agreements/drafting/agreement_preview.html", context)


@login_required
@require_GET
def draft_preview_pdf(request, pk: int):
    """The PDF publishing would seal, marked as a draft on every page; never stored."""
    agreement = _agreement_for_viewer(request, pk)
    return preview_response(document_preview(document=agreement, pdf=AGREEMENT_PDF))
