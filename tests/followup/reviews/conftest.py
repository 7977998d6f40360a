"""Fixtures for the annual follow-up tests: the Granby pledge's people and its review.

The world fixture's Granby pledge has two parties (police area Norrskogen and Granby);
the seed pledges bring three municipalities (Södra Fyrbodal), a pledge without a police
area (Nordmaling) and an agreement followed up every two years (Åsele).

The last signature publishes with a sealed PDF, so the workflow modules import the
documents' autouse fixture, which seals with the test certificate.
"""

from __future__ import annotations

import pytest

from followup.models import Review, ReviewState
from tests.followup.review_fixtures import (
    People,
    fill,
    people_for,
    publish_through_sign_off,
    start_granby,
    submit,
)


@pytest.fixture
def granby_people(world) -> People:
    """The Granby pledge's coordinator, police signatory and municipal signatory."""
    return people_for(world.pledge)


@pytest.fixture
def submitted(world, granby_people) -> Review:
    review = start_granby(world, granby_people)
    fill(review, granby_people.coordinator)
    submit(review, granby_people.coordinator)
    review.refresh_from_db()
    return review


@pytest.fixture
def published(world, granby_people) -> Review:
    review = publish_through_sign_off(world.pledge, granby_people, 2024)
    assert review.state == ReviewState.PUBLISHED
    return review
