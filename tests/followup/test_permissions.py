"""The whole matrix: roles × organisations × actions, as functions and through the web."""

import pytest

from agreements.models import Membership, Party
from agreements.permissions import (
    can_edit_documents,
    can_log_activity,
    can_sign_off,
    forget_roles,
)
from followup.activities.permissions import can_change_activity, can_log_for_commitment
from followup.models import Activity, PlannedActivity
from pledges.models import Commitment
from tests.factories import CommitmentFactory, MunicipalityFactory, PledgeFactory
from tests.followup.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

Role = Membership.Role
ROLES = [Role.COORDINATOR, Role.SIGNATORY, Role.EDITOR]
OWN = ["own_municipality", "own_police_area"]
OTHER = ["other_municipality", "other_police_area"]
ACTIONS = ["log", "correct", "withdraw", "add_planned"]
# Who may do each action: the role, in one of the pledge's own organisations.
ALLOWED_ROLE = {
    "log": Role.COORDINATOR,
    "correct": Role.COORDINATOR,
    "withdraw": Role.COORDINATOR,
    "add_planned": Role.EDITOR,
}
FUNCTIONS = {
    Role.COORDINATOR: can_log_activity,
    Role.SIGNATORY: can_sign_off,
    Role.EDITOR: can_edit_documents,
}


@pytest.mark.parametrize("organisation", OWN + OTHER)
@pytest.mark.parametrize("held_role", ROLES)
@pytest.mark.parametrize("asked_role", ROLES)
def test_role_functions_hold_only_for_the_role_in_a_party(
    world, make_member, held_role, asked_role, organisation
):
    user = make_member(held_role, organisation)
    allowed = FUNCTIONS[asked_role](
        user,
        parties=[
            Party(municipality=world.own_municipality),
            Party(police_area=world.own_police_area),
        ],
    )
    assert allowed is (held_role == asked_role and organisation in OWN)


def test_change_follows_log(world, coordinator, outsider):
    assert can_change_activity(coordinator, world.activity)
    assert not can_change_activity(outsider, world.activity)


def test_anonymous_and_inactive_users_hold_no_role(world, coordinator):
    from django.contrib.auth.models import AnonymousUser

    parties = {"parties": [Party(municipality=world.own_municipality)]}
    assert not can_log_activity(AnonymousUser(), **parties)
    coordinator.is_active = False
    forget_roles(coordinator)
    assert not can_log_activity(coordinator, **parties)


def test_named_municipality_commitment_belongs_to_that_municipality_only(world):
    second = MunicipalityFactory(police_area=world.own_police_area)
    pledge = PledgeFactory(
        police_area=world.own_police_area, municipalities=[world.own_municipality, second]
    )
    commitment = CommitmentFactory(
        pledge=pledge,
        yearly_target=None,
        text="Granby ordnar en föräldraträff.",
        responsible=Commitment.Responsible.NAMED_MUNICIPALITY,
        responsible_municipality=world.own_municipality,
        kind=Commitment.Kind.ONE_OFF,
    )
    granby = MembershipFactory(municipality=world.own_municipality).user
    neighbour = MembershipFactory(municipality=second).user
    police = MembershipFactory(municipality=None, police_area=world.own_police_area).user
    assert can_log_for_commitment(granby, commitment)
    assert not can_log_for_commitment(police, commitment)
    assert not can_log_for_commitment(neighbour, commitment)


@pytest.mark.parametrize(
    ("responsible", "municipality_logs", "police_logs"),
    [
        (Commitment.Responsible.JOINT, True, True),
        (Commitment.Responsible.POLICE, False, True),
        (Commitment.Responsible.MUNICIPALITY, True, False),
    ],
)
def test_coordinators_log_only_for_commitments_their_organisation_answers_for(
    world, responsible, municipality_logs, police_logs
):
    commitment = CommitmentFactory(
        pledge=world.pledge,
        text="Ett löfte",
        responsible=responsible,
        kind=Commitment.Kind.ONGOING,
        yearly_target=None,
    )
    municipality = MembershipFactory(municipality=world.own_municipality).user
    police = MembershipFactory(municipality=None, police_area=world.own_police_area).user
    assert can_log_for_commitment(municipality, commitment) is municipality_logs
    assert can_log_for_commitment(police, commitment) is police_logs


def test_membership_needs_exactly_one_organisation(world):
    from django.core.exceptions import ValidationError

    membership = Membership(user=UserFactory(), role=Role.EDITOR)
    with pytest.raises(ValidationError, match="antingen en kommun eller ett lokalpolisområde"):
        membership.full_clean()
    membership.municipality = world.own_municipality
    membership.police_area = world.own_police_area
    with pytest.raises(ValidationError):
        membership.full_clean()


# Through the web -------------------------------------------------------------


def _request(client, world, action: str):
    """Perform ``action`` on the world's pledge; return the response."""
    if action == "log":
        return client.post(
            f"/samordnare/lofte/{world.commitment.pk}/logga/",
            {
                f"c{world.commitment.pk}-date": "2024-06-01",
                f"c{world.commitment.pk}-text": "Trafikkontroll vid skolan",
                f"c{world.commitment.pk}-count": "1",
            },
        )
    if action == "correct":
        return client.post(
            f"/samordnare/aktivitet/{world.activity.pk}/andra/",
            {
                "date": "2024-05-14",
                "text": "Ändrad text",
                "count": "2",
                "version": str(world.activity.version),
            },
        )
    if action == "withdraw":
        return client.post(f"/samordnare/aktivitet/{world.activity.pk}/ta-bort/")
    if action == "add_planned":
        return client.post(
            f"/samordnare/fokusomrade/{world.focus_area.pk}/planerad-aktivitet/",
            {"text": "Hastighetsmätning vid skolan i höst"},
        )
    raise AssertionError(action)


def _changed(world, action: str) -> bool:
    if action == "log":
        return Activity.objects.filter(text="Trafikkontroll vid skolan").exists()
    world.activity.refresh_from_db()
    if action == "correct":
        return world.activity.text == "Ändrad text"
    if action == "withdraw":
        return world.activity.is_withdrawn
    return PlannedActivity.objects.exists()


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("organisation", OWN + OTHER)
@pytest.mark.parametrize("role", ROLES)
def test_web_action_allowed_only_for_right_role_in_own_organisation(
    client, world, make_member, role, organisation, action
):
    client.force_login(make_member(role, organisation))
    response = _request(client, world, action)
    allowed = role == ALLOWED_ROLE[action] and organisation in OWN
    if allowed:
        assert response.status_code == 302
        assert _changed(world, action)
    else:
        assert response.status_code == 403
        assert "Du saknar behörighet" in response.content.decode()
        assert not _changed(world, action)


@pytest.mark.parametrize("action", ACTIONS)
def test_user_without_membership_gets_403(client, world, action):
    client.force_login(UserFactory())
    response = _request(client, world, action)
    assert response.status_code == 403
    assert not _changed(world, action)


@pytest.mark.parametrize("action", ACTIONS)
def test_anonymous_visitor_is_sent_to_login(client, world, action):
    response = _request(client, world, action)
    assert response.status_code == 302
    assert response["Location"].startswith("/logga-in/")
    assert not _changed(world, action)


def test_coordinator_cannot_see_other_municipality_history(client, world, outsider):
    client.force_login(outsider)
    response = client.get(f"/samordnare/aktivitet/{world.activity.pk}/historik/")
    assert response.status_code == 403


def test_unknown_activity_is_404(coordinator_client, world):
    assert coordinator_client.get("/samordnare/aktivitet/999999/andra/").status_code == 404
