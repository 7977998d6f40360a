"""An organisation with its administrator, a colleague and an outsider; posting the forms."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core import mail

from agreements.models import Membership
from tests.drafting_forms import form_data
from tests.factories import MunicipalityFactory
from tests.followup.factories import MembershipFactory, UserFactory

Role = Membership.Role


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(name="Lillby", slug="lillby", official_name="Lillby kommun")


@pytest.fixture
def administrator(municipality):
    """Alice administers Lillby."""
    user = UserFactory(first_name="Alice", last_name="Admin", email="alice@lillby.se")
    MembershipFactory(user=user, municipality=municipality, role=Role.ADMINISTRATOR)
    return user


@pytest.fixture
def colleague(municipality):
    """Bob coordinates in Lillby."""
    user = UserFactory(first_name="Bob", last_name="Berg", email="bob@lillby.se")
    MembershipFactory(user=user, municipality=municipality, role=Role.COORDINATOR)
    return user


@pytest.fixture
def outsider(db):
    """Charlie administers another municipality and must have no access to Lillby."""
    user = UserFactory(first_name="Charlie", last_name="Ute")
    MembershipFactory(user=user, role=Role.ADMINISTRATOR)
    return user


def post_form(client, path: str, values: dict[str, str | list[str]]):
    """GET the page, type ``values`` over what its form shows (a list for several ticked
    boxes), and POST every value as a browser would."""
    page = client.get(path)
    assert page.status_code == 200
    data = form_data(page.content.decode())
    for name, value in values.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    # A QueryDict posted as it is would send one value per name.
    return client.post(path, {name: data.getlist(name) for name in data})


def people_url(municipality) -> str:
    return f"/organisation/kommun/{municipality.slug}/personer/"


def invite(client, municipality, email: str, roles: list[str]):
    """Open the invite form, type the address, tick the roles and send it."""
    return post_form(
        client, people_url(municipality) + "bjud-in/", {"email": email, "roles": roles}
    )


def link_in(message) -> str:
    """The accept link's path in an invitation e-mail (checked in both of its parts)."""
    found = re.search(re.escape(settings.SITE_URL) + r"(/inbjudan/[\w-]+/)", message.body)
    assert found, message.body
    html = message.alternatives[0][0]
    assert f'href="{settings.SITE_URL}{found.group(1)}"' in html
    return found.group(1)


def last_link() -> str:
    return link_in(mail.outbox[-1])


def accept_new_account(client, path: str, **values):
    """Open the invitation link, fill in name, title and password, and send it."""
    values = {
        "first_name": "Dana",
        "last_name": "Dahl",
        "title": "Kommunchef",
        "password1": "Rabarber-Paj-1987",
        "password2": "Rabarber-Paj-1987",
        **values,
    }
    return post_form(client, path, values)
