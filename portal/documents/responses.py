"""Serve a stored document: the stored bytes, never a fresh rendering."""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.cache import get_conditional_response
from django.utils.encoding import escape_uri_path
from django.utils.http import http_date

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
    last_modified = int(issued.issued_at.timestamp())
    cache_control = (
        "public, max-age=31536000, immutable" if immutable else "public, max-age=0, must-revalidate"
    )
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    redirect_to = storage_url(issued) if not_modified is None else None
    if not_modified is not None:
        response = not_modified
    elif redirect_to is not None:
        # Object storage serves the bytes itself, from a link that works for a short while.
        response = HttpResponseRedirect(redirect_to)
        response["Cache-Control"] = f"public, max-age={settings.PDF_STORAGE_LINK_SECONDS // 5}"
        return response
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
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = cache_control
    return response


def storage_url(issued: IssuedDocument) -> str | None:
    """A short-lived link to the file in S3-compatible storage, which names the file and
    shows it inline; None for files on the server's own disk, which are streamed."""
    storage = issued.file.storage
    if not hasattr(storage, "bucket_name"):
        return None
    disposition = f"inline; filename*=utf-8''{escape_uri_path(issued.file_name)}"
    return storage.url(
        issued.file.name,
        parameters={
            "ResponseContentDisposition": disposition,
            "ResponseContentType": "application/pdf",
        },
        expire=settings.PDF_STORAGE_LINK_SECONDS,
    )


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
