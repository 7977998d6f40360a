"""The whole way through the forms: an editor of a municipality the seed data lacks writes
a pledge, previews it, sends it; the police's and the municipality's signatories sign on
the signing page; residents see it, and the verification page accepts its sealed PDF."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agreements.models import Membership
from pledges.models import Pledge
from portal.choices import PublicationStatus
from portal.models import IssuedDocument
from tests.documents import conftest as documents
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.drafting_forms import form_data, last_row, press
from tests.pledges.drafting.test_writing import start_draft
from tests.seeds import html_text

pytestmark = pytest.mark.django_db

PASSWORD = "ett-langt-testlosenord"
# Police, municipality, police again: the written order is not the order of the parties.
COMMITMENTS = [
    ("Polisen gör sex trafikkontroller per år vid skolorna.", "police", "yearly_target", "6"),
    ("Kommunen bjuder in till trygghetsvandring när någon önskar.", "municipality", "", ""),
    ("Polisen besöker varje skolklass i årskurs sex.", "police", "one_off", ""),
]


def sign_on_page(client, user, url, title):
    client.force_login(user)
    page = client.get(url).content.decode()
    data = form_data_of(page, url)
    data.update({"password": PASSWORD, "title": title})
    return client.post(url, data), page


def form_data_of(html: str, action: str) -> dict:
    form = re.search(
        rf'<form method="post" action="{re.escape(action)}"[^>]*>(.*?)</form>', html, re.S
    )
    assert form is not None, f"no form posting to {action}"
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(1)))


def test_written_previewed_sent_signed_published_and_verified(
    client,
    world,
    editor,
    member,
    document_settings,  # noqa: F811
):
    police_chief = member(Membership.Role.SIGNATORY, world.police_area)
    police_chief.first_name, police_chief.last_name = "Petra", "Polischef"
    police_chief.save()
    chair = member(Membership.Role.SIGNATORY, world.municipality)
    chair.first_name, chair.last_name = "Kim", "Kommunalråd"
    chair.save()

    client.force_login(editor)
    start_draft(client, world)
    pledge = Pledge.objects.get()
    url = reverse("pledges:draft", kwargs={"pk": pledge.pk})
    data = form_data(client.get(url).content.decode())
    data["background"] = "Norrbys invånare vill kunna gå tryggt till skolan."
    for text, responsible, kind, target in COMMITMENTS:
        data = form_data(press(client, url, data, "add_commitment").content.decode())
        prefix = last_row(data, "lofte")
        data[f"{prefix}-text"] = text
        data[f"{prefix}-responsible"] = responsible
        data[f"{prefix}-kind"] = kind
        data[f"{prefix}-yearly_target"] = target
    assert press(client, url, data, "save").status_code == 302

    preview = client.get(reverse("pledges:draft_preview", kwargs={"pk": pledge.pk}))
    assert "Förhandsvisning – inte publicerat" in preview.content.decode()
    draft_pdf = client.get(reverse("pledges:draft_preview_pdf", kwargs={"pk": pledge.pk}))
    assert "Utkast – inte undertecknat" in documents.pdf_text(draft_pdf.content)

    # The send button on the draft page.
    page = client.get(url).content.decode()
    submit_url = reverse("publishing:submit", kwargs={"kind": "medborgarlofte", "pk": pledge.pk})
    sent = client.post(submit_url, form_data_of(page, submit_url))
    sign_url = reverse("publishing:sign", kwargs={"kind": "medborgarlofte", "pk": pledge.pk})
    assert sent.status_code == 302 and sent["Location"] == sign_url

    response, page = sign_on_page(client, police_chief, sign_url, "Lokalpolisområdeschef")
    assert "Det här skriver du under" in page and COMMITMENTS[2][0] in page
    assert response.status_code == 302
    response, page = sign_on_page(client, chair, sign_url, "Kommunstyrelsens ordförande")
    assert "Din underskrift är den sista som saknas" in html_text(page)
    pledge.refresh_from_db()
    assert pledge.status == PublicationStatus.PUBLISHED
    assert response["Location"] == pledge.get_absolute_url()

    client.logout()
    public = html_text(client.get(pledge.get_absolute_url()).content.decode())
    positions = [public.index(text) for text, *_ in COMMITMENTS]
    assert positions == sorted(positions)
    assert "Norrbys invånare vill kunna gå tryggt till skolan." in public
    issued = IssuedDocument.objects.for_object(pledge).get()
    with issued.file.open("rb") as handle:
        content = handle.read()
    text = " ".join(documents.pdf_text(content).split())
    positions = [text.index(" ".join(t.split())) for t, *_ in COMMITMENTS]
    assert positions == sorted(positions)
    assert "Undertecknat i portalen" in text and "Petra Polischef" in text
    verdict = client.post(
        reverse("portal:verify"), {"file": SimpleUploadedFile("l.pdf", content, "application/pdf")}
    ).content.decode()
    assert "Dokumentet är äkta och oförändrat" in verdict
