"""The read-only open data API under /api/v1/, built with django-ninja.

Every list is paginated with ``limit`` and ``offset`` in a stable order, with links to
the next and previous page. Only what residents may see is here (opendata/selectors.py).
Each endpoint makes a fixed number of queries whatever the data size; the page cache
(opendata/http.py) answers repeated requests without any.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as RequestInvalid

from agreements.models import Municipality, PoliceArea
from opendata import schemas
from opendata.selectors import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    agreement_rows,
    attach_document_slugs,
    attach_progress,
    municipality_rows,
    pledge_rows,
    police_area_rows,
    review_rows,
    with_signatures,
)

api = NinjaAPI(
    title="Medborgarlöften – öppna data",
    version="1",
    description=(
        "Publicerade medborgarlöften, samverkansöverenskommelser och uppföljningar, fritt "
        "att använda (CC0). Endast publicerat innehåll: utkast, dokument som väntar på "
        "underskrift och revisioner som ersatts finns inte med."
    ),
    urls_namespace="opendata_api",
    docs_url=None,
    openapi_extra={
        "info": {
            "license": {
                "name": "CC0 1.0 Universell",
                "url": "https://creativecommons.org/publicdomain/zero/1.0/",
            }
        }
    },
    openapi_url="/openapi.json",
)

ERRORS = {400: schemas.Error, 404: schemas.Error}


class Paging(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Poster per sida.")
    offset: int = Field(0, ge=0, description="Antal poster att hoppa över.")


# The query parameters that choose a place, shared by the lists of documents and
# follow-ups, and kept in their next and previous links.
PLACE_PARAMS = ("municipality", "police_area")


class PlaceFilter(Paging):
    municipality: str | None = Field(None, description="Endast för kommunen med kortnamnet.")
    police_area: str | None = Field(
        None,
        description=(
            "Endast för lokalpolisområdet med kortnamnet: de dokument som nämner det och "
            "de som gäller kommuner det svarar för."
        ),
    )

    def place(self) -> dict[str, str | None]:
        """The place chosen, once its names are known (404 otherwise)."""
        known = Municipality.objects.filter(slug=self.municipality).exists
        if self.municipality is not None and not known():
            raise HttpError(404, _("Kommunen finns inte."))
        known = PoliceArea.objects.filter(slug=self.police_area).exists
        if self.police_area is not None and not known():
            raise HttpError(404, _("Lokalpolisområdet finns inte."))
        return {"municipality": self.municipality, "police_area": self.police_area}


@api.exception_handler(RequestInvalid)
def invalid_request(request: HttpRequest, exc: RequestInvalid):
    names = sorted({str(error["loc"][-1]) for error in exc.errors if error.get("loc")})
    detail = _("Ogiltigt värde för %(names)s. limit ska vara 1–%(max)d och offset 0 eller mer.")
    return api.create_response(
        request, {"detail": detail % {"names": ", ".join(names), "max": MAX_LIMIT}}, status=400
    )


def page(
    request: HttpRequest,
    rows: QuerySet,
    paging: Paging,
    prepare: Callable[[list], None] | None = None,
) -> dict:
    """One page of ``rows`` with the total and links: a count query, then the rows."""
    count = rows.count()
    items = list(rows[paging.offset : paging.offset + paging.limit])
    if prepare is not None:
        prepare(items)

    def link(offset: int) -> str:
        query = QueryDict(mutable=True)
        query.update({k: v for k, v in request.GET.items() if k in PLACE_PARAMS})
        query["limit"] = str(paging.limit)
        query["offset"] = str(offset)
        return schemas.absolute(f"{request.path}?{query.urlencode()}")

    end = paging.offset + paging.limit
    return {
        "count": count,
        "limit": paging.limit,
        "offset": paging.offset,
        "next": link(end) if end < count else None,
        "previous": link(max(0, paging.offset - paging.limit)) if paging.offset > 0 else None,
        "items": items,
    }


def first_or_404(rows: QuerySet, message: str, **lookup):
    found = rows.filter(**lookup).first()
    if found is None:
        raise HttpError(404, message)
    return found


def with_today(documents: list) -> None:
    today = timezone.localdate()
    for document in documents:
        document.api_today = today


def prepare_pledges(pledges: list) -> None:
    with_today(pledges)
    attach_progress(pledges)


@api.get(
    "/municipalities",
    response={200: schemas.MunicipalityPage, **ERRORS},
    url_name="municipalities",
    summary="Kommuner",
)
def municipalities(request, paging: Query[Paging]):
    return page(request, municipality_rows(), paging)


@api.get(
    "/municipalities/{slug}",
    response={200: schemas.MunicipalityOut, **ERRORS},
    url_name="municipality",
    summary="En kommun",
)
def municipality(request, slug: str):
    return first_or_404(municipality_rows(), _("Kommunen finns inte."), slug=slug)


@api.get(
    "/police-areas",
    response={200: schemas.PoliceAreaPage, **ERRORS},
    url_name="police_areas",
    summary="Lokalpolisområden",
)
def police_areas(request, paging: Query[Paging]):
    return page(request, police_area_rows(), paging)


@api.get(
    "/police-areas/{slug}",
    response={200: schemas.PoliceAreaOut, **ERRORS},
    url_name="police_area",
    summary="Ett lokalpolisområde",
)
def police_area(request, slug: str):
    return first_or_404(police_area_rows(), _("Lokalpolisområdet finns inte."), slug=slug)


@api.get(
    "/pledges",
    response={200: schemas.PledgePage, **ERRORS},
    url_name="pledges",
    summary="Medborgarlöften med fokusområden, löften och framsteg per år",
)
def pledges(request, paging: Query[PlaceFilter]):
    return page(request, pledge_rows(**paging.place()), paging, prepare_pledges)


@api.get(
    "/pledges/{slug}",
    response={200: schemas.PledgeOut, **ERRORS},
    url_name="pledge",
    summary="Ett medborgarlöfte",
)
def pledge(request, slug: str):
    found = first_or_404(pledge_rows(), _("Medborgarlöftet finns inte."), slug=slug)
    prepare_pledges([found])
    return found


@api.get(
    "/agreements",
    response={200: schemas.AgreementPage, **ERRORS},
    url_name="agreements",
    summary="Samverkansöverenskommelser",
)
def agreements(request, paging: Query[PlaceFilter]):
    return page(request, agreement_rows(**paging.place()), paging, with_today)


@api.get(
    "/agreements/{slug}",
    response={200: schemas.AgreementOut, **ERRORS},
    url_name="agreement",
    summary="En samverkansöverenskommelse",
)
def agreement(request, slug: str):
    found = first_or_404(agreement_rows(), _("Överenskommelsen finns inte."), slug=slug)
    with_today([found])
    return found


@api.get(
    "/follow-ups",
    response={200: schemas.FollowUpPage, **ERRORS},
    url_name="follow_ups",
    summary="Publicerade uppföljningar med bedömningar",
)
def follow_ups(request, paging: Query[PlaceFilter]):
    reviews = with_signatures(review_rows(**paging.place()))
    return page(request, reviews, paging, attach_document_slugs)


@api.get(
    "/follow-ups/{int:review_id}",
    response={200: schemas.FollowUpOut, **ERRORS},
    url_name="follow_up",
    summary="En publicerad uppföljning",
)
def follow_up(request, review_id: int):
    found = first_or_404(
        with_signatures(review_rows()), _("Uppföljningen finns inte."), pk=review_id
    )
    attach_document_slugs([found])
    return found
