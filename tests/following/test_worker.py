"""The worker sends the followers' mail: a failing mail server is retried later, and an
address that stopped following before its message went out is sent nothing."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from agreements.models import Municipality
from following.models import Follower
from following.tasks import tell_followers
from pledges.models import Pledge
from tests.task_queue import work_off_the_queue

pytestmark = pytest.mark.django_db

BROKEN = "tests.publishing.test_mail_worker.BrokenMailServer"


@pytest.fixture
def follower(seeded) -> Follower:
    return Follower.objects.create(
        email="lars@example.se",
        municipality=Municipality.objects.get(slug="nordmaling"),
        confirmed_at=timezone.now(),
    )


@pytest.fixture
def nordmaling() -> Pledge:
    return Pledge.objects.get(slug="nordmaling-2023-2025")


def test_a_failing_mail_server_is_retried_later(database_queue, settings, follower, nordmaling):
    settings.EMAIL_BACKEND = BROKEN
    tell_followers.enqueue(kind="pledge", pk=nordmaling.pk)
    work_off_the_queue()

    assert DBTaskResult.objects.filter(status="FAILED").count() == 1
    [retry] = DBTaskResult.objects.filter(status="READY")
    assert retry.run_after > timezone.now()
    # Ids only: no address and no link waits in the queue.
    assert retry.args_kwargs["kwargs"] == {
        "follower_id": follower.pk,
        "kind": "pledge",
        "pk": nordmaling.pk,
        "attempt": 2,
    }

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    work_off_the_queue()
    [news] = mail.outbox
    assert news.to == ["lars@example.se"]
    assert news.subject == f"Nordmalings kommun: Nytt medborgarlöfte: {nordmaling.title}"


def test_an_address_that_stopped_following_meanwhile_is_sent_nothing(
    database_queue, follower, nordmaling
):
    tell_followers.enqueue(kind="pledge", pk=nordmaling.pk)
    work_off_the_queue()
    assert len(mail.outbox) == 1
    mail.outbox.clear()

    tell_followers.enqueue(kind="pledge", pk=nordmaling.pk)
    # The worker queues the follower's message, then the follower unsubscribes.
    call_command("db_worker", batch=True, no_startup_delay=True, max_tasks=1, verbosity=0)
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    follower.delete()
    work_off_the_queue()
    assert mail.outbox == []
