"""Checks for an uploaded PDF, shared by the verification page and the scanned-original upload."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF_MAGIC = b"%PDF-"
# What a multipart body may carry besides the file: boundaries, part headers, the CSRF
# token and a pasted checksum.
MULTIPART_ALLOWANCE = 64 * 1024


def max_upload_bytes() -> int:
    return settings.PORTAL_DOCUMENT_MAX_UPLOAD_BYTES


def too_large_message() -> str:
    return _("Filen är för stor. Den största fil som går att ladda upp är %(limit)s.") % {
        "limit": filesizeformat(max_upload_bytes())
    }


def body_too_large(request: HttpRequest) -> bool:
    """Whether the request says (Content-Length) it is larger than any allowed upload.

    Asked before the body is read: a larger request is answered without reading it.
    """
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False  # Django reads no body with an invalid length either
    return length > max_upload_bytes() + MULTIPART_ALLOWANCE


class CappedUploadHandler(FileUploadHandler):
    """The first upload handler: stops reading once the files pass max_upload_bytes().

    It passes every chunk on to Django's own handlers and only counts; ``exceeded`` tells
    the view to answer "too large" (the file is then missing from ``request.FILES``).
    """

    def __init__(self, request: HttpRequest | None = None):
        super().__init__(request)
        self.limit = max_upload_bytes()
        self.received = 0
        self.exceeded = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.limit:
            self.exceeded = True
            # Read (and drop) the rest, bounded by body_too_large, so that the browser
            # gets the page rather than a reset connection.
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def read_pdf_upload(upload: UploadedFile) -> bytes:
    """The upload's bytes if it is a non-empty PDF within the size limit, else ValidationError."""
    limit = max_upload_bytes()
    if upload.size is not None and upload.size > limit:
        raise ValidationError(too_large_message(), code="too_large")
    upload.seek(0)
    content = upload.read(limit + 1)
    if not content:
        raise ValidationError(_("Filen är tom. Välj en PDF-fil med innehåll."), code="empty")
    if len(content) > limit:
        raise ValidationError(too_large_message(), code="too_large")
    if not content.startswith(PDF_MAGIC):
        raise ValidationError(
            _("Filen är inte en PDF. Välj en PDF-fil (den börjar med ”%PDF-”)."), code="not_pdf"
        )
    return content
