"""A municipality the seed data lacks (Björkvik) and its police area, with a pledge drafted
by its editors; the people of each role, and outsiders."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User

from agreements.models import Membership, Municipality, PoliceArea
from agreements.publishing.workflow import draft_slug
from pledges.models import Commitment, Pledge
from portal.choices import PublicationStatus
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.factories import (
    CommitmentFactory,
    FocusAreaFactory,
    MunicipalityFactory,
    PledgeFactory,
    PoliceAreaFactory,
)
from tests.followup.factories import MembershipFactory, UserFactory

PASSWORD = "ett-langt-testlosenord"  # UserFactory's password
Role = Membership.Role


@dataclass
class People:
    editor: User
    police_editor: User
    police_signatory: User
    municipal_signatory: User
    coordinator: User
    outsider_editor: User
    outsider_signatory: User


@dataclass
class Place:
    municipality: Municipality
    police_area: PoliceArea
    other_municipality: Municipality


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def place(db) -> Place:
    area = PoliceAreaFactory(name="Fjällby", slug="fjallby")
    municipality = MunicipalityFactory(name="Björkvik", slug="bjorkvik", police_area=area)
    other = MunicipalityFactory(name="Ekeby", slug="ekeby")
    return Place(municipality, area, other)


def member(role: str, organisation, first: str, last: str) -> User:
    user = UserFactory(first_name=first, last_name=last)
    field = "police_area" if isinstance(organisation, PoliceArea) else "municipality"
    other = "municipality" if field == "police_area" else "police_area"
    MembershipFactory(user=user, role=role, **{field: organisation, other: None})
    return user


@pytest.fixture
def people(place) -> People:
    return People(
        editor=member(Role.EDITOR, place.municipality, "Eva", "Redaktör"),
        police_editor=member(Role.EDITOR, place.police_area, "Per", "Polisredaktör"),
        police_signatory=member(Role.SIGNATORY, place.police_area, "Petra", "Polischef"),
        municipal_signatory=member(Role.SIGNATORY, place.municipality, "Kim", "Kommunalråd"),
        coordinator=member(Role.COORDINATOR, place.municipality, "Sam", "Samordnare"),
        outsider_editor=member(Role.EDITOR, place.other_municipality, "Olle", "Utomstående"),
        outsider_signatory=member(Role.SIGNATORY, place.other_municipality, "Ola", "Annan"),
    )


def make_draft(place: Place, *, commitments: int = 3, **kwargs) -> Pledge:
    pledge = PledgeFactory(
        status=PublicationStatus.DRAFT,
        slug=draft_slug(),
        title=kwargs.pop("title", "Medborgarlöfte 2027–2028, Björkvik"),
        police_area=place.police_area,
        municipalities=[place.municipality],
        period_start=datetime.date(2027, 1, 1),
        period_end=datetime.date(2028, 12, 31),
        **kwargs,
    )
    area = FocusAreaFactory(pledge=pledge, title="Trygg trafik", order=0)
    responsible = [
        Commitment.Responsible.POLICE,
        Commitment.Responsible.MUNICIPALITY,
        Commitment.Responsible.JOINT,
    ]
    for n in range(commitments):
        CommitmentFactory(
            pledge=pledge,
            focus_area=area,
            text=f"Björkviks löfte nummer {n + 1} om trafiken.",
            responsible=responsible[n % 3],
            kind=Commitment.Kind.YEARLY_TARGET if n % 2 == 0 else "",
            yearly_target=4 if n % 2 == 0 else None,
            order=n,
        )
    return pledge


@pytest.fixture
def draft(place) -> Pledge:
    return make_draft(place)
