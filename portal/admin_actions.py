"""What the admin of several apps shares: the document action (issue the sealed PDF again)
and what it tells staff, history that is shown but never restored, and text fields
that refuse an overlong text rather than cut it."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.services import DocumentPdf, document_issue

# The failures a document service reports for one object; the action names the object
# and goes on with the next, so that staff see a message, never a server error.
# ImproperlyConfigured: no seal certificate; ValueError or OSError: a certificate that
# cannot be read.
DOCUMENT_SERVICE_ERRORS = (
    ValidationError,
    PermissionDenied,
    ImproperlyConfigured,
    ValueError,
    OSError,
)


def failure_reason(error: Exception) -> str:
    """One Swedish sentence for staff on why a document service refused or failed."""
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    if isinstance(error, PermissionDenied):
        return _("Du har inte behörighet att ändra dokumentet.")
    return _("Dokumentet kunde inte förseglas: %(error)s") % {"error": error}


class DocumentAdminActions:
    """The issue-PDF action for a ModelAdmin of pledges or agreements (publishing is the
    parties' signatures in the portal, never an admin action).

    A subclass sets ``pdf`` and the messages, each a ``ngettext_lazy`` keyed on
    "count", with "%(titles)s" for the documents' titles.
    """

    pdf: DocumentPdf
    issued_message: str
    unchanged_message: str

    # For documents already published: a new PDF version when their content changed,
    # as `manage.py issue_documents --refresh` does.
    @admin.action(
        description=gettext_lazy("Utfärda förseglad PDF för valda %(verbose_name_plural)s"),
        permissions=["change"],
    )
    def issue_document(self, request, queryset) -> None:
        issued, unchanged = [], []
        for document in queryset.order_by("title", "pk"):
            try:
                _version, created = document_issue(
                    document=document, pdf=self.pdf, issued_by=request.user
                )
            except DOCUMENT_SERVICE_ERRORS as error:
                self._failed(request, _("%(title)s fick ingen PDF. %(reason)s"), document, error)
            else:
                (issued if created else unchanged).append(document.title)
        self._report(request, self.issued_message, issued, messages.SUCCESS)
        self._report(request, self.unchanged_message, unchanged, messages.INFO)

    def _failed(self, request, message: str, document, error: Exception) -> None:
        self.message_user(
            request,
            message % {"title": document.title, "reason": failure_reason(error)},
            messages.ERROR,
        )

    def _report(self, request, message, titles: list[str], level: int) -> None:
        if titles:
            self.message_user(
                request, message % {"count": len(titles), "titles": ", ".join(titles)}, level
            )


class ShowHistoryNeverRevertMixin:
    """simple_history's "revert" saves an old version without asking for the change
    permission. For records whose changes go through services (activities keep a version
    for concurrent edits; reviews have states and the content version that signatures
    name), earlier versions are shown, never restored."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class RefuseOverlongTextMixin:
    """Text inputs without the browser's ``maxlength`` attribute, for a ModelAdmin or inline.

    With it, a browser cuts a typed or pasted text at the limit without a word: a title
    would lose its end silently. Without it the form refuses a text that is too long with
    Django's own message ("Säkerställ att detta värde har som mest 200 tecken (den har
    201).") and the editor decides what to shorten. The limit itself stays on the form
    field and the model.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None:
            formfield.widget.attrs.pop("maxlength", None)
        return formfield
