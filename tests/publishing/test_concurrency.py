"""Two signatories of a pledge's parties sign at the same moment: both count, it is
published once with one sealed PDF. Needs a database threads share (PostgreSQL)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from agreements.models import DocumentEvent
from agreements.publishing.workflow import document_sign, document_submit
from pledges.models import Pledge, PledgeSignOff
from pledges.publishing import PLEDGE_PUBLISHING
from portal.choices import PublicationStatus
from portal.models import IssuedDocument
from tests.publishing.conftest import PASSWORD, make_draft


def run_at_once(*calls) -> list[BaseException]:
    barrier = threading.Barrier(len(calls), timeout=30)
    errors: list[BaseException] = []

    def run(call) -> None:
        try:
            barrier.wait()
            call()
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.django_db(transaction=True)
def test_the_last_two_signatures_at_once_publish_once(place, people, document_settings):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's in-memory test database is not shared between threads.")
    draft = make_draft(place)
    document_submit(spec=PLEDGE_PUBLISHING, user=people.editor, document=draft, content_version=1)
    draft.refresh_from_db()

    def signer(user):
        def call():
            stale = Pledge.objects.get(pk=draft.pk)
            document_sign(
                spec=PLEDGE_PUBLISHING,
                user=user,
                document=stale,
                password=PASSWORD,
                content_version=stale.content_version,
            )

        return call

    errors = run_at_once(signer(people.police_signatory), signer(people.municipal_signatory))
    assert not errors
    draft.refresh_from_db()
    assert draft.status == PublicationStatus.PUBLISHED
    assert PledgeSignOff.objects.filter(pledge=draft).count() == 2
    published = DocumentEvent.objects.filter(object_id=draft.pk, kind=DocumentEvent.Kind.PUBLISHED)
    assert published.count() == 1
    assert IssuedDocument.objects.for_object(draft).count() == 1
