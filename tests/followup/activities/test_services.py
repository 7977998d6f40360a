"""The services check the role themselves, so commands and future views cannot skip it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from followup.activities import services
from followup.models import Activity
from portal.choices import PublicationStatus

pytestmark = pytest.mark.django_db


def test_activity_log_refuses_an_outsider(world, outsider):
    with pytest.raises(PermissionDenied):
        services.activity_log(
            user=outsider, commitment=world.commitment, date=datetime.date(2024, 3, 1), text="x"
        )


@pytest.mark.parametrize("world_pledge", [{"status": PublicationStatus.DRAFT}], ids=["draft"])
def test_activity_log_refuses_a_draft_pledge(world, coordinator):
    with pytest.raises(PermissionDenied):
        services.activity_log(
            user=coordinator, commitment=world.commitment, date=datetime.date(2024, 3, 1), text="x"
        )


def test_activity_log_validates_with_swedish_messages(world, coordinator):
    with pytest.raises(ValidationError) as error:
        services.activity_log(
            user=coordinator,
            commitment=world.commitment,
            date=datetime.date(2025, 1, 1),
            text=" ",
            count=0,
        )
    messages = error.value.message_dict
    assert messages["date"] == ["Datumet måste ligga inom medborgarlöftets period, 2024."]
    assert "Beskriv vad som gjordes." in messages["text"]
    assert "Antal tillfällen måste vara minst 1." in messages["count"]


def test_request_kinds_only_for_on_request_commitments(world, coordinator):
    with pytest.raises(ValidationError, match="Önskemål loggas bara"):
        services.activity_log(
            user=coordinator,
            commitment=world.commitment,
            date=datetime.date(2024, 3, 1),
            text="x",
            kind=Activity.Kind.REQUEST_RECEIVED,
        )
    with pytest.raises(ValidationError, match="kom in eller besvarades"):
        services.activity_log(
            user=coordinator,
            commitment=world.on_request,
            date=datetime.date(2024, 3, 1),
            text="x",
        )


def test_correct_with_an_old_version_raises_conflict_and_changes_nothing(world, coordinator):
    fields = {"date": datetime.date(2024, 5, 14), "count": 1}
    services.activity_correct(
        user=coordinator, activity=world.activity, version=1, text="Först", **fields
    )
    with pytest.raises(services.ActivityConflict) as conflict:
        services.activity_correct(
            user=coordinator, activity=world.activity, version=1, text="Sedan", **fields
        )
    assert conflict.value.current.text == "Först"
    world.activity.refresh_from_db()
    assert (world.activity.text, world.activity.version) == ("Först", 2)


def test_withdraw_is_recorded_once_with_who(world, coordinator):
    services.activity_withdraw(user=coordinator, activity=world.activity)
    services.activity_withdraw(user=coordinator, activity=world.activity)
    world.activity.refresh_from_db()
    assert world.activity.is_withdrawn
    latest = world.activity.history.order_by("-history_date").first()
    assert latest.history_user == coordinator and latest.withdrawn_at is not None
    assert world.activity.history.count() == 2


def test_signatory_sees_no_log_forms(client, world, make_member):
    client.force_login(make_member("signatory", "own_municipality"))
    page = client.get("/samordnare/").content.decode()
    assert "Logga aktivitet" not in page
    assert "Ingen uppföljning väntar på din underskrift just nu." in page
