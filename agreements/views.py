from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from agreements.models import Agreement
from agreements.selectors import (
    agreement_for_page,
    agreement_slug_from_former,
    published_agreements,
)
from agreements.signals import agreement_page
from portal.documents.responses import current_document_response
from portal.pages import page_context


def _former_address(request, former_slug: str, url_name: str) -> HttpResponsePermanentRedirect:
    """An agreement's address from before its slug changed moves permanently to the current one."""
    slug = agreement_slug_from_former(former_slug)
    if slug is None:
        raise Http404
    url = reverse(url_name, kwargs={"slug": slug})
    return HttpResponsePermanentRedirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)


def agreement_detail(request, slug: str):
    try:
        agreement = agreement_for_page(slug=slug)
    except Agreement.DoesNotExist:
        # Looked up only now: the page of a current address makes no extra query.
        return _former_address(request, slug, "agreements:detail")
    context = {"agreement": agreement, "today": timezone.localdate()}
    context.update(
        page_context(agreement_page, sender=Agreement, request=request, agreement=agreement)
    )
    return render(request, "agreements/agreement_detail.html", context)


def agreement_pdf(request, slug: str):
    """The agreement's current sealed PDF, served from storage (never rendered here)."""
    agreement = published_agreements().filter(slug=slug).first()
    if agreement is None:
        return _former_address(request, slug, "agreements:pdf")
    return current_document_response(request, agreement)
