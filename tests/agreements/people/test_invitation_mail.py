"""The invitation's mail goes out from the background worker, which makes its link; the
administrators are told when an invitation is accepted."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from agreements.models import Invitation
from tests.agreements.people.conftest import (
    Role,
    accept_new_account,
    invite,
    last_link,
    people_url,
)
from tests.seeds import html_text
from tests.task_queue import work_off_the_queue

pytestmark = pytest.mark.django_db


def test_the_worker_sends_the_invitation_with_a_link_that_works(
    client, administrator, municipality, database_queue
):
    client.force_login(administrator)
    response = invite(client, municipality, "dana@lillby.se", [Role.EDITOR])
    assert response.status_code == 302
    page = html_text(client.get(people_url(municipality)).content.decode())
    assert "Inbjudan till dana@lillby.se skickas inom några minuter." in page
    assert "Inte skickad" in page
    assert mail.outbox == []
    (queued,) = DBTaskResult.objects.filter(status="READY")
    # The queue holds the invitation's number only: no link, no secret.
    assert queued.args_kwargs["kwargs"] == {"invitation_id": Invitation.objects.get().pk}

    work_off_the_queue()

    assert mail.outbox[0].to == ["dana@lillby.se"]
    assert Invitation.objects.get().sent_at is not None
    client.logout()
    assert accept_new_account(client, last_link()).status_code == 302


def test_a_failed_invitation_is_retried_with_a_new_link(
    client, administrator, municipality, database_queue, settings
):
    client.force_login(administrator)
    invite(client, municipality, "dana@lillby.se", [Role.EDITOR])
    settings.EMAIL_BACKEND = "tests.agreements.people.failing_mail.FailingBackend"
    work_off_the_queue()
    assert DBTaskResult.objects.filter(status="FAILED").count() == 1
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after > timezone.now()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    work_off_the_queue()
    client.logout()
    assert accept_new_account(client, last_link()).status_code == 302


def test_an_invitation_withdrawn_before_the_worker_runs_is_not_sent(
    client, administrator, municipality, database_queue
):
    client.force_login(administrator)
    invite(client, municipality, "dana@lillby.se", [Role.EDITOR])
    invitation = Invitation.objects.get()
    client.post(f"/organisation/kommun/{municipality.slug}/inbjudan/{invitation.pk}/aterkalla/")
    work_off_the_queue()
    assert mail.outbox == []


def test_the_administrators_are_told_when_an_invitation_is_accepted(
    client, administrator, municipality, django_capture_on_commit_callbacks
):
    client.force_login(administrator)
    invite(client, municipality, "dana@lillby.se", [Role.EDITOR, Role.SIGNATORY])
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        response = accept_new_account(
            client, last_link(), first_name="Dana", last_name="Dahl", title="Kommunchef"
        )
    assert response.status_code == 302
    told = mail.outbox[-1]
    assert told.to == ["alice@lillby.se"]
    assert told.subject == "Dana Dahl har tackat ja till inbjudan till Lillby kommun"
    assert "Dana Dahl, Kommunchef (dana@lillby.se) har tackat ja" in told.body
    assert "rollerna: redaktör, undertecknare" in told.body
    assert people_url(municipality) in told.body
    assert people_url(municipality) in told.alternatives[0][0]
    # Only the administrators, and never the person who joined.
    assert all(m.to != ["dana@lillby.se"] for m in mail.outbox[1:])
