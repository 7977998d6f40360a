"""Serve a stored document: the stored bytes, never a fresh rendering."""

from __future__ import annotations

from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.encoding import escape_uri_path

from portal.models import IssuedDocument


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
        response = FileResponse(
            issued.file.open("rb"),
            as_attachment=False,
            filename=issued.file_name,
            content_type="application/pdf",
        )
        response["Content-Length"] = str(issued.size)
    response["ETag"] = etag
    response["Cache-Control"] = cache_control
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
