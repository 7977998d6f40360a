"""Stale copies and simultaneous requests: each party signs once, one approval, one review.

The two-thread tests need a database that threads share, so SQLite skips them.
"""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from agreements.models import Membership
from followup.models import Review, ReviewEvent, ReviewItem, ReviewSignOff, ReviewState
from followup.reviews import services as reviews
from followup.reviews import signing
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.followup.review_fixtures import (
    JAN_2024,
    PASSWORD,
    issued_for,
    member,
    people_for,
    start_fill_submit,
)

pytestmark = pytest.mark.django_db


def test_signatory_with_a_stale_copy_still_counts_and_approval_happens_once(
    submitted, granby_people
):
    people = granby_people
    seen_by_municipality = Review.objects.get(pk=submitted.pk)
    seen_by_police = Review.objects.get(pk=submitted.pk)

    signing.review_sign(
        user=people.police,
        review=seen_by_police,
        password=PASSWORD,
        content_version=seen_by_police.content_version,
    )
    signing.review_sign(
        user=people.municipalities["Granby"],
        review=seen_by_municipality,
        password=PASSWORD,
        content_version=seen_by_municipality.content_version,
    )

    submitted.refresh_from_db()
    assert submitted.state == ReviewState.PUBLISHED
    assert ReviewSignOff.objects.filter(review=submitted).count() == 2
    assert submitted.events.filter(kind=ReviewEvent.Kind.APPROVED).count() == 1
    assert len(issued_for(submitted)) == 1


@pytest.mark.django_db(transaction=True)
def test_two_parties_signing_at_the_same_moment_both_count_once(world):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's in-memory test database is not shared between threads.")
    people = people_for(world.pledge)
    review = start_fill_submit(world.pledge, people, 2024)
    barrier = threading.Barrier(2, timeout=30)
    errors: list[BaseException] = []

    def sign_now(user) -> None:
        try:
            stale = Review.objects.get(pk=review.pk)
            barrier.wait()
            signing.review_sign(
                user=user, review=stale, password=PASSWORD, content_version=stale.content_version
            )
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_now, args=(u,)) for u in people.signatories]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors
    review.refresh_from_db()
    assert review.state == ReviewState.PUBLISHED
    assert ReviewSignOff.objects.filter(review=review).count() == 2
    assert {s.user for s in review.sign_offs.all()} == set(people.signatories)
    assert review.events.filter(kind=ReviewEvent.Kind.SIGNED).count() == 2
    assert review.events.filter(kind=ReviewEvent.Kind.APPROVED).count() == 1
    assert len(issued_for(review)) == 1


@pytest.mark.django_db(transaction=True)
def test_two_signatories_of_one_party_at_the_same_moment_sign_once(world):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's in-memory test database is not shared between threads.")
    people = people_for(world.pledge)
    review = start_fill_submit(world.pledge, people, 2024)
    second_police = member(Membership.Role.SIGNATORY, world.own_police_area)
    barrier = threading.Barrier(2, timeout=30)
    outcomes: list[object] = []

    def sign_now(user) -> None:
        try:
            stale = Review.objects.get(pk=review.pk)
            barrier.wait()
            outcomes.append(
                signing.review_sign(
                    user=user,
                    review=stale,
                    password=PASSWORD,
                    content_version=stale.content_version,
                )
            )
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_now, args=(u,)) for u in (people.police, second_police)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    signed = [o for o in outcomes if isinstance(o, list)]
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert (len(signed), len(refused)) == (1, 1), outcomes
    assert ReviewSignOff.objects.filter(review=review).count() == 1
    review.refresh_from_db()
    assert review.state == ReviewState.SUBMITTED


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_starting_at_the_same_moment_get_one_review(world, colleague):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's in-memory test database is not shared between threads.")
    people = people_for(world.pledge)
    barrier = threading.Barrier(2, timeout=30)
    outcomes: list[object] = []

    def start_now(user) -> None:
        try:
            barrier.wait()
            outcomes.append(
                reviews.review_start(user=user, document=world.pledge, period_start=JAN_2024)
            )
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            outcomes.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=start_now, args=(u,)) for u in (people.coordinator, colleague)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert all(isinstance(o, Review) for o in outcomes), outcomes
    assert len({o.pk for o in outcomes}) == 1
    assert Review.objects.count() == 1
    assert ReviewItem.objects.count() == 2
    assert ReviewEvent.objects.filter(kind=ReviewEvent.Kind.STARTED).count() == 1
