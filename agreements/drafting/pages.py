"""The flow every draft page shares: show the draft to those who may see it, let its
editors add, remove and move rows, save, and keep what they typed when saving fails
(bad input, or another editor saved first)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.drafting.editor import DocumentEditor
from agreements.drafting.rows import RowSet
from agreements.models import DatedDocument
from agreements.publishing.permissions import can_edit
from agreements.publishing.spec import PublishingSpec
from agreements.publishing.workflow import DocumentConflict, events_of
from portal.forms import add_service_errors

CONFLICT_MESSAGE = gettext_lazy(
    "Någon annan har sparat utkastet medan du arbetade med det. Dina ändringar är inte "
    "sparade men finns kvar i formuläret. Jämför med den sparade versionen och spara "
    "igen om dina uppgifter ska gälla."
)


class DraftPage(ABC):
    """One document type's draft page: its template, editor, rows and save service."""

    spec: PublishingSpec
    template_name: str
    # "Medborgarlöftet är %(status)s och kan inte ändras nu." in the document's words.
    not_editable_message: str

    @abstractmethod
    def options(self, user, document: DatedDocument) -> dict[str, Any]:
        """What the editor's forms need besides the document (the parties to choose)."""

    @abstractmethod
    def editor_for(self, document: DatedDocument, **options) -> DocumentEditor:
        """The editor showing the saved draft."""

    @abstractmethod
    def editor(self, *, rows: RowSet, data=None, initial=None, **options) -> DocumentEditor:
        """The editor showing what was posted: bound to ``data``, or showing ``initial``."""

    @abstractmethod
    def rows(self) -> RowSet:
        """The page's kinds of row, empty."""

    @abstractmethod
    def main_initial(self, data: QueryDict) -> dict:
        """The main form's values as posted."""

    @abstractmethod
    def save(self, *, user, document, content_version: int, editor: DocumentEditor) -> None:
        """Call the save service with the (valid) editor's content."""

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
                "editor": editor,
                "may_edit": may_edit,
                "focus_key": focus_key,
                "unsaved": unsaved,
                "submit_url": self.submit_url(document) if editable else None,
                "sign_url": self.sign_url(document),
                "problems": self.spec.submission_problems(document) if may_edit else [],
                "events": events_of(document),
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
            return self.render(request, document, editor=self.editor_for(document, **options))
        rows = self.rows().read(request.POST)
        action = request.POST.get("action", "save")
        if action != "save":
            focus_key = rows.apply(action)
            editor = self.editor(rows=rows, initial=self.main_initial(request.POST), **options)
            return self.render(request, document, editor=editor, focus_key=focus_key, unsaved=True)
        rows.drop_empty_new_rows()
        data = request.POST.copy()
        for name, value in rows.as_data().items():
            data[name] = value  # renumbered without the blank rows; setitem replaces
        editor = self.editor(rows=rows, data=data, **options)
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
            editor = self.editor(rows=rows, data=data, **options)
            editor.is_valid()
            editor.main.add_error(None, CONFLICT_MESSAGE)
            return self.render(request, self.spec.load(document.pk), editor=editor, status=409)
        except ValidationError as error:
            add_service_errors(editor.main, error)
            return self.render(request, document, editor=editor, status=400)
        messages.success(request, _("Utkastet är sparat."))
        return redirect(self.spec.draft_url(document))
