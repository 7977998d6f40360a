"""What the document admin actions (publish, issue the sealed PDF) tell staff when one fails."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext as _

# The failures a document service reports for one object; the action names the object
# and goes on with the next, so that staff see a message, never a server error.
# ImproperlyConfigured: no seal certificate; ValueError: a certificate that cannot be read.
DOCUMENT_SERVICE_ERRORS = (ValidationError, PermissionError, ImproperlyConfigured, ValueError)


def failure_reason(error: Exception) -> str:
    """One Swedish sentence for staff on why a document service refused or failed."""
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    if isinstance(error, PermissionError) and error.errno is None:
        # The services' own refusal; an OS error (a file not readable) has an errno.
        return _("Du har inte behörighet att ändra dokumentet.")
    return _("Dokumentet kunde inte förseglas: %(error)s") % {"error": error}
