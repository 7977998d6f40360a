"""Mail queued in the database and sent by the worker (`manage.py db_worker`); a failing
mail server never fails the signing, and the message is retried later."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pledges.models import Pledge
from portal.choices import PublicationStatus
from tests.publishing.test_sign_and_publish import send
from tests.task_queue import work_off_the_queue

pytestmark = pytest.mark.django_db


class BrokenMailServer(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail server is down")


@pytest.fixture(autouse=True)
def queue_with_addresses(database_queue, people):
    for user in vars(people).values():
        user.email = f"{user.username}@example.se"
        user.save(update_fields=["email"])


def test_the_worker_sends_the_queued_mail(
    client, people, draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, people.editor, draft)
    # Queued, not sent, by the request.
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(status="READY").count() == 2

    work_off_the_queue()

    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [people.police_signatory.email, people.municipal_signatory.email]
    )
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2


def test_a_failing_mail_server_does_not_fail_sending_and_the_mail_is_retried(
    client, settings, people, draft, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenMailServer"
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, people.editor, draft)
    assert response.status_code == 302
    assert Pledge.objects.get(pk=draft.pk).status == PublicationStatus.SUBMITTED

    work_off_the_queue()

    # Each failure is recorded, and each message waits for its second attempt.
    assert DBTaskResult.objects.filter(status="FAILED").count() == 2
    retries = DBTaskResult.objects.filter(status="READY")
    assert retries.count() == 2
    assert all(r.run_after > timezone.now() for r in retries)
    assert {r.args_kwargs["kwargs"]["attempt"] for r in retries} == {2}

    # The server is back, and the retry is due: the mail goes out.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    retries.update(run_after=timezone.now())
    work_off_the_queue()
    assert len(mail.outbox) == 2


def test_with_the_immediate_backend_a_failure_is_logged_not_raised(
    client, settings, people, draft, django_capture_on_commit_callbacks, caplog
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = f"{__name__}.BrokenMailServer"
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, people.editor, draft)

    assert response.status_code == 302
    assert Pledge.objects.get(pk=draft.pk).status == PublicationStatus.SUBMITTED
    assert "attempt 1 of 4 failed; given up" in caplog.text
