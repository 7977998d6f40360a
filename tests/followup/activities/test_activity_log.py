"""Logging, correcting and withdrawing activities; validation; concurrent edits."""

import datetime

import pytest
from django.utils import timezone

from followup.models import Activity, PlannedActivity

pytestmark = pytest.mark.django_db


def log_url(commitment) -> str:
    return f"/samordnare/lofte/{commitment.pk}/logga/"


def log_data(commitment, **values) -> dict:
    data = {"date": "2024-06-01", "text": "Trafikkontroll vid skolan", "count": "1"}
    data.update(values)
    return {f"c{commitment.pk}-{name}": value for name, value in data.items()}


def test_coordinator_logs_activity_with_all_fields(coordinator_client, world, coordinator):
    response = coordinator_client.post(
        log_url(world.commitment),
        log_data(
            world.commitment,
            count="3",
            place="Granby skola",
            link="https://example.org/nyhet",
            internal_note="Två patruller",
        ),
    )
    assert response.status_code == 302
    activity = Activity.objects.get(text="Trafikkontroll vid skolan")
    assert (activity.date, activity.count, activity.place) == (
        datetime.date(2024, 6, 1),
        3,
        "Granby skola",
    )
    assert activity.internal_note == "Två patruller"
    assert activity.created_by == coordinator
    assert activity.history.get().history_user == coordinator


def test_count_defaults_to_one_on_the_form(coordinator_client, world):
    page = coordinator_client.get("/samordnare/").content.decode()
    assert f'name="c{world.commitment.pk}-count" value="1"' in page


def test_form_fields_have_labels_and_csrf(coordinator_client, world):
    page = coordinator_client.get(log_url(world.commitment)).content.decode()
    for name in ["date", "text", "count", "place", "link", "internal_note"]:
        assert f'<label for="id_c{world.commitment.pk}-{name}">' in page
    assert "csrfmiddlewaretoken" in page


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"text": ""}, "text", "Beskriv vad som gjordes."),
        ({"text": "   "}, "text", "Beskriv vad som gjordes."),
        ({"count": "0"}, "count", "Antal tillfällen måste vara minst 1."),
        ({"count": "-2"}, "count", "Antal tillfällen måste vara minst 1."),
        ({"date": ""}, "date", "Ange datumet då aktiviteten genomfördes."),
        ({"date": "14/5"}, "date", "Ange ett giltigt datum"),
        ({"date": "2023-12-31"}, "date", "Datumet måste ligga inom medborgarlöftets period, 2024."),
        ({"link": "inte en adress"}, "link", "Ange en fullständig webbadress"),
    ],
)
def test_invalid_activity_gets_swedish_message_tied_to_field(
    coordinator_client, world, values, field, message
):
    response = coordinator_client.post(
        log_url(world.commitment), log_data(world.commitment, **values)
    )
    assert response.status_code == 400
    page = response.content.decode()
    prefix = f"id_c{world.commitment.pk}-{field}"
    assert f'<p class="error-text" id="{prefix}_error">{message}' in page
    assert f'aria-describedby="{prefix}_error' in page
    assert "Aktiviteten är inte sparad" in page
    assert Activity.objects.count() == 1  # only the world's own activity


@pytest.mark.parametrize(
    "world_pledge", [{"period_end": datetime.date(2099, 12, 31)}], ids=["pledge-until-2099"]
)
def test_date_in_the_future_is_refused(coordinator_client, world):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = coordinator_client.post(
        log_url(world.commitment), log_data(world.commitment, date=tomorrow.isoformat())
    )
    assert response.status_code == 400
    assert "Datumet kan inte ligga i framtiden." in response.content.decode()


def test_on_request_commitment_logs_requests_received_and_answered(coordinator_client, world):
    for kind in ["request_received", "request_received", "request_answered"]:
        response = coordinator_client.post(
            log_url(world.on_request), log_data(world.on_request, kind=kind)
        )
        assert response.status_code == 302
    kinds = sorted(world.on_request.activities.values_list("kind", flat=True))
    assert kinds == ["request_answered", "request_received", "request_received"]


def test_coordinator_corrects_activity_and_history_keeps_both(
    coordinator_client, world, coordinator
):
    response = coordinator_client.post(
        f"/samordnare/aktivitet/{world.activity.pk}/andra/",
        {"date": "2024-05-15", "text": "Rättad text", "count": "2", "version": "1"},
    )
    assert response.status_code == 302
    world.activity.refresh_from_db()
    assert (world.activity.text, world.activity.count, world.activity.version) == (
        "Rättad text",
        2,
        2,
    )
    records = list(world.activity.history.order_by("history_date"))
    assert [r.text for r in records] == ["Första trafikkontrollen", "Rättad text"]
    assert records[-1].history_user == coordinator
    page = coordinator_client.get(f"/samordnare/aktivitet/{world.activity.pk}/historik/")
    text = page.content.decode()
    assert "Första trafikkontrollen" in text and "Rättad text" in text
    assert coordinator.username in text or coordinator.get_full_name() in text


def test_second_of_two_concurrent_corrections_is_told_and_keeps_input(
    client, world, coordinator, colleague
):
    url = f"/samordnare/aktivitet/{world.activity.pk}/andra/"
    # Both open the form at version 1.
    client.force_login(coordinator)
    assert 'name="version" value="1"' in client.get(url).content.decode()
    client.post(url, {"date": "2024-05-14", "text": "Först sparad", "count": "1", "version": "1"})

    client.force_login(colleague)
    response = client.post(
        url, {"date": "2024-05-20", "text": "Min viktiga text", "count": "4", "version": "1"}
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Någon annan har ändrat aktiviteten medan du redigerade den." in page
    # Their input is still in the form, the saved version is shown beside it…
    assert "Min viktiga text</textarea>" in page
    assert 'value="4"' in page and 'value="2024-05-20"' in page
    assert "Först sparad" in page
    # …and the form now carries the current version, so saving again works.
    assert 'name="version" value="2"' in page
    world.activity.refresh_from_db()
    assert world.activity.text == "Först sparad"

    response = client.post(
        url, {"date": "2024-05-20", "text": "Min viktiga text", "count": "4", "version": "2"}
    )
    assert response.status_code == 302
    world.activity.refresh_from_db()
    assert (world.activity.text, world.activity.version) == ("Min viktiga text", 3)


def test_withdrawn_activity_leaves_public_page_but_stays_in_history(
    coordinator_client, world, client
):
    public = world.pledge.get_absolute_url()
    assert "Första trafikkontrollen" in coordinator_client.get(public).content.decode()

    response = coordinator_client.post(f"/samordnare/aktivitet/{world.activity.pk}/ta-bort/")
    assert response.status_code == 302

    page = coordinator_client.get(public).content.decode()
    assert "Första trafikkontrollen" not in page
    assert "0 av 6 tillfällen 2024" in page
    world.activity.refresh_from_db()
    assert world.activity.is_withdrawn
    history = coordinator_client.get(f"/samordnare/aktivitet/{world.activity.pk}/historik/")
    text = history.content.decode()
    assert "Första trafikkontrollen" in text and "Återkallad" in text
    assert world.activity.history.count() == 2


def test_withdrawn_activity_cannot_be_corrected(coordinator_client, world):
    coordinator_client.post(f"/samordnare/aktivitet/{world.activity.pk}/ta-bort/")
    response = coordinator_client.post(
        f"/samordnare/aktivitet/{world.activity.pk}/andra/",
        {"date": "2024-05-15", "text": "Försök", "count": "1", "version": "2"},
    )
    assert response.status_code == 302
    world.activity.refresh_from_db()
    assert world.activity.text == "Första trafikkontrollen"


def test_editor_adds_planned_activity_marked_as_added_after_signing(client, world, make_member):
    client.force_login(make_member("editor", "own_municipality"))
    start = client.get("/samordnare/").content.decode()
    assert f"/samordnare/fokusomrade/{world.focus_area.pk}/planerad-aktivitet/" in start
    response = client.post(
        f"/samordnare/fokusomrade/{world.focus_area.pk}/planerad-aktivitet/",
        {"text": "Hastighetsmätning vid skolan i höst"},
    )
    assert response.status_code == 302
    planned = PlannedActivity.objects.get()
    page = client.get(world.pledge.get_absolute_url()).content.decode()
    assert "Hastighetsmätning vid skolan i höst" in page
    added = planned.created_at.astimezone(timezone.get_current_timezone()).date()
    from django.utils.formats import date_format

    assert f"tillagd efter undertecknandet, {date_format(added, 'j F Y')}" in page


def test_planned_activity_text_is_required(client, world, make_member):
    client.force_login(make_member("editor", "own_police_area"))
    response = client.post(
        f"/samordnare/fokusomrade/{world.focus_area.pk}/planerad-aktivitet/", {"text": ""}
    )
    assert response.status_code == 400
    assert "Beskriv den planerade aktiviteten." in response.content.decode()


def test_coordinator_start_page_lists_commitments_with_progress_per_year(coordinator_client, world):
    page = coordinator_client.get("/samordnare/").content.decode()
    assert world.pledge.title in page
    assert world.commitment.text in page
    assert world.on_request.text in page
    assert "1 av 6" in page
    assert "Logga aktivitet" in page
    # An ended pledge whose follow-up is not signed off is still listed.
    assert "den årliga uppföljningen är inte undertecknad ännu" in page
    assert "Ekeby" not in page


def test_start_page_needs_login(client):
    response = client.get("/samordnare/")
    assert response.status_code == 302
    assert response["Location"] == "/logga-in/?next=/samordnare/"


def test_nav_shows_my_commitments_only_when_logged_in(client, coordinator_client, world):
    assert "Mina åtaganden" in coordinator_client.get("/").content.decode()
    client.logout()
    assert "Mina åtaganden" not in client.get("/").content.decode()


def test_nordmaling_editor_attaches_activities_to_a_focus_area(seeded, client):
    from agreements.models import Membership, Municipality
    from pledges.models import Pledge
    from tests.followup.factories import MembershipFactory

    pledge = Pledge.objects.get(slug="nordmaling-2023-2025")
    editor = MembershipFactory(
        municipality=Municipality.objects.get(slug="nordmaling"), role=Membership.Role.EDITOR
    ).user
    drugs = pledge.focus_areas.get(title="Droger")
    client.force_login(editor)
    response = client.post(
        f"/samordnare/fokusomrade/{drugs.pk}/planerad-aktivitet/",
        {"text": "Föräldramöte om droger på högstadiet"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{pledge.get_absolute_url()}#fokus-{drugs.pk}"
    page = client.get(pledge.get_absolute_url()).content.decode()
    section = page[page.index(f'id="fokus-{drugs.pk}"') :]
    section = section[: section.index('<section class="focus-area"')]
    assert "Föräldramöte om droger på högstadiet" in section
    assert "tillagd efter undertecknandet" in section
