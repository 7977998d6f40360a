"""Pages that show annual reviews make the same number of queries for 1 or 20 reviews."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agreements.models import Membership
from followup.models import Review, ReviewEvent, ReviewItem, ReviewSignOff, ReviewState

Role = Membership.Role


# Count the queries of rendering: the page cache would answer with none.
pytestmark = pytest.mark.usefixtures("rendered_pages")


def add_reviews(world, signer, n: int, *, state=ReviewState.PUBLISHED) -> list[Review]:
    """n revisions of the pledge's 2024 review (each replacing the one before), with
    an item per commitment, both parties' sign-offs and three events each."""
    reviews = []
    previous = Review.objects.filter(pledge=world.pledge).order_by("-revision").first()
    start = previous.revision if previous else 0
    now = timezone.now()
    for index in range(n):
        # Built unsigned, then moved to its state: a signed-off review takes no changes.
        review = Review.objects.create(
            pledge=world.pledge,
            period_start=world.pledge.period_start,
            period_end=world.pledge.period_end,
            revision=start + index + 1,
            replaces=previous,
            state=ReviewState.SUBMITTED,
            summary=f"Sammanfattning {start + index + 1}",
            submitted_at=now,
            content_sha256="0" * 64,
        )
        ReviewItem.objects.bulk_create(
            ReviewItem(review=review, commitment=c, order=i, text=c.text, assessment="done")
            for i, c in enumerate([world.commitment, world.on_request])
        )
        if state == ReviewState.PUBLISHED:
            parties = [
                {"municipality": world.own_municipality},
                {"police_area": world.own_police_area},
            ]
            for party in parties:
                ReviewSignOff.objects.create(
                    review=review,
                    content_version=1,
                    content_sha256="0" * 64,
                    user=signer,
                    name="Sam Signatär",
                    organisation="Part",
                    **party,
                )
            review.approved_at = review.published_at = now
        review.state = state
        review.save()
        ReviewEvent.objects.bulk_create(
            ReviewEvent(review=review, kind=kind, user=signer)
            for kind in ("started", "submitted", "signed")
        )
        reviews.append(review)
        previous = review
    return reviews


def count(client, url: str) -> int:
    client.get(url)  # per-process caches (content types) fill once
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


# Pledge page: the page's own 10 queries (tests/followup/test_query_counts.py) plus
# 11 the published reviews, 12 their assessments, 13 their sign-offs, 14 their sealed PDFs.
PLEDGE_PAGE_WITH_REVIEWS = 15  # + the pledge's own issued PDFs


def test_pledge_page_with_1_or_20_published_reviews(
    client, world, make_member, django_assert_max_num_queries
):
    signer = make_member(Role.SIGNATORY, "own_municipality")
    add_reviews(world, signer, 1)
    url = world.pledge.get_absolute_url()
    one = count(client, url)
    add_reviews(world, signer, 19)
    assert count(client, url) == one
    with django_assert_max_num_queries(PLEDGE_PAGE_WITH_REVIEWS):
        page = client.get(url).content.decode()
    assert "Sammanfattning 20" in page and "Sammanfattning 1<" in page


def test_municipality_page_with_many_reviews(client, world, make_member):
    signer = make_member(Role.SIGNATORY, "own_municipality")
    add_reviews(world, signer, 1)
    url = world.own_municipality.get_absolute_url()
    one = count(client, url)
    add_reviews(world, signer, 19)
    assert count(client, url) == one


# Coordinator start page: 1 session, 2 user, 3 memberships; the follow-up overview:
# 4 the user's pledges, 5 their municipalities, 6 agreements, 7 their reviews, 8 the
# reviews' pledges' municipalities, 9 their sign-offs, 10 the years with logged
# activities (which periods can still be followed up); the activity log of the pledges
# still followed up (read off that overview): 11 pledges, 12 municipalities,
# 13 commitments, 14 totals per commitment and year, 15 latest entries; 16 the latest
# events.
START_PAGE_WITH_REVIEWS = 16


def test_coordinator_start_page_with_many_reviews(
    client, world, coordinator, make_member, django_assert_max_num_queries
):
    signer = make_member(Role.SIGNATORY, "own_municipality")
    add_reviews(world, signer, 1)
    client.force_login(coordinator)
    one = count(client, "/samordnare/")
    add_reviews(world, signer, 19)
    add_reviews(world, signer, 1, state=ReviewState.DRAFT)
    assert count(client, "/samordnare/") == one
    with django_assert_max_num_queries(START_PAGE_WITH_REVIEWS):
        client.get("/samordnare/")


def test_signatory_start_page_with_a_long_queue(
    client, world, make_member, django_assert_max_num_queries
):
    from tests.factories import PledgeFactory

    signer = make_member(Role.SIGNATORY, "own_municipality")
    client.force_login(signer)

    def submitted_review_of_new_pledge(index: int) -> None:
        pledge = PledgeFactory(
            slug=f"granby-{index}",
            police_area=world.own_police_area,
            municipalities=[world.own_municipality],
            period_start=world.pledge.period_start,
            period_end=world.pledge.period_end,
        )
        Review.objects.create(
            pledge=pledge,
            period_start=pledge.period_start,
            period_end=pledge.period_end,
            state=ReviewState.SUBMITTED,
            submitted_at=timezone.now(),
        )

    submitted_review_of_new_pledge(0)
    one = count(client, "/samordnare/")
    page = client.get("/samordnare/").content.decode()
    assert "1 uppföljning väntar på din underskrift" in page
    for index in range(1, 15):
        submitted_review_of_new_pledge(index)
    assert count(client, "/samordnare/") == one
    assert (
        "15 uppföljningar väntar på din underskrift" in client.get("/samordnare/").content.decode()
    )


def test_review_page_does_not_grow_with_items_and_events(client, world, coordinator, make_member):
    signer = make_member(Role.SIGNATORY, "own_municipality")
    (review,) = add_reviews(world, signer, 1, state=ReviewState.DRAFT)
    client.force_login(coordinator)
    url = f"/samordnare/uppfoljning/{review.pk}/"
    one = count(client, url)
    ReviewItem.objects.bulk_create(
        ReviewItem(review=review, order=10 + i, text=f"Extra löfte {i}") for i in range(30)
    )
    ReviewEvent.objects.bulk_create(
        ReviewEvent(review=review, kind="returned", user=signer, comment=f"Kommentar {i}")
        for i in range(30)
    )
    assert count(client, url) == one


@pytest.fixture(autouse=True)
def _db(db):
    return db


def test_agreement_page_shows_its_published_follow_ups_in_constant_queries(client, seeded):
    from agreements.models import Agreement

    agreement = Agreement.objects.get(slug="asele-2019-2022")
    url = agreement.get_absolute_url()
    none = count(client, url)
    assert "Uppföljning av överenskommelsen" in client.get(url).content.decode()
    for year in (2019, 2021, 2023):
        review = Review.objects.create(
            agreement=agreement,
            period_start=datetime.date(year, 1, 1),
            period_end=datetime.date(year + 1, 12, 31),
            summary=f"Uppföljning av åren {year}–{year + 1}.",
        )
        ReviewItem.objects.create(
            review=review, duty=agreement.duties.first(), text="Ett åtagande.", assessment="ongoing"
        )
        review.state = ReviewState.PUBLISHED
        review.published_at = timezone.now()
        review.save()
    page = client.get(url).content.decode()
    assert "Uppföljning av åren 2023–2024." in page and "Pågår" in page
    assert "Uppföljning 2019–2020" in page
    assert "Åtagande" in page  # an agreement's items are the parties' duties, not pledges
    # 1 published reviews (also with none), then 2 their items, 3 sign-offs, 4 PDFs.
    assert count(client, url) == none + 3
