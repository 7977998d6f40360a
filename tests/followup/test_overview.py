"""The national overview (/oversikt/): every municipality's current pledge and latest
follow-up, the follow-ups' assessments counted in words and drawn as SVG, a county filter
and sort links, served from the page cache and fresh after every publication."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from django.utils import timezone

from agreements.models import County, Municipality
from followup.models import Assessment, Review, ReviewItem
from followup.overview.selectors import national_overview
from pledges.models import Pledge
from pledges.national import generate_national_data
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.followup.review_fixtures import people_for, publish_through_sign_off
from tests.seeds import html_text

pytestmark = pytest.mark.django_db

URL = "/oversikt/"


def text(response) -> str:
    assert response.status_code == 200
    return html_text(response.content.decode())


def row_of(page: str, name: str) -> str:
    """The table row of municipality ``name`` (the cells' text, tags stripped)."""
    match = re.search(rf'<tr>\s*<th scope="row"[^>]*><a [^>]*>{re.escape(name)}</a>.*?</tr>', page, re.S)
    assert match, name
    return html_text(match.group(0))


def test_the_page_lists_municipalities_with_their_current_pledge(client, seeded):
    today = timezone.localdate()
    page = client.get(URL).content.decode()
    for municipality in Municipality.objects.all():
        current = (
            Pledge.objects.published()
            .filter(municipalities=municipality, period_start__lte=today, period_end__gte=today)
            .order_by("-period_start")
            .first()
        )
        row = row_of(page, municipality.name)
        assert municipality.get_county_display() in row
        if current:
            assert current.title in row
        else:
            assert "inget gällande löfte" in row


@pytest.mark.usefixtures("document_settings")
def test_a_published_follow_up_shows_its_date_and_at_once_on_the_cached_page(client, world):
    before = client.get(URL).content.decode()
    assert "ingen publicerad uppföljning" in row_of(before, "Granby")
    review = publish_through_sign_off(world.pledge, people_for(world.pledge), 2024)
    page = client.get(URL).content.decode()
    row = row_of(page, "Granby")
    assert "Uppföljning 2024" in row
    assert f'<time datetime="{review.published_at:%Y-%m-%d}">' in page
    assert review.get_absolute_url() in page
    assert "ingen publicerad uppföljning" in row_of(page, "Ekeby")
    # Served from the cache now: the same bytes without a query.
    assert client.get(URL).content.decode() == page


@pytest.mark.usefixtures("document_settings")
def test_the_figures_are_the_sum_of_the_published_follow_ups(client, world):
    publish_through_sign_off(world.pledge, people_for(world.pledge), 2024)
    # Counted independently: every item of every published pledge review.
    counts = Counter(
        ReviewItem.objects.filter(
            review__in=Review.objects.published().filter(pledge__isnull=False)
        ).values_list("assessment", flat=True)
    )
    reviews = Review.objects.published().count()
    total, done = sum(counts.values()), counts[Assessment.DONE]
    assert reviews == 1 and total > 0
    overview = national_overview(today=timezone.localdate())
    assert overview.country.reviews == reviews
    assert overview.country.total == total
    assert dict(overview.country.counts) == dict(counts)
    county = next(c for c in overview.counties if c.value == world.own_municipality.county)
    assert county.tally.total == total
    page = text(client.get(URL))
    assert (
        f"{done} av {total} löften bedömda som genomförda, enligt 1 publicerad uppföljning"
        in page
        or f"{done} av {total} löfte bedömt som genomfört, enligt 1 publicerad uppföljning"
        in page
    )


def test_the_county_filter_shows_only_that_countys_municipalities(client, world):
    county = world.own_municipality.county
    page = client.get(URL, {"lan": county}).content.decode()
    assert "Granby" in page
    assert world.other_municipality.county != county or "Ekeby" in page
    for municipality in Municipality.objects.exclude(county=county):
        assert f">{municipality.name}</a>" not in page
    assert f'<option value="{county}" selected>' in page
    assert '<label for="valj-lan">' in page


def test_the_sort_links_order_the_table(client, rendered_pages):
    generate_national_data(commitments_per_pledge=1)
    names = lambda page: re.findall(r'<th scope="row" class="table-stack__first"><a [^>]*>([^<]+)</a>', page)  # noqa: E731
    by_name = names(client.get(URL).content.decode())
    assert len(by_name) == 290
    by_county = names(client.get(URL, {"sortera": "lan"}).content.decode())
    assert sorted(by_county) == sorted(by_name) and by_county != by_name
    labels = {m.name: m.get_county_display() for m in Municipality.objects.all()}
    from portal.text import swedish_sort_key

    keys = [swedish_sort_key(labels[name]) for name in by_county]
    assert keys == sorted(keys)
    page = client.get(URL, {"sortera": "uppfoljning", "lan": County.UPPSALA}).content.decode()
    assert 'href="?sortera=kommun&amp;lan=uppsala"' in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"sortera": "storlek"}, "Sorteringen ”storlek” finns inte"),
        ({"lan": "atlantis"}, "Det finns inget län som heter ”atlantis”"),
        ({"lan": "<script>"}, "Det finns inget län som heter"),
    ],
)
def test_an_unknown_parameter_value_is_named_and_the_whole_overview_shown(
    client, world, query, message
):
    response = client.get(URL, query)
    assert response.status_code == 200
    page = text(response)
    assert message in page
    assert "Granby" in page and "Ekeby" in page
    assert "<script>" not in response.content.decode().split("<main", 1)[-1]


def test_the_chart_is_an_accessible_svg_described_by_the_table(client, world):
    page = client.get(URL).content.decode()
    svg = re.search(r"<svg[^>]*>.*?</svg>", page, re.S).group(0)
    assert 'role="img"' in svg
    assert re.search(r'<title id="diagram-titel">[^<]+</title>', svg)
    assert re.search(r'<desc id="diagram-beskrivning">[^<]+</desc>', svg)
    assert "Uppföljningar per län" in svg  # the description names the table
    assert 'id="per-lan-tabell"' in page
    assert "Hela landet" in svg and "<script" not in svg
    assert svg.count("<text") == 2 * (1 + len(County))


# The overview's queries, the same for 2 municipalities and for 292:
#  1. the municipalities with their police areas
#  2. the current published pledges' municipality links, the pledges joined
#  3. the published pledge reviews with their pledges
#  4. those pledges' municipalities
#  5. the counted reviews' items, counted by assessment
@pytest.mark.usefixtures("document_settings", "rendered_pages")
def test_the_query_count_is_constant(client, world, django_assert_max_num_queries):
    publish_through_sign_off(world.pledge, people_for(world.pledge), 2024)
    with django_assert_max_num_queries(5):
        assert client.get(URL).status_code == 200
    # The factories' codes are in the national data's 9xxx range.
    for index, municipality in enumerate(Municipality.objects.all()):
        Municipality.objects.filter(pk=municipality.pk).update(code=f"70{index:02d}")
    generate_national_data(commitments_per_pledge=1)
    with django_assert_max_num_queries(5):
        page = text(client.get(URL))
    assert "Fiktivt område" in page


def test_the_home_page_links_to_the_overview(client, world):
    assert 'href="/oversikt/"' in client.get("/").content.decode()
