"""A published pledge is changed only by a new revision, drafted and signed like the first;
the page shows the latest and lists the earlier ones, each with its own sealed PDF."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agreements.models import DocumentFrozenError
from pledges.models import Commitment, Pledge
from portal.choices import PublicationStatus
from portal.models import IssuedDocument
from tests.publishing.test_sign_and_publish import read_pdf, send, sign, url
from tests.seeds import html_text

pytestmark = pytest.mark.django_db


def publish(client, people, pledge: Pledge) -> Pledge:
    send(client, people.editor, pledge)
    sign(client, people.police_signatory, pledge)
    sign(client, people.municipal_signatory, pledge)
    return Pledge.objects.get(pk=pledge.pk)


def test_a_revision_replaces_the_published_text_and_keeps_both_pdfs(
    client, people, draft, document_settings
):
    first = publish(client, people, draft)
    with pytest.raises(DocumentFrozenError):
        Commitment.objects.filter(pledge=first).first().delete()

    # An editor of the police area starts a revision; the published text stays meanwhile.
    client.force_login(people.police_editor)
    response = client.post(url("revise", first))
    revision = Pledge.objects.get(revises=first)
    assert response.status_code == 302
    assert revision.status == PublicationStatus.DRAFT and revision.revision == 2
    assert revision.commitments.count() == first.commitments.count()
    assert revision.municipalities.get() == first.municipalities.get()
    # A second click does not start a second revision.
    client.post(url("revise", first))
    assert Pledge.objects.filter(revises=first).count() == 1

    typo = revision.commitments.get(order=0)
    typo.text = "Björkviks löfte nummer 1 om trafiken, rättat."
    typo.save()
    client.logout()
    assert "rättat" not in client.get(first.get_absolute_url()).content.decode()

    second = publish(client, people, revision)
    first.refresh_from_db()
    assert second.status == PublicationStatus.PUBLISHED
    assert first.status == PublicationStatus.REPLACED
    assert second.slug == f"{first.slug}-revision-2"

    client.logout()
    latest = html_text(client.get(second.get_absolute_url()).content.decode())
    assert "Björkviks löfte nummer 1 om trafiken, rättat." in latest
    assert "Revisioner" in latest and "Revision 1" in latest
    earlier = html_text(client.get(first.get_absolute_url()).content.decode())
    assert "en tidigare lydelse som har ersatts" in earlier
    assert "Läs den gällande lydelsen (revision 2)" in earlier
    # Only the latest revision is listed for residents.
    municipality = client.get(reverse("pledges:municipality", args=["bjorkvik"])).content.decode()
    assert second.get_absolute_url() in municipality
    assert f'href="{first.get_absolute_url()}"' not in municipality

    for pledge in (first, second):
        pdf = client.get(reverse("pledges:pdf", args=[pledge.slug]))
        assert pdf.status_code == 200
        assert b"".join(pdf.streaming_content).startswith(b"%PDF")
        content = read_pdf(IssuedDocument.objects.for_object(pledge).get())
        verdict = client.post(
            reverse("portal:verify"),
            {"file": SimpleUploadedFile("l.pdf", content, "application/pdf")},
        ).content.decode()
        assert "Dokumentet är äkta och oförändrat" in verdict


def test_only_editors_revise_and_only_published_documents(client, people, draft):
    client.force_login(people.editor)
    assert client.post(url("revise", draft)).status_code == 302  # a draft: told, not revised
    assert not Pledge.objects.filter(revises=draft).exists()
    draft.status = PublicationStatus.PUBLISHED
    draft.save()
    client.force_login(people.municipal_signatory)
    assert client.post(url("revise", draft)).status_code == 403
    client.force_login(people.outsider_editor)
    assert client.post(url("revise", draft)).status_code == 404
    assert not Pledge.objects.filter(revises=draft).exists()
