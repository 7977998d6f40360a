"""Mail is Swedish with Swedish addresses, even when the step was taken on an English
page (/en/…): the portal does not know the recipients' language."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import translation

from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.followup.review_fixtures import fill, start_granby, submit

pytestmark = pytest.mark.django_db


def test_a_step_taken_in_english_mails_in_swedish_with_swedish_links(
    world, granby_people, django_capture_on_commit_callbacks
):
    for user in [granby_people.coordinator, *granby_people.signatories]:
        user.email = f"{user.username}@example.se"
        user.save()
    review = start_granby(world, granby_people)
    fill(review, granby_people.coordinator)
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        submit(review, granby_people.coordinator)
        assert translation.get_language() == "en"  # the request's language is left alone

    assert mail.outbox
    for message in mail.outbox:
        assert "uppföljningen 2024" in message.subject
        assert f"/samordnare/uppfoljning/{review.pk}/" in message.body
        assert "/en/" not in message.body
        html = message.alternatives[0][0]
        assert "/en/" not in html
