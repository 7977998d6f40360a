"""A small world for drafting: municipality Norrby and police area Fjällen, which the
seed data lacks, and another organisation (Söderby, Slätten) for the outsiders."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from agreements.models import Membership, Municipality, PoliceArea
from pledges.models import Pledge
from portal.choices import PublicationStatus
from tests.factories import MunicipalityFactory, PledgeFactory, PoliceAreaFactory
from tests.followup.factories import MembershipFactory, UserFactory


@dataclass
class World:
    municipality: Municipality
    police_area: PoliceArea
    other_municipality: Municipality
    other_police_area: PoliceArea


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db) -> World:
    area = PoliceAreaFactory(name="Fjällen", slug="fjallen")
    other_area = PoliceAreaFactory(name="Slätten", slug="slatten")
    return World(
        municipality=MunicipalityFactory(
            name="Norrby", official_name="Norrby kommun", slug="norrby", police_area=area
        ),
        police_area=area,
        other_municipality=MunicipalityFactory(
            name="Söderby", official_name="Söderby kommun", slug="soderby", police_area=other_area
        ),
        other_police_area=other_area,
    )


@pytest.fixture
def member(world):
    """member(role, organisation) → a new user with that role there."""

    def make(role: str, organisation: Municipality | PoliceArea):
        if isinstance(organisation, PoliceArea):
            where = {"police_area": organisation, "municipality": None}
        else:
            where = {"municipality": organisation, "police_area": None}
        return MembershipFactory(user=UserFactory(), role=role, **where).user

    return make


@pytest.fixture
def editor(member, world):
    """The owner: an editor in Norrby."""
    return member(Membership.Role.EDITOR, world.municipality)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def draft(world, editor) -> Pledge:
    """A draft of Norrby and Fjällen with no focus areas or commitments yet."""
    return PledgeFactory(
        title="Medborgarlöfte 2026, Norrby",
        slug="utkast-norrby",
        status=PublicationStatus.DRAFT,
        police_area=world.police_area,
        municipalities=[world.municipality],
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        created_by=editor,
    )
