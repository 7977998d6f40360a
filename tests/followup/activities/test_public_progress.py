"""What residents see: progress per commitment, latest activities, earlier years."""

import datetime
import re

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from agreements.models import Membership, Municipality
from followup.activities import services
from followup.models import Activity
from pledges.models import Commitment, Pledge
from tests.followup.factories import ActivityFactory, MembershipFactory, UserFactory
from tests.seeds import html_text

pytestmark = pytest.mark.django_db

MALA_SIX_TIMES = "Vid minst sex tillfällen per år"
MALA_ON_REQUEST = "Om det uppkommer önskemål om trygghetsvandringar"


@pytest.fixture
def mala(seeded) -> Pledge:
    return Pledge.objects.get(slug="mala-2024")


@pytest.fixture
def mala_coordinator(seeded):
    user = UserFactory(username="samordnare-test-mala")
    MembershipFactory(
        user=user,
        municipality=Municipality.objects.get(slug="mala"),
        role=Membership.Role.COORDINATOR,
    )
    return user


def commitment(pledge: Pledge, start: str) -> Commitment:
    return pledge.commitments.get(text__startswith=start)


def log(user, commitment, day: datetime.date, text: str, **kwargs) -> Activity:
    return services.activity_log(user=user, commitment=commitment, date=day, text=text, **kwargs)


def commitment_html(page: str, commitment: Commitment) -> str:
    """The part of the page that belongs to one commitment."""
    start = page.index(f'id="lofte-{commitment.pk}"')
    end = page.find('<li class="commitment"', start)
    return page[start : end if end != -1 else None]


def test_mala_page_shows_four_of_six_times_2024_as_text_and_progress_bar(
    client, mala, mala_coordinator
):
    six = commitment(mala, MALA_SIX_TIMES)
    for day in [3, 10, 17, 24]:
        log(mala_coordinator, six, datetime.date(2024, 3, day), f"Särskild insats {day} mars")
    page = client.get(mala.get_absolute_url()).content.decode()
    html = commitment_html(page, six)
    assert "4 av 6 tillfällen 2024" in html
    assert re.search(
        r'<progress class="progress__bar" max="6" value="4" aria-labelledby="framsteg-\d+">', html
    )
    assert "Särskild insats 24 mars" in html


def test_ended_pledge_shows_its_last_year(client, mala, mala_coordinator):
    # Nothing logged in the portal for a past year: said once, with no zeros.
    page = html_text(client.get(mala.get_absolute_url()).content.decode())
    assert page.count("Arbetet under 2024 följdes inte upp i portalen") == 1
    assert "0 av 6 tillfällen 2024" not in page
    assert "Inga aktiviteter är loggade" not in page
    # Once something is logged for 2024, the year's figures show, zeros included.
    log(mala_coordinator, commitment(mala, MALA_SIX_TIMES), datetime.date(2024, 4, 1), "Kontroll")
    page = html_text(client.get(mala.get_absolute_url()).content.decode())
    assert "följdes inte upp i portalen" not in page
    assert "1 av 6 tillfällen 2024" in page
    assert "0 av 1 tillfälle 2024" in page


def test_count_adds_up_and_bar_never_passes_its_maximum(client, mala, mala_coordinator):
    six = commitment(mala, MALA_SIX_TIMES)
    log(mala_coordinator, six, datetime.date(2024, 4, 1), "Veckans insatser", count=7)
    html = commitment_html(client.get(mala.get_absolute_url()).content.decode(), six)
    assert "7 av 6 tillfällen 2024" in html
    assert "målet är nått" in html
    assert 'max="6" value="6"' in html


def test_on_request_commitment_shows_requests_received_and_answered(client, mala, mala_coordinator):
    walks = commitment(mala, MALA_ON_REQUEST)
    log(
        mala_coordinator,
        walks,
        datetime.date(2024, 5, 2),
        "Önskemål från Malå by",
        kind="request_received",
        count=2,
    )
    log(
        mala_coordinator,
        walks,
        datetime.date(2024, 5, 20),
        "Trygghetsvandring i centrum",
        kind="request_answered",
    )
    html = commitment_html(client.get(mala.get_absolute_url()).content.decode(), walks)
    assert "2024: 2 önskemål har kommit in och 1 har besvarats." in html
    assert "Trygghetsvandring i centrum" in html


def test_ongoing_commitment_lists_its_latest_activities(client, mala, mala_coordinator):
    ongoing = mala.commitments.filter(kind=Commitment.Kind.ONGOING).first()
    for month in range(1, 9):
        log(mala_coordinator, ongoing, datetime.date(2024, month, 5), f"Föreläsning månad {month}")
    html = commitment_html(client.get(mala.get_absolute_url()).content.decode(), ongoing)
    assert "Senaste aktiviteter 2024" in html
    # The five latest, newest first.
    shown = re.findall(r"Föreläsning månad (\d)", html)
    assert shown == ["8", "7", "6", "5", "4"]


def test_internal_note_is_never_public(client, mala, mala_coordinator):
    six = commitment(mala, MALA_SIX_TIMES)
    log(
        mala_coordinator,
        six,
        datetime.date(2024, 3, 3),
        "Insats",
        internal_note="Hemlig anteckning",
    )
    assert "Hemlig anteckning" not in client.get(mala.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "world_pledge", [{"period_start": datetime.date(2023, 1, 1)}], ids=["pledge-from-2023"]
)
def test_earlier_years_are_one_click_away(client, world):
    ActivityFactory(
        commitment=world.commitment, date=datetime.date(2023, 9, 1), text="Kontroll 2023"
    )
    page = client.get(world.pledge.get_absolute_url()).content.decode()
    assert "1 av 6 tillfällen 2024" in page
    assert f'href="?ar=2023#lofte-{world.commitment.pk}"' in page
    earlier = client.get(world.pledge.get_absolute_url(), {"ar": "2023"}).content.decode()
    assert "1 av 6 tillfällen 2023" in earlier
    assert "Kontroll 2023" in earlier
    assert "Första trafikkontrollen" not in earlier


@pytest.mark.parametrize("value", ["abc", "1999", "2024x", "", "9" * 40, "-1", "٢٠٢٤"])
def test_bad_year_parameter_falls_back_to_default_year(client, world, value):
    response = client.get(world.pledge.get_absolute_url(), {"ar": value})
    assert response.status_code == 200
    assert "1 av 6 tillfällen 2024" in response.content.decode()


def test_example_activities_are_marked_as_example_data(client, world):
    ActivityFactory(commitment=world.commitment, text="Påhittad kontroll", is_example=True)
    page = client.get(world.pledge.get_absolute_url()).content.decode()
    assert "Exempeldata" in page
    assert "påhittade för att visa hur portalen fungerar" in page


def test_page_without_example_data_says_nothing_about_it(client, world):
    assert "Exempeldata" not in client.get(world.pledge.get_absolute_url()).content.decode()


def test_municipality_page_shows_when_pledge_was_last_updated(client, world, coordinator):
    services.activity_correct(
        user=coordinator,
        activity=world.activity,
        version=1,
        date=world.activity.date,
        text="Rättad",
        count=1,
    )
    world.activity.refresh_from_db()
    page = client.get(world.own_municipality.get_absolute_url()).content.decode()
    assert "Medborgarlöftet senast uppdaterat" in page
    updated = timezone.localtime(world.activity.updated_at)
    # Whole seconds: HTML allows at most three digits of a second in a datetime attribute.
    machine = updated.replace(microsecond=0).isoformat()
    assert f'<time datetime="{machine}">{date_format(updated, "j F Y")}</time>' in page
