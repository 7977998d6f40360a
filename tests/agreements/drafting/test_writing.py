"""An editor writes an agreement from nothing through the web forms, as a browser would,
and both parties sign it through the publishing pages."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from agreements.models import (
    Agreement,
    AgreementDuty,
    AgreementSignatory,
    DocumentEvent,
)
from portal.choices import PublicationStatus
from portal.models import IssuedDocument
from tests.documents.conftest import pdf_text
from tests.drafting_forms import form_data, last_row, post_start_form, press
from tests.factories import AgreementFactory, AgreementGoalFactory
from tests.publishing.conftest import PASSWORD
from tests.seeds import html_text

pytestmark = pytest.mark.django_db

NEW_URL = "/redaktor/overenskommelse/ny/"


def start_agreement(client, place, **changes):
    values = {
        "title": "Samverkansöverenskommelse 2027–2030, Björkvik",
        "valid_from": "2027-01-01",
        "valid_until": "2030-12-31",
        "extends_until_further_notice": "on",
        "police_area": str(place.police_area.pk),
        "municipalities": [str(place.municipality.pk)],
    }
    return post_start_form(client, NEW_URL, {**values, **changes})


def step_url(step: str, agreement: Agreement) -> str:
    return reverse(f"publishing:{step}", kwargs={"kind": "overenskommelse", "pk": agreement.pk})


def sign(client, user, agreement: Agreement, title: str):
    client.force_login(user)
    page = client.get(step_url("sign", agreement))
    assert page.status_code == 200
    version = page.context["document"].content_version
    data = {"password": PASSWORD, "title": title, "content_version": version}
    return client.post(step_url("sign", agreement), data)


def add_row(client, url, data, action, kind, **values):
    page = press(client, url, data, action)
    assert page.status_code == 200
    assert "inte sparad ännu" in html_text(page.content.decode())
    data = form_data(page.content.decode())
    for name, value in values.items():
        data[f"{last_row(data, kind)}-{name}"] = value
    return data


GOALS = ["Minska brottsligheten i centrum.", "Öka tryggheten i bostadsområdena."]
DUTIES = [
    ("Polisen åtar sig att:", "police", "Vara synlig i centrum varje helg."),
    ("", "municipality", "Kommunen åtar sig att förbättra belysningen."),
    ("Gemensamt åtar sig parterna att:", "joint", "Hålla medborgardialoger varje år."),
]


def test_editor_writes_an_agreement_from_nothing_and_both_parties_sign_it(
    client, people, place, document_settings
):
    client.force_login(people.editor)
    response = start_agreement(client, place)
    agreement = Agreement.objects.get()
    url = reverse("agreements:draft", kwargs={"pk": agreement.pk})
    assert response.status_code == 302 and response["Location"] == url
    assert agreement.status == PublicationStatus.DRAFT and agreement.slug.startswith("utkast-")
    assert agreement.extends_until_further_notice
    assert agreement.history.first().history_user == people.editor
    assert DocumentEvent.objects.get().kind == DocumentEvent.Kind.STARTED

    data = form_data(client.get(url).content.decode())
    data["introduction"] = "Polisen och Björkviks kommun samverkar för ett tryggare Björkvik."
    data["police_party_name"] = "Polismyndigheten, lokalpolisområde Fjällby"
    data["follow_up_interval_years"] = "1"
    data["followed_up_by"] = "Styrgruppen för samverkan"
    for text in ["Ett mål som tas bort.", *GOALS]:
        data = add_row(client, url, data, "add_goal", "mal", text=text)
    for lead_in, party, text in DUTIES:
        data = add_row(
            client, url, data, "add_duty", "atagande", lead_in=lead_in, party=party, text=text
        )
    # Remove the first goal; the last duty moves up twice and back down once.
    removed = data[f"{row_prefix_goal(data, 'Ett mål som tas bort.')}-key"]
    data = form_data(press(client, url, data, f"remove_goal:{removed}").content.decode())
    last_duty = data[f"{last_row(data, 'atagande')}-key"]
    for action in ("up_duty", "up_duty", "down_duty"):
        data = form_data(press(client, url, data, f"{action}:{last_duty}").content.decode())
    assert data["introduction"].startswith("Polisen och Björkviks kommun")  # kept throughout
    assert press(client, url, data, "save").status_code == 302

    agreement.refresh_from_db()
    assert agreement.content_version == 2
    assert agreement.police_party_name == "Polismyndigheten, lokalpolisområde Fjällby"
    assert agreement.follow_up_interval_years == 1
    assert [g.text for g in agreement.goals.all()] == GOALS
    written = [DUTIES[0], DUTIES[2], DUTIES[1]]
    assert [(d.lead_in, d.party, d.text) for d in agreement.duties.all()] == written
    assert AgreementDuty.history.filter(history_user=people.editor).count() == 3

    # The preview shows the public content; the PDF preview is marked and never stored.
    preview = client.get(reverse("agreements:draft_preview", kwargs={"pk": agreement.pk}))
    text = html_text(preview.content.decode())
    assert "Förhandsvisning – inte publicerat" in text
    assert_in_order(text, [*GOALS, *(d[2] for d in written)])
    pdf = client.get(reverse("agreements:draft_preview_pdf", kwargs={"pk": agreement.pk}))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Cache-Control"] == "private, no-store"
    assert "Utkast" in pdf_text(pdf.content)
    assert not IssuedDocument.objects.exists()

    # Sent from the draft page's own form, then signed by both parties.
    page = client.get(url).content.decode()
    assert step_url("submit", agreement) in page
    response = client.post(step_url("submit", agreement), {"content_version": "2"})
    assert response.status_code == 302
    assert step_url("sign", agreement) in client.get(url).content.decode()
    assert (
        sign(client, people.police_signatory, agreement, "Lokalpolisområdeschef").status_code == 302
    )
    assert sign(client, people.municipal_signatory, agreement, "Kommunalråd").status_code == 302

    agreement.refresh_from_db()
    assert agreement.status == PublicationStatus.PUBLISHED
    public = html_text(client.get(agreement.get_absolute_url()).content.decode())
    assert_in_order(public, [*GOALS, *(d[2] for d in written)])
    assert "Petra Polischef" in public and "Kim Kommunalråd" in public
    issued = IssuedDocument.objects.for_object(agreement).get()
    with issued.file.open("rb") as handle:
        sealed = pdf_text(handle.read())
    assert_in_order(sealed, [*GOALS, *(d[2] for d in written)])
    assert "Petra Polischef" in sealed and "Kim Kommunalråd" in sealed
    assert "Utkast" not in sealed


def row_prefix_goal(data, text: str) -> str:
    for key, value in data.items():
        if key.startswith("mal-") and key.endswith("-text") and value == text:
            return key.removesuffix("-text")
    raise AssertionError(text)


def assert_in_order(text: str, parts: list[str]) -> None:
    positions = [text.index(part) for part in parts]
    assert positions == sorted(positions)


def test_a_new_agreement_starts_from_the_latest_published_one(client, people, place):
    old = AgreementFactory(
        title="Samverkansöverenskommelse 2023–2026, Björkvik",
        police_area=place.police_area,
        municipalities=[place.municipality],
        valid_from=datetime.date(2023, 1, 1),
        valid_until=datetime.date(2026, 12, 31),
        introduction="Parterna samverkar sedan länge.",
        follow_up_interval_years=2,
        status=PublicationStatus.DRAFT,
    )
    AgreementGoalFactory(agreement=old, text="Färre inbrott.", order=0)
    AgreementDuty.objects.create(agreement=old, party="police", text="Polisen patrullerar.")
    AgreementSignatory.objects.create(agreement=old, name="N.N.", title="Chef", party="police")
    Agreement.objects.filter(pk=old.pk).update(status=PublicationStatus.PUBLISHED)
    client.force_login(people.editor)
    assert start_agreement(client, place, start_from="predecessor").status_code == 302
    draft = Agreement.objects.get(status=PublicationStatus.DRAFT)
    assert draft.predecessor == old
    assert draft.introduction == "Parterna samverkar sedan länge."
    assert draft.follow_up_interval_years == 2
    assert [g.text for g in draft.goals.all()] == ["Färre inbrott."]
    assert [d.text for d in draft.duties.all()] == ["Polisen patrullerar."]
    assert not draft.signatories.exists()

    # A second draft from the same agreement copies it but does not claim it as predecessor.
    assert start_agreement(client, place, start_from="predecessor").status_code == 302
    second = Agreement.objects.filter(status=PublicationStatus.DRAFT).latest("pk")
    assert second.predecessor is None and second.goals.count() == 1


def test_starting_from_a_predecessor_that_does_not_exist_is_told(client, people, place):
    client.force_login(people.editor)
    response = start_agreement(client, place, start_from="predecessor")
    assert response.status_code == 400
    assert "ingen publicerad överenskommelse att utgå från" in response.content.decode()
    assert not Agreement.objects.exists()
