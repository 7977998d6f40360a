"""Staff manage users and memberships in the admin."""

import pytest

from agreements.models import Membership
from tests.followup.factories import ActivityFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_staff_see_memberships_and_user_roles(staff_client, world):
    membership = MembershipFactory(municipality=world.own_municipality)
    page = staff_client.get("/admin/agreements/membership/").content.decode()
    assert membership.user.username in page
    user_page = staff_client.get(f"/admin/auth/user/{membership.user.pk}/change/")
    assert user_page.status_code == 200
    assert "memberships-TOTAL_FORMS" in user_page.content.decode()


def test_staff_give_a_user_a_role_on_the_user_page(staff_client, world):
    user = UserFactory()
    page = staff_client.get(f"/admin/auth/user/{user.pk}/change/").content.decode()
    assert "Medlemskap" in page or "medlemskap" in page
    data = {
        "username": user.username,
        "first_name": "",
        "last_name": "",
        "email": "",
        "is_active": "on",
        "date_joined_0": "2024-01-01",
        "date_joined_1": "10:00:00",
        "initial-date_joined_0": "2024-01-01",
        "initial-date_joined_1": "10:00:00",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "memberships-0-role": Membership.Role.COORDINATOR,
        "memberships-0-municipality": str(world.own_municipality.pk),
        "memberships-0-police_area": "",
    }
    response = staff_client.post(f"/admin/auth/user/{user.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert user.memberships.get().municipality == world.own_municipality


def test_activity_admin_is_read_only(staff_client, world):
    activity = ActivityFactory(commitment=world.commitment)
    assert staff_client.get("/admin/followup/activity/").status_code == 200
    page = staff_client.get(f"/admin/followup/activity/{activity.pk}/change/")
    assert page.status_code == 200
    assert 'name="text"' not in page.content.decode()
    assert staff_client.get(f"/admin/followup/activity/{activity.pk}/history/").status_code == 200


def test_staff_cannot_restore_an_old_version_of_an_activity(staff_client, world):
    activity = world.activity
    first = activity.history.earliest()
    activity.text = "Rättad text"
    activity.version += 1
    activity.save()
    url = f"/admin/followup/activity/{activity.pk}/history/{first.history_id}/"
    assert staff_client.get(url).status_code == 200  # earlier versions can be read
    response = staff_client.post(url, {"text": first.text, "date": "2024-05-14", "count": 1})
    assert response.status_code == 403
    activity.refresh_from_db()
    assert (activity.text, activity.version) == ("Rättad text", 2)
