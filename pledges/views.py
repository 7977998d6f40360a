"""Public pages: home, search, municipality, police area and pledge.

The home, municipality and police-area pages list pledges, so they live here rather
than in `portal` or `agreements`: dependencies point one way (pledges → agreements).
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from agreements.models import Municipality, PoliceArea
from agreements.publishing.revisions import revision_context
from agreements.selectors import (
    county_search,
    municipalities_by_county,
    municipality_search,
    police_area_search,
)
from pledges.models import Pledge
from pledges.selectors import (
    TEXT_HIT_LIMIT,
    commitment_sections,
    has_several_parties,
    municipality_overview,
    newest_pledges,
    pledge_for_page,
    pledge_text_search,
    police_area_overview,
)
from pledges.signals import municipality_page, pledge_page, police_area_page
from portal.documents.responses import current_document_response
from portal.page_cache import cached_page
from portal.pages import former_address, page_context
from portal.text import fold

MAX_QUERY_LENGTH = 100

# The query parameter of the reader's view of a pledge's commitments grouped by party
# ("?visa=part"); without it they are in the order the editors wrote them.
VIEW_PARAMETER, BY_PARTY = "visa", "part"


@cached_page(lambda: ["home"])
def home(request):
    return render(
        request,
        "pledges/home.html",
        {
            "counties": municipalities_by_county(),
            "newest_pledges": newest_pledges(),
            "today": timezone.localdate(),
        },
    )


@cached_page(lambda: ["search"], params=("q",))
def search(request):
    # RejectInvalidTextMiddleware refuses NUL already; dropping it here too keeps the
    # query safe for PostgreSQL should the view ever be reached another way.
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    municipalities = municipality_search(query)
    police_areas = police_area_search(query)
    # A resident who typed a whole name goes straight to it.
    exact = [m for m in municipalities if m.search_name == fold(query)]
    exact += [a for a in police_areas if fold(a.name) == fold(query)]
    if len(exact) == 1:
        return redirect(exact[0])
    counties = county_search(query)
    pledge_hits, text_hit_count = pledge_text_search(query)
    return render(
        request,
        "pledges/search.html",
        {
            "query": query,
            "municipalities": municipalities,
            "police_areas": police_areas,
            "counties": counties,
            "pledge_hits": pledge_hits,
            "text_hit_count": text_hit_count,
            "text_hits_capped": text_hit_count >= TEXT_HIT_LIMIT,
            "hit_count": len(municipalities)
            + len(police_areas)
            + sum(len(members) for _, members in counties)
            + text_hit_count,
        },
    )


@cached_page(lambda slug: [f"municipality:{slug}"])
def municipality_detail(request, slug: str):
    try:
        overview = municipality_overview(slug=slug)
    except Municipality.DoesNotExist:
        raise Http404 from None
    context = {"overview": overview}
    context.update(
        page_context(municipality_page, sender=Municipality, request=request, overview=overview)
    )
    return render(request, "pledges/municipality_detail.html", context)


@cached_page(lambda slug: [f"police_area:{slug}"])
def police_area_detail(request, slug: str):
    try:
        area, municipalities = police_area_overview(slug=slug)
    except PoliceArea.DoesNotExist:
        raise Http404 from None
    context = {"area": area, "municipalities": municipalities}
    context.update(page_context(police_area_page, sender=PoliceArea, request=request, area=area))
    return render(request, "pledges/policearea_detail.html", context)


@cached_page(lambda slug: [f"pledge:{slug}"], params=("ar", "visa", "kommun"))
def pledge_detail(request, slug: str):
    try:
        pledge = pledge_for_page(slug=slug)
    except Pledge.DoesNotExist:
        # Looked up only now: the page of a current address makes no extra query.
        return former_address(request, Pledge.objects, slug, "pledges:detail")
    by_party = request.GET.get(VIEW_PARAMETER) == BY_PARTY
    context = {
        "pledge": pledge,
        "document": pledge,
        "sections": commitment_sections(pledge, by_party=by_party),
        "by_party": by_party,
        "other_view_url": other_commitment_view_url(request, pledge, by_party=by_party),
        "today": timezone.localdate(),
    }
    context.update(revision_context(pledge))
    context.update(page_context(pledge_page, sender=Pledge, request=request, pledge=pledge))
    return render(request, "pledges/pledge_detail.html", context)


def other_commitment_view_url(request, pledge: Pledge, *, by_party: bool) -> str | None:
    """The address of the other view of the commitments (written order or grouped by
    party), keeping the rest of the query; None when one party answers for everything."""
    if not has_several_parties(pledge):
        return None
    query = request.GET.copy()
    if by_party:
        query.pop(VIEW_PARAMETER, None)
    else:
        query[VIEW_PARAMETER] = BY_PARTY
    return f"?{query.urlencode()}#loften" if query else f"{request.path}#loften"


def pledge_pdf(request, slug: str):
    """The pledge's current sealed PDF, served from storage (never rendered here)."""
    # Only the row is needed: the PDF is found by the pledge's id.
    # Replaced revisions keep their sealed PDF.
    pledge = Pledge.objects.shown().filter(slug=slug).first()
    if pledge is None:
        return former_address(request, Pledge.objects, slug, "pledges:pdf")
    return current_document_response(request, pledge)
