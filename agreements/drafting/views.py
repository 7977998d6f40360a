"""The editors' pages of a draft before it is sent, for every document type: start,
draft, preview (page and PDF). Each URLconf mounts them with draft_paths and its
document type's pages (agreements.drafting.agreement_pages, pledges.drafting.pages); the
pages parse, call a service and render; the selectors and services check who may do what."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.urls import URLPattern, path
from django.views.decorators.http import require_GET, require_http_methods

from agreements.drafting.pages import DraftPage, StartPage


@login_required
@require_http_methods(["GET", "POST"])
def draft_new(request, *, page: StartPage):
    """Start a draft (see StartPage.respond)."""
    return page.respond(request)


@login_required
@require_http_methods(["GET", "POST"])
def draft(request, pk: int, *, page: DraftPage):
    """The draft on one page (see DraftPage.respond)."""
    return page.respond(request, page.document_for_viewer(request.user, pk))


@login_required
@require_GET
def draft_preview(request, pk: int, *, page: DraftPage):
    """The document's page as residents will see it once published."""
    return page.preview(request, page.document_for_viewer(request.user, pk))


@login_required
@require_GET
def draft_preview_pdf(request, pk: int, *, page: DraftPage):
    """The PDF publishing would seal, marked as a draft on every page; never stored."""
    return page.preview_pdf(page.document_for_viewer(request.user, pk))


def draft_paths(prefix: str, new: str, *, start: StartPage, page: DraftPage) -> list[URLPattern]:
    """The drafting pages' addresses under ``prefix`` ("redaktor/medborgarlofte/"), the
    start page at ``new`` ("nytt/")."""
    pages = {"page": page}
    return [
        path(f"{prefix}{new}", draft_new, {"page": start}, name="draft_new"),
        path(f"{prefix}<int:pk>/", draft, pages, name="draft"),
        path(f"{prefix}<int:pk>/forhandsgranska/", draft_preview, pages, name="draft_preview"),
        path(
            f"{prefix}<int:pk>/forhandsgranska.pdf",
            draft_preview_pdf,
            pages,
            name="draft_preview_pdf",
        ),
    ]
