"""The agreement's draft page: who may see and edit it, bad input on every field, a
stale save, and the same number of queries for 1 and 50 duties."""

from __future__ import annotations

import pytest
from django.urls import reverse

from agreements.models import Agreement, AgreementDuty, Membership
from tests.drafting_forms import form_data, query_count

pytestmark = pytest.mark.django_db

Role = Membership.Role


def url_of(agreement: Agreement, name: str = "agreements:draft") -> str:
    return reverse(name, kwargs={"pk": agreement.pk})


def save(client, agreement, data):
    data = data.copy()
    data["action"] = "save"
    return client.post(url_of(agreement), data)


@pytest.mark.parametrize(
    ("who", "sees", "edits"),
    [
        ("editor", 200, True),
        ("police_editor", 200, True),
        ("outsider_editor", 404, False),
        ("coordinator", 404, False),
        ("police_signatory", 404, False),
        ("municipal_signatory", 404, False),
    ],
)
def test_only_the_parties_editors_see_and_edit_a_draft(
    client, people, agreement_draft, who, sees, edits
):
    client.force_login(getattr(people, who))
    for name in ("agreements:draft", "agreements:draft_preview", "agreements:draft_preview_pdf"):
        assert client.get(url_of(agreement_draft, name)).status_code == sees
    response = client.post(url_of(agreement_draft), {"action": "save", "title": "Annat"})
    assert (response.status_code in (302, 400)) if edits else response.status_code == 404
    agreement_draft.refresh_from_db()
    assert agreement_draft.title != "Annat"


def test_anonymous_visitors_are_sent_to_log_in(client, agreement_draft, settings):
    names = ("agreements:draft", "agreements:draft_preview", "agreements:draft_preview_pdf")
    urls = [url_of(agreement_draft, name) for name in names]
    for url in [*urls, reverse("agreements:draft_new")]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse(settings.LOGIN_URL))


def test_only_editors_start_an_agreement(client, people):
    client.force_login(people.coordinator)
    assert client.get(reverse("agreements:draft_new")).status_code == 403
    client.force_login(people.police_signatory)
    assert client.get(reverse("agreements:draft_new")).status_code == 403


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "Skriv en rubrik."),
        ({"title": "R" * 201}, "title", "Rubriken får vara högst 200 tecken (den har 201)."),
        (
            {"valid_from": "2027-01-01", "valid_until": "2026-12-31"},
            "valid_until",
            "Slutdatum kan inte ligga före startdatum.",
        ),
        ({"valid_from": ""}, "valid_from", "Ange vilken dag överenskommelsen börjar gälla."),
        ({"valid_until": "31/12/2030"}, "valid_until", "Ange datumet som ÅÅÅÅ-MM-DD"),
        ({"police_party_name": "P" * 121}, "police_party_name", "högst 120 tecken (den har 121)"),
        ({"police_party_name": ""}, "police_party_name", "Skriv hur polisen namnges"),
        ({"introduction": "x" * 10_001}, "introduction", "högst 10000 tecken (den har 10001)"),
        ({"strategy": "x" * 10_001}, "strategy", "högst 10000 tecken (den har 10001)"),
        ({"follow_up_interval_years": "0"}, "follow_up_interval_years", "minst ett år"),
        ({"follow_up_interval_years": "två"}, "follow_up_interval_years", "Ange ett heltal"),
        ({"followed_up_by": "S" * 201}, "followed_up_by", "högst 200 tecken (den har 201)"),
        ({"police_area": "999999"}, "police_area", "Välj ett lokalpolisområde i listan."),
        ({"municipalities": []}, "municipalities", "Välj minst en kommun."),
    ],
)
def test_bad_input_is_told_on_its_field_and_everything_typed_is_kept(
    editor_client, agreement_draft, changes, field, message
):
    data = form_data(editor_client.get(url_of(agreement_draft)).content.decode())
    data["goals_introduction"] = "Det här ska finnas kvar."
    for name, value in changes.items():
        data.setlist(name, value) if isinstance(value, list) else data.__setitem__(name, value)
    response = save(editor_client, agreement_draft, data)
    assert response.status_code == 400
    html = response.content.decode()
    editor = response.context["editor"]
    assert any(
        message.replace("10000", "10 000") in e or message in e for e in editor.main.errors[field]
    )
    assert f'href="#id_{field}"' in html  # the error summary links to the field
    kept = form_data(html)
    assert kept["goals_introduction"] == "Det här ska finnas kvar."
    for name, value in changes.items():
        if name not in ("police_area", "municipalities"):  # a list keeps only its options
            assert kept[name] == value  # never cut, never dropped
    agreement_draft.refresh_from_db()
    assert agreement_draft.content_version == 1 and agreement_draft.goals_introduction == ""


def test_bad_rows_are_told_and_kept(editor_client, agreement_draft):
    url = url_of(agreement_draft)
    data = form_data(editor_client.get(url).content.decode())
    data = form_data(save_action(editor_client, url, data, "add_duty"))
    data["atagande-0-lead_in"] = "Polisen åtar sig att:"
    data = form_data(save_action(editor_client, url, data, "add_goal"))
    data["mal-0-text"] = "m" * 10_001
    data["atagande-0-party"] = "nobody"  # not one of the options: a forged post
    response = save(editor_client, agreement_draft, data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Skriv vad parten åtar sig." in text
    assert "Välj ett alternativ i listan." in text
    assert "denhar10001)" in "".join(text.split()).replace("\u00a0", "").replace("\u202f", "")
    assert "Åtagande 1, åtagande" in text  # the summary names the row
    assert form_data(text)["mal-0-text"] == "m" * 10_001
    assert not AgreementDuty.objects.exists()


def save_action(client, url, data, action) -> str:
    data = data.copy()
    data["action"] = action
    response = client.post(url, data)
    assert response.status_code == 200
    return response.content.decode()


def test_a_stale_save_is_told_and_keeps_the_input(client, people, agreement_draft):
    url = url_of(agreement_draft)
    client.force_login(people.editor)
    mine = form_data(client.get(url).content.decode())
    client.force_login(people.police_editor)
    theirs = form_data(client.get(url).content.decode())
    theirs["introduction"] = "Polisens version."
    assert save(client, agreement_draft, theirs).status_code == 302

    client.force_login(people.editor)
    mine["introduction"] = "Kommunens version."
    response = save(client, agreement_draft, mine)
    assert response.status_code == 409
    text = response.content.decode()
    assert "Någon annan har sparat utkastet" in text
    assert form_data(text)["introduction"] == "Kommunens version."
    agreement_draft.refresh_from_db()
    assert agreement_draft.introduction == "Polisens version."
    # Saving again on purpose (the new version in the form) keeps the editor's text.
    assert save(client, agreement_draft, form_data(text)).status_code == 302
    agreement_draft.refresh_from_db()
    assert agreement_draft.introduction == "Kommunens version."


def test_a_sent_draft_is_read_only_and_links_to_the_signing_page(client, people, agreement_draft):
    AgreementDuty.objects.create(agreement=agreement_draft, party="joint", text="Samverka.")
    client.force_login(people.editor)
    submit = reverse(
        "publishing:submit", kwargs={"kind": "overenskommelse", "pk": agreement_draft.pk}
    )
    assert client.post(submit, {"content_version": "1"}).status_code == 302
    page = client.get(url_of(agreement_draft)).content.decode()
    assert (
        reverse("publishing:sign", kwargs={"kind": "overenskommelse", "pk": agreement_draft.pk})
        in page
    )
    assert 'name="action"' not in page
    response = client.post(url_of(agreement_draft), {"action": "save"})
    assert response.status_code == 302
    # Now its signatories see it too.
    client.force_login(people.police_signatory)
    assert client.get(url_of(agreement_draft)).status_code == 200


def add_duties(agreement: Agreement, n: int) -> None:
    parties = ["police", "municipality", "joint"]
    for i in range(n):
        AgreementDuty.objects.create(
            agreement=agreement, party=parties[i % 3], text=f"Åtagande nummer {i}", order=i
        )


# Draft page (editor):
#  1. session  2. user  3. the user's memberships (roles)
#  4. the agreement (police area, successor, predecessor joined)
#  5. municipalities  6. goals  7. duties  8. signatories  9. pledges resting on it
# 10. the police areas and 11. the municipalities the editor may name
# 12. the agreement's events
DRAFT_PAGE_BUDGET = 12
# Preview (editor): 1-9 as above.
PREVIEW_BUDGET = 9


@pytest.mark.parametrize(
    ("name", "budget"),
    [("agreements:draft", DRAFT_PAGE_BUDGET), ("agreements:draft_preview", PREVIEW_BUDGET)],
)
def test_editor_pages_make_as_many_queries_for_1_and_for_50_duties(
    editor_client, agreement_draft, django_assert_max_num_queries, name, budget
):
    url = url_of(agreement_draft, name)
    add_duties(agreement_draft, 1)
    editor_client.get(url)  # warm the content-type cache
    few = query_count(editor_client, url)
    add_duties(agreement_draft, 49)
    with django_assert_max_num_queries(budget):
        html = editor_client.get(url).content.decode()
    assert "Åtagande nummer 48" in html
    assert query_count(editor_client, url) == few == budget
