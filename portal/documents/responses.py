"""Serve a stored document: the stored bytes, never a fresh rendering."""

from __future__ import annotations

import logging

from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.encoding import escape_uri_path

from portal.models import IssuedDocument

logger = logging.getLogger(__name__)

# Seconds a client is asked to wait when a stored file is missing: long enough for the
# operators to restore it from the backup (README, "Backup and restore").
MISSING_FILE_RETRY_AFTER = 600


def issued_document_response(
    request: HttpRequest, issued: IssuedDocument, *, immutable: bool
) -> HttpResponse:
    """The stored PDF, inline, with a readable file name and its SHA-256 as ETag.

    ``immutable`` is for addresses naming one version (the hash URL); a document's
    "current PDF" address may later point to a new version, so it is revalidated.
    """
    etag = f'"{issued.sha256}"'
    cache_control = (
        "public, max-age=31536000, immutable" if immutable else "public, max-age=0, must-revalidate"
    )
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
    else:
        try:
            handle = issued.file.open("rb")
        except FileNotFoundError:
            return missing_file_response(request, issued)
        response = FileResponse(
            handle,
            as_attachment=False,
            filename=issued.file_name,
            content_type="application/pdf",
        )
        response["Content-Length"] = str(issued.size)
    response["ETag"] = etag
    response["Cache-Control"] = cache_control
    return response


def missing_file_response(request: HttpRequest, issued: IssuedDocument) -> HttpResponse:
    """A Swedish 503 page: the record exists but its file is not in storage."""
    from django.shortcuts import render

    logger.error(
        "Issued document %s (sha256 %s) has no file in storage at %s; "
        "restore it from the backup and run manage.py check_documents.",
        issued.pk,
        issued.sha256,
        issued.file.name,
    )
    response = render(request, "documents/pdf_unavailable.html", {"issued": issued}, status=503)
    response["Retry-After"] = str(MISSING_FILE_RETRY_AFTER)
    # Never cached, least of all as the immutable answer for this version's address.
    response["Cache-Control"] = "no-store"
    return response


def current_document_response(request: HttpRequest, document) -> HttpResponse:
    """The latest sealed PDF of ``document``; a Swedish 404 page if none is issued yet."""
    from django.shortcuts import render

    issued = (
        IssuedDocument.objects.for_object(document).filter(kind=IssuedDocument.Kind.SEALED).first()
    )
    if issued is None:
        return render(request, "documents/pdf_missing.html", {"document": document}, status=404)
    return issued_document_response(request, issued, immutable=False)


def preview_response(rendered) -> HttpResponse:
    """A draft PDF (RenderedDocument), inline; private and never stored by a cache."""
    filename, content_type, content = rendered
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f"inline; filename*=utf-8''{escape_uri_path(filename)}"
    response["Cache-Control"] = "private, no-store"
    return response
