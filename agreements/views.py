from django.shortcuts import render
from django.utils import timezone

from agreements.models import Agreement
from agreements.publishing.revisions import revision_context
from agreements.selectors import agreement_for_page
from agreements.signals import agreement_page
from portal.documents.responses import current_document_response
from portal.page_cache import cached_page
from portal.pages import former_address, page_context


@cached_page(lambda slug: [f"agreement:{slug}"], params=("kommun",))
def agreement_detail(request, slug: str):
    try:
        agreement = agreement_for_page(slug=slug)
    except Agreement.DoesNotExist:
        # Looked up only now: the page of a current address makes no extra query.
        return former_address(request, Agreement.objects, slug, "agreements:detail")
    context = {"agreement": agreement, "document": agreement, "today": timezone.localdate()}
    context.update(revision_context(agreement))
    context.update(
        page_context(agreement_page, sender=Agreement, request=request, agreement=agreement)
    )
    return render(request, "agreements/agreement_detail.html", context)


def agreement_pdf(request, slug: str):
    """The agreement's current sealed PDF, served from storage (never rendered here)."""
    # Replaced revisions keep their sealed PDF.
    agreement = Agreement.objects.shown().filter(slug=slug).first()
    if agreement is None:
        return former_address(request, Agreement.objects, slug, "agreements:pdf")
    return current_document_response(request, agreement)
