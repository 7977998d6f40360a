"""The editors' pages of a pledge before it is sent: start, draft, preview (page and PDF).

Parse, call a service, render: who may do what is checked by the selectors and the
services (agreements.publishing.permissions); the draft page's flow is
agreements.drafting.pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from agreements.drafting.pages import DraftPage
from agreements.drafting.selectors import editor_organisations, is_editor, party_options
from pledges.documents import PLEDGE_PDF
from pledges.drafting.editor import DraftEditor, main_initial_from_post
from pledges.drafting.forms import StartForm
from pledges.drafting.rows import DraftRows
from pledges.drafting.selectors import get_pledge_for_viewer
from pledges.drafting.services import pledge_draft_save, pledge_start
from pledges.publishing import PLEDGE_PUBLISHING
from portal.documents.responses import preview_response
from portal.forms import add_service_errors
from portal.services import document_preview


@login_required
@require_http_methods(["GET", "POST"])
def draft_new(request):
    """Start a draft: the organisation, parties, title, period and where to start from."""
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
            pledge = pledge_start(
                user=request.user,
                organisation=data["party"],
                title=data["title"],
                police_area=data["police_area"],
                municipalities=data["municipalities"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                from_predecessor=data["start_from"] == StartForm.PREDECESSOR,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Utkastet är påbörjat. Det sparas när du trycker Spara."))
            return redirect(PLEDGE_PUBLISHING.draft_url(pledge))
    return render(
        request,
        "pledges/drafting/pledge_new.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


class PledgeDraftPage(DraftPage):
    spec = PLEDGE_PUBLISHING
    template_name = "pledges/drafting/pledge_draft.html"
    not_editable_message = gettext_lazy("Medborgarlöftet är %(status)s och kan inte ändras nu.")

    def options(self, user, document):
        municipalities, police_areas = party_options(user, document)
        return {"municipalities": municipalities, "police_areas": police_areas}

    def editor_for(self, document, **options):
        return DraftEditor.for_pledge(document, **options)

    def editor(self, *, rows, data=None, initial=None, **options):
        return DraftEditor(rows=rows, data=data, initial=initial, **options)

    def rows(self):
        return DraftRows()

    def main_initial(self, data):
        return main_initial_from_post(data)

    def save(self, *, user, document, content_version, editor):
        pledge_draft_save(
            user=user, pledge=document, content_version=content_version, content=editor.content()
        )


PLEDGE_DRAFT_PAGE = PledgeDraftPage()


@login_required
@require_http_methods(["GET", "POST"])
def draft(request, pk: int):
    """The draft on one page (see DraftPage.respond)."""
    return PLEDGE_DRAFT_PAGE.respond(request, get_pledge_for_viewer(request.user, pk))


@login_required
@require_GET
def draft_preview(request, pk: int):
    """The pledge's page as residents will see it once published."""
    pledge = get_pledge_for_viewer(request.user, pk)
    context = {**PLEDGE_PUBLISHING.page_context(pledge), "today": timezone.localdate()}
    return render(request, "pledges/drafting/pledge_preview.html", context)


@login_required
@require_GET
def draft_preview_pdf(request, pk: int):
    """The PDF publishing would seal, marked as a draft on every page; never stored."""
    pledge = get_pledge_for_viewer(request.user, pk)
    return preview_response(document_preview(document=pledge, pdf=PLEDGE_PDF))
