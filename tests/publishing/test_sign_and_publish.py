"""A drafted pledge goes to the signatories, is signed by every party through the signing
page, and the last signature publishes it with a sealed PDF that names who signed."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agreements.models import DocumentEvent
from pledges.models import Pledge, PledgeSignOff
from portal.choices import PublicationStatus
from portal.models import IssuedDocument
from tests.documents.conftest import pdf_text
from tests.publishing.conftest import PASSWORD
from tests.seeds import html_text

pytestmark = pytest.mark.django_db


def url(step: str, pledge: Pledge) -> str:
    return reverse(f"publishing:{step}", kwargs={"kind": "medborgarlofte", "pk": pledge.pk})


def send(client, user, pledge: Pledge):
    client.force_login(user)
    pledge.refresh_from_db()
    return client.post(url("submit", pledge), {"content_version": pledge.content_version})


def sign(client, user, pledge: Pledge, *, password=PASSWORD, title="Chef"):
    client.force_login(user)
    page = client.get(url("sign", pledge))
    assert page.status_code == 200
    return client.post(
        url("sign", pledge),
        {
            "password": password,
            "title": title,
            "content_version": page.context["document"].content_version,
        },
    )


def read_pdf(issued: IssuedDocument) -> bytes:
    with issued.file.open("rb") as handle:
        return handle.read()


def test_sent_signed_by_both_parties_and_published(client, people, draft, document_settings):
    response = send(client, people.editor, draft)
    assert response.status_code == 302 and response.url == url("sign", draft)
    draft.refresh_from_db()
    assert draft.status == PublicationStatus.SUBMITTED
    assert draft.content_sha256

    # The police chief sees exactly what they sign, and that one more party must sign.
    client.force_login(people.police_signatory)
    page = client.get(url("sign", draft))
    text = html_text(page.content.decode())
    assert "Det här skriver du under" in text
    assert "Björkviks löfte nummer 1 om trafiken." in text
    assert "Förhandsgranska PDF" in text
    assert "Du skriver under för Lokalpolisområde Fjällby" in text or "Du skriver under för" in text
    assert "Din underskrift är den sista som saknas" not in text
    response = sign(client, people.police_signatory, draft, title="Lokalpolisområdeschef")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == PublicationStatus.SUBMITTED

    # The municipality's signatory is told that their signature publishes at once.
    client.force_login(people.municipal_signatory)
    text = html_text(client.get(url("sign", draft)).content.decode())
    assert "Petra Polischef" in text  # who has already signed
    assert "Din underskrift är den sista som saknas" in text
    assert "publiceras dokumentet för invånarna direkt" in text
    response = sign(client, people.municipal_signatory, draft, title="Kommunstyrelsens ordförande")
    pledge = Pledge.objects.get(pk=draft.pk)
    assert pledge.status == PublicationStatus.PUBLISHED
    assert pledge.slug == "medborgarlofte-2027-2028-bjorkvik"
    assert response.status_code == 302 and response.url == pledge.get_absolute_url()

    # Residents see it, with the portal's signatures apart from the text's signatories.
    client.logout()
    page = html_text(client.get(pledge.get_absolute_url()).content.decode())
    assert "Björkviks löfte nummer 3 om trafiken." in page
    municipality_page = client.get(reverse("pledges:municipality", args=["bjorkvik"]))
    assert pledge.title in municipality_page.content.decode()

    issued = IssuedDocument.objects.for_object(pledge).get()
    content = read_pdf(issued)
    text = " ".join(pdf_text(content).split())
    assert "Undertecknat i portalen" in text
    assert "Petra Polischef" in text and "Lokalpolisområdeschef" in text
    assert "Kim Kommunalråd" in text and "Kommunstyrelsens ordförande" in text
    assert "Utkast" not in text
    verdict = client.post(
        reverse("portal:verify"),
        {"file": SimpleUploadedFile("l.pdf", content, "application/pdf")},
    ).content.decode()
    assert "Dokumentet är äkta och oförändrat" in verdict
    assert "Petra Polischef, Lokalpolisområdeschef" in verdict


def test_the_pages_show_commitments_in_the_written_order(client, people, draft, document_settings):
    send(client, people.editor, draft)
    sign(client, people.police_signatory, draft)
    sign(client, people.municipal_signatory, draft)
    pledge = Pledge.objects.get(pk=draft.pk)
    page = html_text(client.get(pledge.get_absolute_url()).content.decode())
    positions = [page.index(f"Björkviks löfte nummer {n} om trafiken.") for n in (1, 2, 3)]
    assert positions == sorted(positions)
    text = pdf_text(read_pdf(IssuedDocument.objects.for_object(pledge).get()))
    positions = [text.index(f"Björkviks löfte nummer {n} om trafiken.") for n in (1, 2, 3)]
    assert positions == sorted(positions)


def test_a_signatory_sends_it_back_with_a_comment(client, people, draft):
    send(client, people.editor, draft)
    sign(client, people.police_signatory, draft)
    client.force_login(people.municipal_signatory)
    refused = client.post(url("return", draft), {"comment": "  "})
    assert refused.status_code == 400
    assert "Skriv vad som behöver ändras." in refused.content.decode()
    response = client.post(url("return", draft), {"comment": "Löfte 2 behöver ett antal per år."})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == PublicationStatus.DRAFT
    # The editors read the comment; the police chief's signature no longer counts.
    client.force_login(people.editor)
    text = html_text(client.get(url("sign", draft)).content.decode())
    assert "Skickat tillbaka av Kim Kommunalråd" in text
    assert "Löfte 2 behöver ett antal per år." in text
    assert "Underskrifter upphörde att gälla" in text
    assert not [
        s
        for s in PledgeSignOff.objects.filter(pledge=draft)
        if s.content_version == draft.content_version
    ]


def test_a_wrong_password_signs_nothing(client, people, draft):
    send(client, people.editor, draft)
    response = sign(client, people.police_signatory, draft, password="fel")
    assert response.status_code == 400
    assert "Lösenordet stämmer inte." in response.content.decode()
    assert not PledgeSignOff.objects.exists()


def test_a_stale_version_is_not_signed(client, people, draft):
    send(client, people.editor, draft)
    draft.refresh_from_db()
    client.force_login(people.police_signatory)
    response = client.post(
        url("sign", draft),
        {"password": PASSWORD, "title": "", "content_version": draft.content_version + 1},
    )
    assert response.status_code == 302
    assert not PledgeSignOff.objects.exists()


def test_an_empty_draft_cannot_be_sent(client, people, place):
    from tests.publishing.conftest import make_draft

    empty = make_draft(place, commitments=0)
    response = send(client, people.editor, empty)
    assert response.status_code == 302
    empty.refresh_from_db()
    assert empty.status == PublicationStatus.DRAFT
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "Skriv minst ett löfte innan medborgarlöftet skickas." in messages


def test_each_step_is_recorded_with_the_persons_name(client, people, draft, document_settings):
    send(client, people.editor, draft)
    sign(client, people.police_signatory, draft)
    sign(client, people.municipal_signatory, draft)
    names = set(DocumentEvent.objects.values_list("name", flat=True))
    assert {"Eva Redaktör", "Petra Polischef", "Kim Kommunalråd"} <= names


def test_the_start_page_lists_what_waits_for_the_signatorys_party(client, people, draft):
    send(client, people.editor, draft)
    client.force_login(people.police_signatory)
    page = client.get(reverse("followup:start")).content.decode()
    assert "Dokument som väntar på din underskrift" in page
    assert f'href="{url("sign", draft)}"' in page
    sign(client, people.police_signatory, draft)
    page = client.get(reverse("followup:start")).content.decode()
    assert "Dokument som väntar på din underskrift" not in page
    client.force_login(people.outsider_signatory)
    assert draft.title not in client.get(reverse("followup:start")).content.decode()
