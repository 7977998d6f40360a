"""The national overview (/oversikt/): every municipality's current pledge and latest
follow-up, the follow-ups' assessments counted in words and drawn as SVG, a county filter
and sort links, served from the page cache and fresh after every publication."""

from __future__ import annotations

import datetime
import re
from collections import Counter

import pytest
from django.utils import timezone

from agreements.models import County, Municipality
from followup.models import Assessment, Review, ReviewItem
from followup.overview.selectors import national_overview
from followup.reviews import services as reviews
from pledges.models import Pledge
from pledges.national import generate_national_data
from portal.text import swedish_sort_key
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.factories import CommitmentFactory
from tests.followup.review_fixtures import fill, people_for, publish_through_sign_off, sign, submit
from tests.seeds import html_text

pytestmark = pytest.mark.django_db

URL = "/oversikt/"


def text(response) -> str:
    assert response.status_code == 200
    return html_text(response.content.decode())


def row_of(page: str, name: str) -> str:
    """The table row of municipality ``name`` (the cells' text, tags stripped)."""
    pattern = rf'<tr>\s*<th scope="row"[^>]*><a [^>]*>{re.escape(name)}</a>.*?</tr>'
    match = re.search(pattern, page, re.S)
    assert match, name
    return html_text(match.group(0))


def names(page: str) -> list[str]:
    """The municipalities of the table, in its order."""
    return re.findall(r'<th scope="row" class="table-stack__first"><a [^>]*>([^<]+)</a>', page)


def publish_mixed(pledge: Pledge, year: int) -> Review:
    """A follow-up published with a different assessment for each item."""
    people = people_for(pledge)
    review = reviews.review_start(
        user=people.coordinator, document=pledge, period_start=datetime.date(year, 1, 1)
    )
    scale = [Assessment.PARTLY, Assessment.DONE, Assessment.NOT_DONE, Assessment.ONGOING]
    fill(
        review,
        people.coordinator,
        assessments={
            item.pk: (scale[index % len(scale)], "")
            for index, item in enumerate(review.items.order_by("pk"))
        },
    )
    submit(review, people.coordinator)
    for signatory in people.signatories:
        sign(review, signatory)
    review.refresh_from_db()
    return review


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
def test_a_published_follow_up_shows_its_date_and_at_once_on_the_cached_page(
    client, world, django_assert_num_queries
):
    before = client.get(URL).content.decode()
    assert "ingen publicerad uppföljning" in row_of(before, "Granby")
    review = publish_through_sign_off(world.pledge, people_for(world.pledge), 2024)
    page = client.get(URL).content.decode()
    row = row_of(page, "Granby")
    assert "Uppföljning 2024" in row
    assert f'<time datetime="{review.published_at:%Y-%m-%d}">' in page
    assert review.get_absolute_url() in page
    assert "ingen publicerad uppföljning" in row_of(page, "Ekeby")
    # Sorted by follow-up, the one followed up comes first; by name, Ekeby does.
    assert names(client.get(URL, {"sortera": "uppfoljning"}).content.decode()) == [
        "Granby",
        "Ekeby",
    ]
    assert names(client.get(URL, {"sortera": "kommun"}).content.decode()) == ["Ekeby", "Granby"]
    # Served from the cache now: the same bytes without a query.
    with django_assert_num_queries(0):
        assert client.get(URL).content.decode() == page


@pytest.mark.usefixtures("document_settings")
def test_the_figures_are_the_sum_of_the_published_follow_ups(client, world):
    publish_through_sign_off(world.pledge, people_for(world.pledge), 2024)
    ekeby = Pledge.objects.get(slug="ekeby-2024")
    CommitmentFactory(pledge=ekeby)
    CommitmentFactory(pledge=ekeby)
    CommitmentFactory(pledge=ekeby)
    publish_mixed(ekeby, 2024)
    # Counted independently: every item of every published pledge review.
    counts = Counter(
        ReviewItem.objects.filter(
            review__in=Review.objects.published().filter(pledge__isnull=False)
        ).values_list("assessment", flat=True)
    )
    count = Review.objects.published().count()
    total, done = sum(counts.values()), counts[Assessment.DONE]
    assert count == 2 and total > 2 and 0 < done < total
    overview = national_overview(today=timezone.localdate())
    assert overview.country.reviews == count
    assert overview.country.total == total
    assert dict(overview.country.counts) == dict(counts)
    # Each county's figures: the items of the follow-ups of its municipalities' pledges.
    for county in overview.counties:
        items = ReviewItem.objects.filter(
            review__state="published", review__pledge__municipalities__county=county.value
        )
        assert county.tally.total == items.distinct().count(), county.value
        assert county.tally.done == items.filter(assessment=Assessment.DONE).distinct().count()
    page = text(client.get(URL))
    assert f"{done} av {total} löften bedömda som genomförda, enligt 2 publicerade" in page


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
    by_name = names(client.get(URL).content.decode())
    assert len(by_name) == 290
    by_county = names(client.get(URL, {"sortera": "lan"}).content.decode())
    assert sorted(by_county) == sorted(by_name) and by_county != by_name
    labels = {m.name: m.get_county_display() for m in Municipality.objects.all()}
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
    # A bar for the country and for each county the portal has municipalities in.
    counties = set(Municipality.objects.values_list("county", flat=True))
    assert svg.count("<text") == 2 * (1 + len(counties))


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
