"""A municipality the seed data lacks (Björkvik) and its police area (Fjällby), the
people of each role there, and an editor of another organisation (Ekeby)."""

from __future__ import annotations

import datetime

import pytest

from agreements.models import Agreement, Membership
from agreements.publishing.workflow import draft_slug
from portal.choices import PublicationStatus
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.factories import AgreementFactory
from tests.publishing import conftest as publishing
from tests.publishing.conftest import People, Place

Role = Membership.Role
# The publishing tests' world: Björkvik, Fjällby, Ekeby and a person of each role.
place = publishing.place
people = publishing.people


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor_client(client, people: People):
    client.force_login(people.editor)
    return client


def make_agreement_draft(place: Place, **kwargs) -> Agreement:
    return AgreementFactory(
        status=PublicationStatus.DRAFT,
        slug=draft_slug(),
        title=kwargs.pop("title", "Samverkansöverenskommelse 2027–2030, Björkvik"),
        police_area=place.police_area,
        municipalities=[place.municipality],
        valid_from=datetime.date(2027, 1, 1),
        valid_until=datetime.date(2030, 12, 31),
        **kwargs,
    )


@pytest.fixture
def agreement_draft(place: Place) -> Agreement:
    return make_agreement_draft(place)
