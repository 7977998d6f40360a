"""HTML → PDF with WeasyPrint: fonts embedded, metadata from the HTML head, tagged, PDF/A-3a.

Static and media files are read from disk by ``LocalFileFetcher``; the renderer never
makes an HTTP request, not even to the portal itself.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

PDF_CONTENT_TYPE = "application/pdf"
# Archival and tagged at once: PDF/A-3a is PDF/A-3 with the accessibility (tagging) level.
PDF_VARIANT = "pdf/a-3a"


@dataclass(frozen=True)
class RenderedDocument:
    """What a renderer returns: ``(filename, content_type, bytes)``."""

    filename: str
    content_type: str
    content: bytes

    def __iter__(self) -> Iterator:
        return iter((self.filename, self.content_type, self.content))


def base_url() -> str:
    """The portal's public address; relative links in a PDF resolve against it."""
    return settings.SITE_URL.rstrip("/") + "/"


class LocalFileFetcher(URLFetcher):
    """Serve the portal's own /static/ and /media/ URLs from disk; refuse everything else."""

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        site = urlsplit(base_url())
        if (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
            raise ValueError(f"The PDF renderer fetches only the portal's own files, not {url}")
        path = unquote(parts.path)
        static_url = urlsplit(settings.STATIC_URL).path
        media_url = urlsplit(settings.MEDIA_URL).path
        if path.startswith(static_url):
            return self._response(url, self._static_file(path.removeprefix(static_url)))
        if path.startswith(media_url):
            name = path.removeprefix(media_url)
            if ".." in Path(name).parts:
                raise ValueError(f"Refusing to read {url}")
            with default_storage.open(name, "rb") as handle:
                return URLFetcherResponse(url, handle.read(), self._headers(name))
        raise ValueError(f"Not a static or media file: {url}")

    @staticmethod
    def _static_file(relative: str) -> Path:
        if ".." in Path(relative).parts:
            raise ValueError(f"Refusing to read {relative}")
        # Collected files first (they carry the manifest's hashed names), then the finders.
        collected = Path(settings.STATIC_ROOT) / relative
        if collected.is_file():
            return collected
        found = finders.find(relative)
        if not found:
            raise ValueError(f"Static file not found: {relative}")
        return Path(found)

    def _response(self, url: str, path: Path) -> URLFetcherResponse:
        return URLFetcherResponse(url, path.read_bytes(), self._headers(path.name))

    @staticmethod
    def _headers(name: str) -> dict[str, str]:
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return {"Content-Type": content_type}


def html_to_pdf(html: str) -> bytes:
    """Render an HTML document (with its own <title>, author, description and lang) as PDF."""
    document = HTML(string=html, base_url=base_url(), url_fetcher=LocalFileFetcher())
    return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)


def render_pdf(*, template_name: str, context: dict, filename: str) -> RenderedDocument:
    """Render ``template_name`` with ``context`` to a PDF named ``filename``."""
    html = render_to_string(template_name, context)
    return RenderedDocument(filename, PDF_CONTENT_TYPE, html_to_pdf(html))
