"""Checks for an uploaded PDF, shared by the verification page and the scanned-original upload."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF_MAGIC = b"%PDF-"


def max_upload_bytes() -> int:
    return settings.PORTAL_DOCUMENT_MAX_UPLOAD_BYTES


def read_pdf_upload(upload: UploadedFile) -> bytes:
    """The upload's bytes if it is a non-empty PDF within the size limit, else ValidationError."""
    limit = max_upload_bytes()
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("Filen är för stor. Den största fil som går att ladda upp är %(limit)s.")
            % {"limit": filesizeformat(limit)},
            code="too_large",
        )
    upload.seek(0)
    content = upload.read(limit + 1)
    if not content:
        raise ValidationError(_("Filen är tom. Välj en PDF-fil med innehåll."), code="empty")
    if len(content) > limit:
        raise ValidationError(
            _("Filen är för stor. Den största fil som går att ladda upp är %(limit)s.")
            % {"limit": filesizeformat(limit)},
            code="too_large",
        )
    if not content.startswith(PDF_MAGIC):
        raise ValidationError(
            _("Filen är inte en PDF. Välj en PDF-fil (den börjar med ”%PDF-”)."), code="not_pdf"
        )
    return content
