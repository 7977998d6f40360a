"""Each pledge and municipality page says when its content last changed ("Senast ändrad"),
and a write renews the date on the cached page at once."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from followup.activities import services as activities
from followup.models import Activity, PlannedActivity
from pledges.models import Pledge
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db

# A pledge last edited on 10 January 2024 and published on 15 January 2024.
PUBLISHED_IN_JANUARY = {
    "updated_at": datetime.datetime(2024, 1, 10, 9, tzinfo=datetime.UTC),
    "published_on": datetime.date(2024, 1, 15),
}


@pytest.fixture
def quiet_world(world):
    """The world as if its pledge was published on 15 January 2024 and its one activity
    logged on 12 January: nothing has changed since."""
    before = datetime.datetime(2024, 1, 12, 9, tzinfo=datetime.UTC)
    Activity.objects.filter(pk=world.activity.pk).update(created_at=before, updated_at=before)
    Pledge.history.filter(id=world.pledge.pk).update(history_date=before)
    return world


def last_changed(client, url: str) -> tuple[str, str]:
    """(the <time datetime> attribute, the date shown) of the page's "Senast ändrad"."""
    page = client.get(url).content.decode()
    match = re.search(
        r'Senast ändrad\s*(?:</dt>\s*<dd>)?\s*<time datetime="([^"]+)">([^<]+)</time>', page
    )
    assert match, "no Senast ändrad on the page"
    return match.group(1), match.group(2)


def today_shown() -> str:
    with translation.override("sv"):
        return date_format(timezone.localdate(), "j F Y")


@pytest.mark.parametrize("world_pledge", [PUBLISHED_IN_JANUARY])
def test_pledge_page_says_when_it_was_published_if_nothing_changed_since(client, quiet_world):
    moment, shown = last_changed(client, quiet_world.pledge.get_absolute_url())
    assert shown == "15 januari 2024"
    assert moment.startswith("2024-01-15T00:00:00")


@pytest.mark.parametrize("world_pledge", [PUBLISHED_IN_JANUARY])
def test_logging_an_activity_renews_the_date_on_the_cached_pledge_page_at_once(
    client, quiet_world, coordinator
):
    world = quiet_world
    url = world.pledge.get_absolute_url()
    assert last_changed(client, url)[1] == "15 januari 2024"  # now in the page cache
    activities.activity_log(
        user=coordinator,
        commitment=world.commitment,
        date=datetime.date(2024, 5, 2),
        text="Trafikkontroll vid skolan i maj",
    )
    # Logged today for a day in May: the date shown is when it was logged.
    assert last_changed(client, url)[1] == today_shown()


@pytest.mark.parametrize("world_pledge", [PUBLISHED_IN_JANUARY])
def test_a_planned_activity_counts_as_a_change(client, quiet_world):
    world = quiet_world
    PlannedActivity.objects.create(
        focus_area=world.focus_area,
        text="Trygghetsvandring",
        created_at=datetime.datetime(2024, 3, 7, 12, tzinfo=datetime.UTC),
    )
    assert last_changed(client, world.pledge.get_absolute_url())[1] == "7 mars 2024"


@pytest.mark.parametrize("world_pledge", [PUBLISHED_IN_JANUARY])
def test_municipality_page_says_when_any_of_its_documents_last_changed(
    client, quiet_world, coordinator
):
    world = quiet_world
    url = world.own_municipality.get_absolute_url()
    assert last_changed(client, url)[1] == "15 januari 2024"
    AgreementFactory(
        municipalities=[world.own_municipality],
        updated_at=datetime.datetime(2024, 2, 20, 12, tzinfo=datetime.UTC),
    )
    assert last_changed(client, url)[1] == "20 februari 2024"
    activities.activity_log(
        user=coordinator,
        commitment=world.commitment,
        date=datetime.date(2024, 5, 2),
        text="Trafikkontroll vid skolan i maj",
    )
    assert last_changed(client, url)[1] == today_shown()
