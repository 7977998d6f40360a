"""An editor writes a pledge from nothing through the web forms, as a browser would."""

import datetime
import re

import pytest
from django.urls import reverse

from agreements.models import DocumentEvent, Membership
from pledges.models import Commitment, Pledge
from portal.choices import PublicationStatus
from tests.drafting_forms import (
    form_data,
    last_row,
    post_start_form,
    press,
    row_key,
    row_prefix,
)
from tests.factories import (
    CommitmentFactory,
    FocusAreaFactory,
    PledgeFactory,
    PledgeSignatoryFactory,
)

pytestmark = pytest.mark.django_db

NEW_URL = "/redaktor/medborgarlofte/nytt/"


def start_draft(client, world, **changes):
    values = {
        "title": "Medborgarlöfte 2026–2027, Norrby",
        "start_year": "2026",
        "end_year": "2027",
        "police_area": str(world.police_area.pk),
        "municipalities": [str(world.municipality.pk)],
    }
    return post_start_form(client, NEW_URL, {**values, **changes})


def test_editor_writes_a_pledge_from_nothing_and_the_preview_shows_it_in_written_order(
    editor_client, editor, world
):
    response = start_draft(editor_client, world)
    pledge = Pledge.objects.get()
    url = reverse("pledges:draft", kwargs={"pk": pledge.pk})
    assert response.status_code == 302 and response["Location"] == url
    assert pledge.status == PublicationStatus.DRAFT
    assert pledge.slug.startswith("utkast-")
    assert pledge.created_by == editor
    assert pledge.history.first().history_user == editor
    assert DocumentEvent.objects.get().kind == DocumentEvent.Kind.STARTED

    # Two focus areas and four commitments, added one by one without JavaScript.
    data = form_data(editor_client.get(url).content.decode())
    data["background"] = "Invånarna i Norrby känner sig otrygga i centrum på kvällarna."
    for title in ("Trafik", "Trygghet i centrum"):
        page = press(editor_client, url, data, "add_area")
        assert page.status_code == 200
        data = form_data(page.content.decode())
        data[f"{last_row(data, 'omrade')}-title"] = title
    commitments = [
        ("Polisen gör trafikkontroller vid skolorna.", "Trafik", "police", "yearly_target", "6"),
        (
            "Kommunen bjuder in till trygghetsvandring.",
            "Trygghet i centrum",
            "municipality",
            "on_request",
            "",
        ),
        (
            "Norrby kommun tänder belysningen i parken.",
            "Trygghet i centrum",
            "named_municipality",
            "one_off",
            "",
        ),
        ("Kommunen och polisen följer lägesbilden.", "", "joint", "", ""),
    ]
    for text, area, responsible, kind, target in commitments:
        page = press(editor_client, url, data, "add_commitment")
        data = form_data(page.content.decode())
        assert "Ändringen är gjord i formuläret men inte sparad ännu." in page.content.decode()
        prefix = last_row(data, "lofte")
        data[f"{prefix}-text"] = text
        data[f"{prefix}-focus_area"] = row_key(data, "omrade", area) if area else ""
        data[f"{prefix}-responsible"] = responsible
        data[f"{prefix}-kind"] = kind
        data[f"{prefix}-yearly_target"] = target
        if responsible == "named_municipality":
            data[f"{prefix}-responsible_municipality"] = str(world.municipality.pk)
    # The typed background survived every round trip.
    assert data["background"].startswith("Invånarna i Norrby")

    # "Flytta upp" on the third commitment, then "Ta bort" on the second (before saving).
    lighting = row_key(data, "lofte", commitments[2][0])
    page = press(editor_client, url, data, f"up_commitment:{lighting}")
    data = form_data(page.content.decode())
    assert row_prefix(data, "lofte", commitments[2][0]) == "lofte-1"
    walk = row_key(data, "lofte", commitments[1][0])
    page = press(editor_client, url, data, f"remove_commitment:{walk}")
    data = form_data(page.content.decode())
    assert data["lofte-antal"] == "3"

    saved = press(editor_client, url, data, "save")
    assert saved.status_code == 302, saved.content.decode()
    pledge.refresh_from_db()
    assert pledge.content_version == 2
    assert pledge.background.startswith("Invånarna i Norrby")
    assert [a.title for a in pledge.focus_areas.all()] == ["Trafik", "Trygghet i centrum"]
    stored = list(pledge.commitments.all())
    assert [c.text for c in stored] == [commitments[0][0], commitments[2][0], commitments[3][0]]
    assert [c.kind for c in stored] == ["yearly_target", "one_off", ""]
    assert stored[0].yearly_target == 6
    assert stored[1].responsible_municipality == world.municipality
    assert stored[1].focus_area.title == "Trygghet i centrum"
    assert {c.history.first().history_user for c in stored} == {editor}

    # Saved rows move too: the last one up, saved again.
    data = form_data(editor_client.get(url).content.decode())
    follow = row_key(data, "lofte", commitments[3][0])
    page = press(editor_client, url, data, f"up_commitment:{follow}")
    assert press(editor_client, url, form_data(page.content.decode()), "save").status_code == 302

    preview = editor_client.get(reverse("pledges:draft_preview", kwargs={"pk": pledge.pk}))
    html = preview.content.decode()
    assert "Förhandsvisning – inte publicerat" in html
    positions = [html.index(text) for text in ("trafikkontroller", "belysningen", "lägesbilden")]
    assert positions == sorted(positions)
    assert "Ingen typ angiven" not in html  # a commitment without kind shows no kind
    assert Commitment.objects.filter(pledge=pledge).count() == 3


def test_editor_starts_from_the_latest_published_pledge(editor_client, world):
    old = PledgeFactory(
        title="Medborgarlöfte 2024–2025, Norrby",
        police_area=world.police_area,
        municipalities=[world.municipality],
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2025, 12, 31),
        basis="Medborgardialog i Norrby 2023.",
        goal="Ökad trygghet.",
    )
    area = FocusAreaFactory(pledge=old, title="Droger")
    CommitmentFactory(pledge=old, focus_area=area, text="Polisen besöker skolorna.")
    PledgeSignatoryFactory(pledge=old)

    response = start_draft(editor_client, world, start_from="predecessor")
    assert response.status_code == 302
    draft = Pledge.objects.exclude(pk=old.pk).get()
    assert draft.predecessor == old
    assert (draft.basis, draft.goal) == (old.basis, old.goal)
    assert [a.title for a in draft.focus_areas.all()] == ["Droger"]
    commitment = draft.commitments.get()
    assert commitment.text == "Polisen besöker skolorna."
    assert commitment.focus_area.pledge == draft
    assert not draft.signatories.exists()
    page = editor_client.get(response["Location"]).content.decode()
    assert "Polisen besöker skolorna." in page


def test_start_from_predecessor_without_one_is_refused_in_swedish(editor_client, world):
    response = start_draft(editor_client, world, start_from="predecessor")
    assert response.status_code == 400
    assert "inget publicerat medborgarlöfte att utgå från" in response.content.decode()
    assert not Pledge.objects.exists()


def test_start_needs_the_editors_own_organisation_among_the_parties(editor_client, world):
    page = editor_client.get(NEW_URL)
    data = form_data(page.content.decode())
    data.update({"title": "Löfte", "start_year": "2026", "end_year": "2026"})
    data["police_area"] = str(world.police_area.pk)
    data.setlist("municipalities", [])
    response = editor_client.post(NEW_URL, data)
    assert response.status_code == 400
    assert "Välj minst en kommun." in response.content.decode()
    assert not Pledge.objects.exists()


def test_non_editor_may_not_start_a_draft(client, member, world):
    client.force_login(member(Membership.Role.COORDINATOR, world.municipality))
    assert client.get(NEW_URL).status_code == 403
    assert client.post(NEW_URL, {}).status_code == 403


def test_anonymous_visitor_is_sent_to_log_in(client, world):
    response = client.get(NEW_URL)
    assert response.status_code == 302 and response["Location"].startswith("/logga-in/")


def test_start_form_choices_are_the_editors_own_parties(editor_client, world):
    html = editor_client.get(NEW_URL).content.decode()
    assert "Norrby kommun" in html and "Fjällen" in html
    assert "Söderby" not in html and "Slätten" not in html
    assert re.search(r"<h1>Nytt medborgarlöfte</h1>", html)
