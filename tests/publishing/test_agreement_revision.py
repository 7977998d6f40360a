"""An agreement goes the same way as a pledge: signed by every party, published, and
changed only by a revision that replaces it once signed."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from agreements.models import Agreement
from agreements.publishing.agreement import AGREEMENT_PUBLISHING as SPEC
from agreements.publishing.workflow import (
    document_revise,
    document_sign,
    document_submit,
    draft_slug,
)
from portal.choices import PublicationStatus
from portal.models import IssuedDocument
from tests.factories import AgreementDutyFactory, AgreementFactory, AgreementGoalFactory
from tests.publishing.conftest import PASSWORD
from tests.seeds import html_text

pytestmark = pytest.mark.django_db


def publish(agreement: Agreement, people) -> Agreement:
    agreement.refresh_from_db()
    document_submit(
        spec=SPEC, user=people.editor, document=agreement, content_version=agreement.content_version
    )
    for signatory in (people.police_signatory, people.municipal_signatory):
        agreement.refresh_from_db()
        document_sign(
            spec=SPEC,
            user=signatory,
            document=agreement,
            password=PASSWORD,
            content_version=agreement.content_version,
        )
    return Agreement.objects.get(pk=agreement.pk)


def test_an_agreement_is_signed_published_and_revised(client, place, people, document_settings):
    draft = AgreementFactory(
        status=PublicationStatus.DRAFT,
        slug=draft_slug(),
        title="Samverkansöverenskommelse 2027–2030, Björkvik",
        police_area=place.police_area,
        municipalities=[place.municipality],
        valid_from=datetime.date(2027, 1, 1),
        valid_until=datetime.date(2030, 12, 31),
    )
    AgreementGoalFactory(agreement=draft, text="Färre bostadsinbrott.")
    AgreementDutyFactory(agreement=draft, party="police", text="Polisen delar lägesbilden.")
    first = publish(draft, people)
    assert first.status == PublicationStatus.PUBLISHED
    assert first.slug == "samverkansoverenskommelse-2027-2030-bjorkvik"

    revision = document_revise(spec=SPEC, user=people.editor, document=first)
    goal = revision.goals.get()
    goal.text = "Färre bostadsinbrott och fordonsinbrott."
    goal.save()
    second = publish(revision, people)
    first.refresh_from_db()
    assert first.status == PublicationStatus.REPLACED
    assert second.status == PublicationStatus.PUBLISHED

    page = html_text(client.get(second.get_absolute_url()).content.decode())
    assert "Färre bostadsinbrott och fordonsinbrott." in page
    assert "Revisioner" in page and "Undertecknat i portalen" in page
    earlier = html_text(client.get(first.get_absolute_url()).content.decode())
    assert "Läs den gällande lydelsen (revision 2)" in earlier
    for agreement in (first, second):
        assert IssuedDocument.objects.for_object(agreement).count() == 1
        response = client.get(reverse("agreements:pdf", args=[agreement.slug]))
        assert b"".join(response.streaming_content).startswith(b"%PDF")
