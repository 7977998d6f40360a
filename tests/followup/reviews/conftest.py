"""Fixtures for the annual follow-up tests: the Granby pledge's people and its review.

The world fixture's Granby pledge has two parties (police area Norrskogen and Granby);
the seed pledges bring three municipalities (Södra Fyrbodal), a pledge without a police
area (Nordmaling) and an agreement followed up every two years (Åsele).

The last signature publishes with a sealed PDF, so the workflow modules import the
documents' autouse fixture, which seals with the test certificate.
"""

from __future__ import annotations

import datetime

import pytest

from followup.models import Review, ReviewState
from pledges.models import Commitment
from tests.factories import CommitmentFactory, PledgeFactory
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


@pytest.fixture
def old_pledge(world):
    """A pledge for 2017–2019 of the world's parties, with nothing logged in the portal."""
    pledge = PledgeFactory(
        slug="granby-2017-2019",
        title="Medborgarlöfte 2017–2019, Granby kommun",
        police_area=world.own_police_area,
        municipalities=[world.own_municipality],
        period_start=datetime.date(2017, 1, 1),
        period_end=datetime.date(2019, 12, 31),
    )
    CommitmentFactory(
        pledge=pledge,
        text="Polisen genomför fyra trafikkontroller per år.",
        kind=Commitment.Kind.YEARLY_TARGET,
        yearly_target=4,
    )
    CommitmentFactory(pledge=pledge, text="Kommunen ordnar trygghetsvandringar.")
    return pledge
