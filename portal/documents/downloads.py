"""Sealed PDF downloads by hash, answered before the rest of the middleware.

A version's address (``/dokument/<sha256>.pdf``) always gives the same bytes to
everyone, so it needs no session, user, URL resolution or template: like WhiteNoise for
static files, this middleware answers it at once from the register (kept in the
process and in the shared cache) and the storage. Anything else, and the error pages (an
unknown version's 404, a missing file's 503), go the usual way through the view.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from portal.documents.register import issued_by_sha256
from portal.documents.responses import issued_document_response

DOWNLOAD_PATH = re.compile(r"^/dokument/(?P<sha256>[0-9a-f]{64})\.pdf$")


def fast_download(request: HttpRequest, sha256: str) -> HttpResponse | None:
    """The stored bytes (or the link into object storage), or None for the usual way."""
    issued = issued_by_sha256(sha256)
    if issued is None:
        return None
    storage = issued.file.storage
    # On the server's own disk a missing file is one stat away; object storage is asked
    # nothing here (the download is a link to it).
    if not hasattr(storage, "bucket_name") and not storage.exists(issued.file.name):
        return None
    return issued_document_response(request, issued, immutable=True)


class DocumentDownloadMiddleware:
    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in ("GET", "HEAD"):
            found = DOWNLOAD_PATH.match(request.path_info)
            if found is not None:
                response = fast_download(request, found["sha256"])
                if response is not None:
                    return response
        return self.get_response(request)
