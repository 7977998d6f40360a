"""The flow every document type's drafting pages share: start a draft; show the draft to
those who may see it, let its editors add, remove and move rows, save, and keep what
they typed when saving fails (bad input, or another editor saved first); preview it."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.drafting.document_forms import DocumentStartForm
from agreements.drafting.editor import DocumentEditor
from agreements.drafting.selectors import (
    editor_organisations,
    get_document_for_viewer,
    is_editor,
    party_options,
)
from agreements.models import DatedDocument
from agreements.publishing.permissions import can_edit
from agreements.publishing.selectors import document_events
from agreements.publishing.spec import PublishingSpec
from agreements.publishing.workflow import DocumentConflict
from portal.documents.responses import preview_response
from portal.forms import add_service_errors
from portal.services import document_preview

CONFLICT_MESSAGE = gettext_lazy(
    "Någon annan har sparat utkastet medan du arbetade med det. Dina ändringar är inte "
    "sparade men finns kvar i formuläret. Jämför med den sparade versionen och spara "
    "igen om dina uppgifter ska gälla."
)


class StartPage(ABC):
    """One document type's start page: its template, form and start service."""

    spec: PublishingSpec
    template_name: str
    form_class: type[DocumentStartForm]
    # The page's heading, title and last crumb ("Nytt medborgarlöfte").
    heading: str

    @abstractmethod
    def start(self, data: dict[str, Any], **common) -> DatedDocument:
        """Call the start service with ``common`` (user, organisation, title, parties and
        from_predecessor) and the document type's own values from ``data``."""

    def respond(self, request) -> HttpResponse:
        """Start a draft: the organisation, parties, title, dates and where to start from."""
        if not is_editor(request.user):
            raise PermissionDenied
        municipalities, police_areas = party_options(request.user)
        form = self.form_class(
            request.POST if request.method == "POST" else None,
            organisations=editor_organisations(request.user),
            municipalities=municipalities,
            police_areas=police_areas,
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                document = self.start(
                    data,
                    user=request.user,
                    organisation=data["party"],
                    title=data["title"],
                    police_area=data["police_area"],
                    municipalities=data["municipalities"],
                    from_predecessor=form.from_predecessor(),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("Utkastet är påbörjat. Det sparas när du trycker Spara.")
                )
                return redirect(self.spec.draft_url(document))
        return render(
            request,
            self.template_name,
            {"form": form, "page_heading": self.heading},
            status=400 if form.errors else 200,
        )


class DraftPage(ABC):
    """One document type's draft page and its preview: templates, editor and save service."""

    spec: PublishingSpec
    template_name: str
    preview_template_name: str
    preview_url_name: str
    editor_class: type[DocumentEditor]
    # "Medborgarlöftet är %(status)s och kan inte ändras nu." in the document's words.
    not_editable_message: str

    @abstractmethod
    def save(self, *, user, document, content_version: int, editor: DocumentEditor) -> None:
        """Call the save service with the (valid) editor's content."""

    def options(self, user, document: DatedDocument) -> dict[str, Any]:
        """What the editor's forms need besides the document: the parties to choose."""
        municipalities, police_areas = party_options(user, document)
        return {"municipalities": municipalities, "police_areas": police_areas}

    def document_for_viewer(self, user, pk: int) -> DatedDocument:
        return get_document_for_viewer(self.spec, user, pk)

    def submit_url(self, document: DatedDocument) -> str:
        """The publishing workflow's "send for signing" address."""
        return self.spec.step_url("submit", document)

    def sign_url(self, document: DatedDocument) -> str:
        """The signing page: who has signed, the steps taken and any comment sent back."""
        return self.spec.step_url("sign", document)

    def render(self, request, document, *, editor=None, focus_key=None, unsaved=False, status=200):
        may_edit = editor is not None
        editable = may_edit and document.is_editable
        return render(
            request,
            self.template_name,
            {
                "document": document,
                "draft_url": self.spec.draft_url(document),
                "preview_url": reverse(self.preview_url_name, kwargs={"pk": document.pk}),
                "preview_pdf_url": self.spec.preview_pdf_url(document),
                "editor": editor,
                "may_edit": may_edit,
                "focus_key": focus_key,
                "unsaved": unsaved,
                "submit_url": self.submit_url(document) if editable else None,
                "sign_url": self.sign_url(document),
                "problems": self.spec.submission_problems(document) if may_edit else [],
                "events": document_events(document),
                **self.spec.page_context(document),
            },
            status=status,
        )

    def respond(self, request, document: DatedDocument) -> HttpResponse:
        """The draft on one page: its editors edit it while it is a draft; the others who
        may see it (and its editors later) read it."""
        may_edit = document.is_editable and can_edit(request.user, document)
        if request.method == "POST" and not may_edit:
            if not can_edit(request.user, document):
                raise PermissionDenied
            status = document.get_status_display().lower()
            messages.error(request, self.not_editable_message % {"status": status})
            return redirect(self.spec.draft_url(document))
        if not may_edit:
            return self.render(request, document)
        options = self.options(request.user, document)
        if request.method == "GET":
            editor = self.editor_class.for_document(document, **options)
            return self.render(request, document, editor=editor)
        rows = self.editor_class.rows_class().read(request.POST)
        action = request.POST.get("action", "save")
        if action != "save":
            focus_key = rows.apply(action)
            initial = self.editor_class.main_initial(request.POST)
            editor = self.editor_class(rows=rows, initial=initial, **options)
            return self.render(request, document, editor=editor, focus_key=focus_key, unsaved=True)
        rows.drop_empty_new_rows()
        data = request.POST.copy()
        for name, value in rows.as_data().items():
            data[name] = value  # renumbered without the blank rows; setitem replaces
        editor = self.editor_class(rows=rows, data=data, **options)
        if not editor.is_valid():
            return self.render(request, document, editor=editor, status=400)
        try:
            self.save(
                user=request.user,
                document=document,
                content_version=editor.main.cleaned_data["content_version"],
                editor=editor,
            )
        except DocumentConflict as conflict:
            # Another editor saved first: keep what this one typed, show what is saved now.
            data["content_version"] = str(conflict.current.content_version)
            editor = self.editor_class(rows=rows, data=data, **options)
            editor.is_valid()
            editor.main.add_error(None, CONFLICT_MESSAGE)
            return self.render(request, self.spec.load(document.pk), editor=editor, status=409)
        except ValidationError as error:
            add_service_errors(editor.main, error)
            return self.render(request, document, editor=editor, status=400)
        messages.success(request, _("Utkastet är sparat."))
        return redirect(self.spec.draft_url(document))

    def preview(self, request, document: DatedDocument) -> HttpResponse:
        """The document's page as residents will see it once published."""
        context = {
            "document": document,
            "content_template": self.spec.content_template,
            "draft_url": self.spec.draft_url(document),
            "preview_pdf_url": self.spec.preview_pdf_url(document),
            **self.spec.page_context(document),
            "today": timezone.localdate(),
        }
        return render(request, self.preview_template_name, context)

    def preview_pdf(self, document: DatedDocument) -> HttpResponse:
        """The PDF publishing would seal, marked as a draft on every page; never stored."""
        return preview_response(document_preview(document=document, pdf=self.spec.pdf))
