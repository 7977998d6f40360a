"""The page "Öppna data" and the CSV files, nationally, per municipality and per pledge."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from agreements.models import Municipality, PoliceArea
from opendata.csv_files import (
    FILES,
    PROGRESS_FILE,
    assessment_rows,
    progress_rows,
    render_csv,
)
from opendata.http import OPEN_DATA_SCOPES
from opendata.selectors import (
    attach_document_slugs,
    attach_progress,
    pledge_rows,
    review_rows,
)
from pledges.models import Pledge
from portal.page_cache import cached_page


@cached_page(lambda: OPEN_DATA_SCOPES)
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "opendata/index.html",
        {
            "files": [
                (csv_file, reverse("opendata:national_csv", args=[csv_file.slug]))
                for csv_file in FILES
            ],
            "api_root": reverse("opendata_api:municipalities").rsplit("/", 1)[0] + "/",
            "openapi_url": reverse("opendata_api:openapi-json"),
        },
    )


def csv_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text.encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _file(slug: str):
    for csv_file in FILES:
        if csv_file.slug == slug:
            return csv_file
    raise Http404


def _answer(csv_file, filename: str, *, pledge: str | None = None, **place: str):
    """``csv_file`` for the whole country, one place (municipality= or police_area=) or
    one pledge."""
    if csv_file is PROGRESS_FILE:
        pledges = pledge_rows(**place)
        if pledge is not None:
            pledges = pledges.filter(slug=pledge)
        pledges = list(pledges)
        attach_progress(pledges)
        rows = progress_rows(pledges)
    else:
        reviews = list(review_rows(**place))
        attach_document_slugs(reviews)
        rows = assessment_rows(reviews)
    return csv_response(render_csv(csv_file.columns, rows), filename)


def national_csv(request: HttpRequest, name: str) -> HttpResponse:
    """Every published pledge's progress, or every published follow-up's assessments."""
    csv_file = _file(name)
    return _answer(csv_file, f"medborgarloften-{csv_file.slug}")


def municipality_csv(request: HttpRequest, slug: str, name: str) -> HttpResponse:
    """The file for the pledges and follow-ups of one municipality."""
    csv_file = _file(name)
    if not Municipality.objects.filter(slug=slug).exists():
        raise Http404
    return _answer(csv_file, f"{slug}-{csv_file.slug}", municipality=slug)


def police_area_csv(request: HttpRequest, slug: str, name: str) -> HttpResponse:
    """The file for the documents of one police area (as on its page) and their
    follow-ups."""
    csv_file = _file(name)
    if not PoliceArea.objects.filter(slug=slug).exists():
        raise Http404
    return _answer(csv_file, f"{slug}-{csv_file.slug}", police_area=slug)


def pledge_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """One published pledge's progress per commitment and year."""
    if not Pledge.objects.published().filter(slug=slug).exists():
        raise Http404
    return _answer(PROGRESS_FILE, f"{slug}-{PROGRESS_FILE.slug}", pledge=slug)
