"""Reminders by e-mail (``manage.py send_reminders``): each kind is sent once per person
and occasion, however often the command runs; reminders can be turned off, signature
requests cannot. The service takes ``today``; the command uses the real date."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from notifications.models import ReminderSent
from notifications.reminders import months_later, reminders_send
from portal.choices import PublicationStatus
from portal.people import profile_set_reminders
from tests.factories import PledgeFactory
from tests.followup.review_fixtures import fill, start_granby, submit
from tests.publishing.test_concurrency import run_at_once

pytestmark = pytest.mark.django_db

# The world's Granby pledge runs through 2024.
DEC_10_2024 = datetime.date(2024, 12, 10)
MAR_31_2025 = datetime.date(2025, 3, 31)


@pytest.fixture
def people(world, granby_people):
    """The Granby people with e-mail addresses (Ekeby's pledge has no people)."""
    for user in [granby_people.coordinator, *granby_people.signatories]:
        user.email = f"{user.username}@example.se"
        user.save()
    return granby_people


def send(today: datetime.date, capture) -> int:
    with capture(execute=True):
        return reminders_send(today=today)


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_months_later_keeps_the_day_or_takes_the_months_last():
    assert months_later(datetime.date(2024, 12, 31), 3) == datetime.date(2025, 3, 31)
    assert months_later(datetime.date(2024, 11, 30), 3) == datetime.date(2025, 2, 28)
    assert months_later(datetime.date(2024, 1, 31), 1) == datetime.date(2024, 2, 29)


def test_coordinators_are_reminded_once_a_month_before_the_period_ends(
    world, people, django_capture_on_commit_callbacks
):
    assert send(DEC_10_2024 - datetime.timedelta(days=10), django_capture_on_commit_callbacks) == 0

    assert send(DEC_10_2024, django_capture_on_commit_callbacks) == 1
    assert send(DEC_10_2024 + datetime.timedelta(days=1), django_capture_on_commit_callbacks) == 0

    assert recipients() == [people.coordinator.email]
    message = mail.outbox[0]
    assert message.subject.startswith("Uppföljningsperioden slutar snart")
    assert "Medborgarlöfte 2024, Granby kommun" in message.subject
    assert "slutar 31 december 2024" in message.body
    assert "http://" in message.body and "/samordnare/" in message.body
    assert message.alternatives[0][1] == "text/html"
    occasion = f"period-ending:pledge-{world.pledge.pk}-2024-01-01"
    assert ReminderSent.objects.get().occasion == occasion


def test_coordinators_are_reminded_once_when_the_follow_up_is_late(
    world, people, django_capture_on_commit_callbacks
):
    assert send(MAR_31_2025 - datetime.timedelta(days=1), django_capture_on_commit_callbacks) == 0
    assert send(MAR_31_2025, django_capture_on_commit_callbacks) == 1
    assert send(MAR_31_2025, django_capture_on_commit_callbacks) == 0

    assert recipients() == [people.coordinator.email]
    assert mail.outbox[0].subject.startswith("Uppföljningen är inte publicerad")
    assert "slutade 31 december 2024" in mail.outbox[0].body


def test_periods_long_past_are_not_reminded_of(world, people, django_capture_on_commit_callbacks):
    assert send(datetime.date(2026, 1, 15), django_capture_on_commit_callbacks) == 0


def test_a_published_follow_up_ends_the_period_reminders(
    world, people, django_capture_on_commit_callbacks
):
    review = start_granby(world, people)
    review.state = "published"
    review.save()

    assert send(MAR_31_2025, django_capture_on_commit_callbacks) == 0


def test_signatories_are_reminded_once_of_a_follow_up_waiting_a_week(
    world, people, django_capture_on_commit_callbacks
):
    review = start_granby(world, people)
    fill(review, people.coordinator)
    submit(review, people.coordinator)
    review.refresh_from_db()
    submitted_on = timezone.localdate(review.submitted_at)
    mail.outbox.clear()

    assert send(submitted_on + datetime.timedelta(days=6), django_capture_on_commit_callbacks) == 0
    assert send(submitted_on + datetime.timedelta(days=7), django_capture_on_commit_callbacks) == 2
    assert send(submitted_on + datetime.timedelta(days=8), django_capture_on_commit_callbacks) == 0

    assert recipients() == sorted(u.email for u in people.signatories)
    assert mail.outbox[0].subject.startswith("Väntar på din underskrift: uppföljningen 2024")
    assert f"/samordnare/uppfoljning/{review.pk}/" in mail.outbox[0].body


def test_signatories_are_reminded_of_a_pledge_waiting_only_for_their_party(
    world, people, django_capture_on_commit_callbacks
):
    pledge = PledgeFactory(
        status=PublicationStatus.SUBMITTED,
        submitted_at=timezone.now() - datetime.timedelta(days=8),
        slug="granby-2027",
        police_area=world.own_police_area,
        municipalities=[world.own_municipality],
        period_start=datetime.date(2027, 1, 1),
        period_end=datetime.date(2027, 12, 31),
    )
    pledge.sign_offs.create(
        user=people.police,
        police_area=world.own_police_area,
        content_version=pledge.content_version,
        content_sha256="0" * 64,
        name="Lena Norrström",
        organisation="Norrskogen",
    )

    assert send(timezone.localdate(), django_capture_on_commit_callbacks) == 1

    assert recipients() == [people.municipalities["Granby"].email]
    assert "har väntat en vecka på din parts underskrift" in mail.outbox[0].body
    occasion = f"waiting:pledge-{pledge.pk}-v{pledge.content_version}"
    assert ReminderSent.objects.get().occasion == occasion


def test_the_command_run_twice_sends_once(world, people, django_capture_on_commit_callbacks):
    review = start_granby(world, people)
    fill(review, people.coordinator)
    submit(review, people.coordinator)
    Review = type(review)
    Review.objects.filter(pk=review.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=7)
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=io.StringIO())
        call_command("send_reminders", stdout=io.StringIO())

    assert recipients() == sorted(u.email for u in people.signatories)


def test_reminders_off_means_no_follow_up_reminders_but_signature_requests_still(
    world, people, django_capture_on_commit_callbacks
):
    for user in [people.coordinator, *people.signatories]:
        profile_set_reminders(user=user, enabled=False)

    assert send(DEC_10_2024, django_capture_on_commit_callbacks) == 0

    review = start_granby(world, people)
    fill(review, people.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        submit(review, people.coordinator)
    assert recipients() == sorted(u.email for u in people.signatories)  # the request
    mail.outbox.clear()
    review.refresh_from_db()
    later = timezone.localdate(review.submitted_at) + datetime.timedelta(days=7)
    assert send(later, django_capture_on_commit_callbacks) == 2
    assert recipients() == sorted(u.email for u in people.signatories)  # the reminder


@pytest.mark.django_db(transaction=True)
def test_two_servers_running_the_reminders_at_once_send_once(world, people):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's in-memory test database is not shared between threads.")

    errors = run_at_once(
        lambda: reminders_send(today=DEC_10_2024), lambda: reminders_send(today=DEC_10_2024)
    )

    assert not errors
    assert recipients() == [people.coordinator.email]
    assert ReminderSent.objects.count() == 1
