"""The editors' pages of a pledge before it is sent: start, draft, preview (page and PDF).

Parse, call a service, render: who may do what is checked by the selectors and the
services (agreements.publishing.permissions)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from agreements.publishing.permissions import can_edit
from agreements.publishing.workflow import DocumentConflict, events_of
from pledges.documents import PLEDGE_PDF
from pledges.drafting.editor import DraftEditor, main_initial_from_post
from pledges.drafting.forms import StartForm
from pledges.drafting.rows import DraftRows
from pledges.drafting.selectors import (
    editor_organisations,
    get_pledge_for_viewer,
    is_editor,
    party_options,
)
from pledges.drafting.services import pledge_draft_save, pledge_start
from pledges.publishing import PLEDGE_PUBLISHING
from portal.documents.responses import preview_response
from portal.forms import add_service_errors
from portal.services import document_preview

CONFLICT_MESSAGE = gettext_lazy(
    "Någon annan har sparat utkastet medan du arbetade med det. Dina ändringar är inte "
    "sparade men finns kvar i formuläret. Jämför med den sparade versionen och spara "
    "igen om dina uppgifter ska gälla."
)


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


def _draft_page(request, pledge, *, editor=None, focus_key=None, unsaved=False, status=200):
    may_edit = editor is not None
    return render(
        request,
        "pledges/drafting/pledge_draft.html",
        {
            "pledge": pledge,
            "editor": editor,
            "may_edit": may_edit,
            "focus_key": focus_key,
            "unsaved": unsaved,
            "submit_url": PLEDGE_PUBLISHING.step_url("submit", pledge),
            "sign_url": PLEDGE_PUBLISHING.step_url("sign", pledge),
            "problems": PLEDGE_PUBLISHING.submission_problems(pledge) if may_edit else [],
            "events": events_of(pledge),
            **PLEDGE_PUBLISHING.page_context(pledge),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def draft(request, pk: int):
    """The draft on one page: its editors edit it while it is a draft; the others who
    may see it (and its editors later) read it."""
    pledge = get_pledge_for_viewer(request.user, pk)
    may_edit = pledge.is_editable and can_edit(request.user, pledge)
    if request.method == "POST" and not may_edit:
        if not can_edit(request.user, pledge):
            raise PermissionDenied
        messages.error(
            request,
            _("Medborgarlöftet är %(status)s och kan inte ändras nu.")
            % {"status": pledge.get_status_display().lower()},
        )
        return redirect(PLEDGE_PUBLISHING.draft_url(pledge))
    if not may_edit:
        return _draft_page(request, pledge)
    municipalities, police_areas = party_options(request.user, pledge)
    options = {"municipalities": municipalities, "police_areas": police_areas}
    if request.method == "GET":
        return _draft_page(request, pledge, editor=DraftEditor.for_pledge(pledge, **options))
    rows = DraftRows.from_post(request.POST)
    action = request.POST.get("action", "save")
    if action != "save":
        focus_key = rows.apply(action)
        editor = DraftEditor(rows=rows, initial=main_initial_from_post(request.POST), **options)
        return _draft_page(request, pledge, editor=editor, focus_key=focus_key, unsaved=True)
    rows.drop_empty_new_rows()
    data = request.POST.copy()
    for name, value in rows.as_data().items():
        data[name] = value  # renumbered without the blank rows; setitem replaces
    editor = DraftEditor(rows=rows, data=data, **options)
    if not editor.is_valid():
        return _draft_page(request, pledge, editor=editor, status=400)
    try:
        pledge_draft_save(
            user=request.user,
            pledge=pledge,
            content_version=editor.main.cleaned_data["content_version"],
            content=editor.content(),
        )
    except DocumentConflict as conflict:
        return _conflict(request, pledge, data, rows, conflict, options)
    except ValidationError as error:
        add_service_errors(editor.main, error)
        return _draft_page(request, pledge, editor=editor, status=400)
    messages.success(request, _("Utkastet är sparat."))
    return redirect(PLEDGE_PUBLISHING.draft_url(pledge))


def _conflict(request, pledge, data, rows, conflict: DocumentConflict, options):
    """Another editor saved first: keep what this one typed, show what is saved now."""
    data["content_version"] = str(conflict.current.content_version)
    current = PLEDGE_PUBLISHING.load(pledge.pk)
    editor = DraftEditor(rows=rows, data=data, **options)
    editor.is_valid()
    editor.main.add_error(None, CONFLICT_MESSAGE)
    return _draft_page(request, current, editor=editor, status=409)


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
