"""A small world for the activity log: one pledge of municipality A and police area P.

Other organisations (municipality B, police area Q) stand for the outsiders.
"""

import datetime
from dataclasses import dataclass

import pytest

from agreements.models import Membership, Municipality, PoliceArea
from followup.models import Activity
from pledges.models import Commitment, FocusArea, Pledge
from tests.factories import (
    CommitmentFactory,
    FocusAreaFactory,
    MunicipalityFactory,
    PledgeFactory,
    PoliceAreaFactory,
)
from tests.followup.factories import ActivityFactory, MembershipFactory, UserFactory


@dataclass
class World:
    own_municipality: Municipality
    own_police_area: PoliceArea
    other_municipality: Municipality
    other_police_area: PoliceArea
    pledge: Pledge
    focus_area: FocusArea
    commitment: Commitment
    on_request: Commitment
    activity: Activity

    def organisation(self, name: str) -> Municipality | PoliceArea:
        return getattr(self, name)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing every test user's password with the production hasher only costs time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world_pledge() -> dict:
    """Values for the world's pledge. A test that needs another pledge overrides them with
    ``@pytest.mark.parametrize("world_pledge", [{...}])``: a published pledge is never
    edited in place, so the situation is built before it is published."""
    return {}


@pytest.fixture
def world(db, world_pledge) -> World:
    own_area = PoliceAreaFactory(name="Norrskogen", slug="norrskogen")
    other_area = PoliceAreaFactory(name="Söderslätt", slug="soderslatt")
    own = MunicipalityFactory(name="Granby", slug="granby", police_area=own_area)
    other = MunicipalityFactory(name="Ekeby", slug="ekeby", police_area=other_area)
    pledge = PledgeFactory(
        **{
            "slug": "granby-2024",
            "title": "Medborgarlöfte 2024, Granby kommun",
            "police_area": own_area,
            "municipalities": [own],
            "period_start": datetime.date(2024, 1, 1),
            "period_end": datetime.date(2024, 12, 31),
            **world_pledge,
        }
    )
    # The other municipality has its own pledge, so it is a real party elsewhere.
    PledgeFactory(
        slug="ekeby-2024",
        police_area=other_area,
        municipalities=[other],
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 12, 31),
    )
    focus_area = FocusAreaFactory(pledge=pledge, title="Trafik")
    commitment = CommitmentFactory(
        pledge=pledge,
        text="Vid minst sex tillfällen per år genomförs en trafikkontroll.",
        kind=Commitment.Kind.YEARLY_TARGET,
        yearly_target=6,
        focus_area=focus_area,
    )
    on_request = CommitmentFactory(
        pledge=pledge,
        text="Om det uppkommer önskemål om trygghetsvandringar bistår kommun och polis.",
        kind=Commitment.Kind.ON_REQUEST,
        yearly_target=None,
    )
    activity = ActivityFactory(commitment=commitment, text="Första trafikkontrollen")
    return World(
        own, own_area, other, other_area, pledge, focus_area, commitment, on_request, activity
    )


@pytest.fixture
def make_member(world):
    """make_member(role, "own_municipality") → a user with that role in that organisation."""

    def make(role: str, organisation: str):
        org = world.organisation(organisation)
        field = "police_area" if isinstance(org, PoliceArea) else "municipality"
        other_field = "municipality" if field == "police_area" else "police_area"
        return MembershipFactory(
            user=UserFactory(), role=role, **{field: org, other_field: None}
        ).user

    return make


@pytest.fixture
def coordinator(make_member):
    """The owner: a coordinator in the pledge's municipality."""
    return make_member(Membership.Role.COORDINATOR, "own_municipality")


@pytest.fixture
def colleague(make_member):
    """A colleague: a coordinator in the pledge's police area."""
    return make_member(Membership.Role.COORDINATOR, "own_police_area")


@pytest.fixture
def outsider(make_member):
    """An outsider: a coordinator in another municipality."""
    return make_member(Membership.Role.COORDINATOR, "other_municipality")


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client
