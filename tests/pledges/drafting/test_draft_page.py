"""The draft page: who may see and edit it, a stale save, and bad input on every field."""

import pytest
from django.urls import reverse

from agreements.models import Membership
from pledges.models import Pledge
from portal.choices import PublicationStatus
from tests.drafting_forms import form_data
from tests.factories import CommitmentFactory, FocusAreaFactory

pytestmark = pytest.mark.django_db

Role = Membership.Role


def url_of(pledge: Pledge) -> str:
    return reverse("pledges:draft", kwargs={"pk": pledge.pk})


def save(client, pledge, data):
    data = data.copy()
    data["action"] = "save"
    return client.post(url_of(pledge), data)


@pytest.mark.parametrize(
    ("role", "where", "status", "sees", "edits"),
    [
        (Role.EDITOR, "municipality", PublicationStatus.DRAFT, 200, True),
        (Role.EDITOR, "police_area", PublicationStatus.DRAFT, 200, True),
        (Role.EDITOR, "other_municipality", PublicationStatus.DRAFT, 404, False),
        (Role.COORDINATOR, "municipality", PublicationStatus.DRAFT, 404, False),
        (Role.SIGNATORY, "municipality", PublicationStatus.DRAFT, 404, False),
        (Role.SIGNATORY, "police_area", PublicationStatus.SUBMITTED, 200, False),
        (Role.EDITOR, "municipality", PublicationStatus.SUBMITTED, 200, False),
    ],
)
def test_who_sees_and_edits_the_draft_page(
    client, member, world, draft, role, where, status, sees, edits
):
    if status != PublicationStatus.DRAFT:
        Pledge.objects.filter(pk=draft.pk).update(status=status)
    client.force_login(member(role, getattr(world, where)))
    page = client.get(url_of(draft))
    assert page.status_code == sees
    preview = client.get(reverse("pledges:draft_preview", kwargs={"pk": draft.pk}))
    assert preview.status_code == sees
    if sees == 200:
        assert ('name="action" value="save"' in page.content.decode()) is edits
    response = client.post(url_of(draft), {"action": "save", "title": "Ändrad"})
    if edits:
        assert response.status_code == 400  # the rest of the form is missing
    else:
        assert response.status_code in {302, 403, 404}
        assert Pledge.objects.get(pk=draft.pk).title == draft.title


def test_editor_of_a_party_cannot_save_a_submitted_pledge(editor_client, draft):
    data = form_data(editor_client.get(url_of(draft)).content.decode())
    Pledge.objects.filter(pk=draft.pk).update(status=PublicationStatus.SUBMITTED)
    data["title"] = "Ändrad efter att den skickades"
    response = save(editor_client, draft, data)
    assert response.status_code == 302
    assert Pledge.objects.get(pk=draft.pk).title == draft.title
    page = editor_client.get(response["Location"]).content.decode()
    assert "kan inte ändras nu" in page


def test_anonymous_visitor_is_sent_to_log_in(client, draft):
    for name in ("pledges:draft", "pledges:draft_preview", "pledges:draft_preview_pdf"):
        response = client.get(reverse(name, kwargs={"pk": draft.pk}))
        assert response.status_code == 302
        assert response["Location"].startswith("/logga-in/")


def test_second_editor_saving_a_stale_version_is_told_and_keeps_what_they_typed(
    client, editor_client, member, world, draft
):
    colleague = member(Role.EDITOR, world.police_area)
    client.force_login(colleague)
    mine = form_data(editor_client.get(url_of(draft)).content.decode())
    theirs = form_data(client.get(url_of(draft)).content.decode())

    mine["title"] = "Medborgarlöfte 2026, Norrby (redaktörens version)"
    assert save(editor_client, draft, mine).status_code == 302
    theirs["title"] = "Medborgarlöfte 2026, Norrby (polisens version)"
    theirs["goal"] = "Polisens mål, inskrivet samtidigt."
    response = save(client, draft, theirs)

    assert response.status_code == 409
    html = response.content.decode()
    assert "Någon annan har sparat utkastet medan du arbetade med det." in html
    assert "polisens version" in html and "Polisens mål, inskrivet samtidigt." in html
    assert 'name="content_version" value="2"' in html
    assert Pledge.objects.get(pk=draft.pk).title.endswith("(redaktörens version)")
    # Saving again on purpose takes their version.
    again = form_data(html)
    assert save(client, draft, again).status_code == 302
    assert Pledge.objects.get(pk=draft.pk).goal == "Polisens mål, inskrivet samtidigt."


def with_rows(editor_client, draft):
    """The draft's form data with one focus area and one yearly commitment saved."""
    area = FocusAreaFactory(pledge=draft, title="Trafik")
    CommitmentFactory(pledge=draft, focus_area=area, text="Sex trafikkontroller per år.")
    return form_data(editor_client.get(url_of(draft)).content.decode())


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"start_year": "2027", "end_year": "2026"},
            "Periodens slut kan inte ligga före dess början.",
        ),
        (
            {
                "start_year": "",
                "end_year": "",
                "start_date": "2026-06-01",
                "end_date": "2026-05-31",
            },
            "Periodens slut kan inte ligga före dess början.",
        ),
        (
            {"start_year": "", "end_year": ""},
            "Ange periodens första och sista år, eller exakta datum.",
        ),
        ({"title": "x" * 201}, "Rubriken får vara högst 200 tecken (den har 201)."),
        ({"title": ""}, "Skriv en rubrik."),
        ({"background": "x" * 10_001}, "Texten får vara högst 10000 tecken (den har 10001)."),
        ({"follow_up": "x" * 10_001}, "Texten får vara högst 10000 tecken (den har 10001)."),
        ({"police_area": ""}, "Välj lokalpolisområdet som är part."),
        ({"lofte-0-yearly_target": ""}, "Ange hur många gånger per år (minst 1)."),
        ({"lofte-0-kind": "ongoing"}, "Antal per år anges bara för löften med mål per år."),
        ({"lofte-0-text": ""}, "Skriv vad som lovas."),
        ({"lofte-0-text": "x" * 10_001}, "Texten får vara högst 10000 tecken (den har 10001)."),
        ({"lofte-0-responsible": "named_municipality"}, "Välj vilken kommun som är ansvarig."),
        ({"omrade-0-title": ""}, "Skriv en rubrik."),
        ({"omrade-0-title": "y" * 161}, "Rubriken får vara högst 160 tecken (den har 161)."),
    ],
)
def test_bad_input_is_told_in_swedish_and_nothing_typed_is_lost(
    editor_client, draft, changes, message
):
    data = with_rows(editor_client, draft)
    data["goal"] = "Ett mål som inte får försvinna."
    data["omrade-0-description"] = "En beskrivning som inte får försvinna."
    for name, value in changes.items():
        data[name] = value
    response = save(editor_client, draft, data)

    assert response.status_code == 400
    html = response.content.decode()
    summary = html.index('class="error-summary"')
    assert html.index("</h1>") < summary < html.index("draft-status")
    assert message in html[summary:]
    assert "Ett mål som inte får försvinna." in html
    assert "En beskrivning som inte får försvinna." in html
    assert "Sex trafikkontroller per år." in html or changes.get("lofte-0-text") is not None
    assert Pledge.objects.get(pk=draft.pk).content_version == 1


def test_two_focus_areas_with_one_title_are_refused(editor_client, draft):
    data = with_rows(editor_client, draft)
    data["action"] = "add_area"
    data = form_data(editor_client.post(url_of(draft), data).content.decode())
    data["omrade-1-title"] = "Trafik"
    response = save(editor_client, draft, data)
    assert response.status_code == 400
    assert "Två fokusområden kan inte ha samma rubrik." in response.content.decode()


def test_focus_areas_swap_titles_in_one_save(editor_client, draft):
    data = with_rows(editor_client, draft)
    FocusAreaFactory(pledge=draft, title="Droger")
    data = form_data(editor_client.get(url_of(draft)).content.decode())
    data["omrade-0-title"], data["omrade-1-title"] = "Droger", "Trafik"
    assert save(editor_client, draft, data).status_code == 302
    assert [a.title for a in draft.focus_areas.all()] == ["Droger", "Trafik"]


def test_removing_a_focus_area_leaves_its_commitments_without_one(editor_client, draft):
    data = with_rows(editor_client, draft)
    data["action"] = f"remove_area:{data['omrade-0-key']}"
    data = form_data(editor_client.post(url_of(draft), data).content.decode())
    assert save(editor_client, draft, data).status_code == 302
    assert not draft.focus_areas.exists()
    assert draft.commitments.get().focus_area is None


def test_a_row_added_and_left_blank_is_not_saved(editor_client, draft):
    data = with_rows(editor_client, draft)
    data["action"] = "add_commitment"
    data = form_data(editor_client.post(url_of(draft), data).content.decode())
    assert data["lofte-antal"] == "2"
    assert save(editor_client, draft, data).status_code == 302
    assert draft.commitments.count() == 1
