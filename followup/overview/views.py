"""The national overview for residents (/oversikt/): every municipality's current pledge
and latest follow-up, as a table sortable and filterable by links and a GET form, with
the published follow-ups' assessments counted per county and for the country."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from agreements.models import County
from followup.overview.chart import overview_chart
from followup.overview.selectors import (
    SORT_COUNTY,
    SORT_FOLLOW_UP,
    SORT_MUNICIPALITY,
    SORT_ORDERS,
    national_overview,
    sorted_rows,
)
from portal.page_cache import cached_page
from portal.text import swedish_sort_key

SORT_PARAMETER, COUNTY_PARAMETER = "sortera", "lan"


@cached_page(lambda: ["overview"], params=(SORT_PARAMETER, COUNTY_PARAMETER))
def overview(request):
    # An unknown value is named on the page and the default used: a shared or mistyped
    # link still shows the whole overview, never an error.
    order = request.GET.get(SORT_PARAMETER, SORT_MUNICIPALITY)
    unknown_order = order if order not in SORT_ORDERS else None
    order = SORT_MUNICIPALITY if unknown_order is not None else order
    county = request.GET.get(COUNTY_PARAMETER, "")
    unknown_county = county if county and county not in County.values else None
    county = "" if unknown_county is not None else county

    data = national_overview(today=timezone.localdate())
    rows = [row for row in data.rows if not county or row.municipality.county == county]
    counties = data.counties if not county else [c for c in data.counties if c.value == county]
    return render(
        request,
        "followup/overview.html",
        {
            "rows": sorted_rows(rows, order),
            "order": order,
            "sort_links": sort_links(request, order, county),
            "county": county,
            "county_choices": sorted(County.choices, key=lambda c: swedish_sort_key(str(c[1]))),
            "county_label": dict(County.choices).get(county, ""),
            "unknown_order": unknown_order,
            "unknown_county": unknown_county,
            "counties": counties,
            "country": data.country,
            "chart": overview_chart(data),
            "municipality_count": len(data.rows),
        },
    )


def sort_links(request, order: str, county: str) -> list[dict]:
    """A link for each sort order, keeping the county filter."""
    names = {
        SORT_MUNICIPALITY: _("kommun"),
        SORT_COUNTY: _("län"),
        SORT_FOLLOW_UP: _("senaste uppföljning"),
    }
    links = []
    for value in SORT_ORDERS:
        query = {SORT_PARAMETER: value}
        if county:
            query[COUNTY_PARAMETER] = county
        links.append(
            {"name": names[value], "url": f"?{urlencode(query)}", "current": value == order}
        )
    return links
