"""The database holds the rules: one place per row, one row per address and place."""

from __future__ import annotations

import pytest
from django.db import IntegrityError

from following.models import Follower
from tests.factories import MunicipalityFactory, PoliceAreaFactory

pytestmark = pytest.mark.django_db


def test_a_follower_follows_exactly_one_place():
    with pytest.raises(IntegrityError):
        Follower.objects.create(email="a@example.se")


def test_a_follower_cannot_follow_two_places_in_one_row():
    municipality = MunicipalityFactory()
    with pytest.raises(IntegrityError):
        Follower.objects.create(
            email="a@example.se", municipality=municipality, police_area=municipality.police_area
        )


@pytest.mark.parametrize("field", ["municipality", "police_area"])
def test_an_address_follows_a_place_once(field):
    place = MunicipalityFactory() if field == "municipality" else PoliceAreaFactory()
    Follower.objects.create(email="a@example.se", **{field: place})
    with pytest.raises(IntegrityError):
        Follower.objects.create(email="a@example.se", **{field: place})
