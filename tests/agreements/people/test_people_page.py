"""The people page: roles changed and people removed through the forms, the last
administrator kept, every write refused outside one's own organisation."""

from __future__ import annotations

import pytest
from django.core import mail

from agreements.models import Invitation, Membership
from tests.agreements.people.conftest import Role, invite, people_url, post_form
from tests.followup.factories import MembershipFactory, UserFactory
from tests.seeds import html_text

pytestmark = pytest.mark.django_db


def person_url(municipality, user) -> str:
    return f"{people_url(municipality)}{user.pk}/"


def roles_in(user, municipality) -> set[str]:
    return set(
        Membership.objects.filter(user=user, municipality=municipality).values_list(
            "role", flat=True
        )
    )


def test_the_page_lists_people_with_roles_and_pending_invitations(
    client, administrator, colleague, municipality
):
    client.force_login(administrator)
    invite(client, municipality, "dana@lillby.se", [Role.SIGNATORY])
    text = html_text(client.get(people_url(municipality)).content.decode())
    assert "Personer i Lillby kommun" in text
    assert "Alice Admin (du)" in text and "Administratör" in text
    assert "Bob Berg" in text and "Samordnare" in text
    assert "dana@lillby.se" in text and "Undertecknare" in text


def test_the_start_page_links_administrators_to_the_people_page(
    client, administrator, colleague, municipality
):
    client.force_login(administrator)
    assert people_url(municipality) in client.get("/samordnare/").content.decode()
    client.force_login(colleague)
    assert "/personer/" not in client.get("/samordnare/").content.decode()


def test_an_administrator_changes_a_persons_roles(client, administrator, colleague, municipality):
    client.force_login(administrator)
    response = post_form(
        client, person_url(municipality, colleague), {"roles": [Role.EDITOR, Role.SIGNATORY]}
    )
    assert response.status_code == 302
    assert roles_in(colleague, municipality) == {Role.EDITOR, Role.SIGNATORY}
    assert "Rollerna för Bob Berg är sparade." in html_text(
        client.get(people_url(municipality)).content.decode()
    )
    # No role at all is refused: removing someone is its own button.
    response = post_form(client, person_url(municipality, colleague), {"roles": []})
    assert response.status_code == 400
    assert "Välj minst en roll." in html_text(response.content.decode())


def test_an_administrator_removes_a_person_whose_history_stays(
    client, administrator, colleague, municipality
):
    client.force_login(administrator)
    response = client.post(f"{person_url(municipality, colleague)}ta-bort/")
    assert response.status_code == 302
    assert roles_in(colleague, municipality) == set()
    colleague.refresh_from_db()
    assert colleague.is_active and colleague.first_name == "Bob"
    history = Membership.history.filter(user_id=colleague.pk, history_type="-").get()
    assert history.history_user == administrator
    text = html_text(client.get(people_url(municipality)).content.decode())
    assert "Bob Berg är borttagen från Lillby." in text


def test_the_last_administrator_cannot_remove_themselves(client, administrator, municipality):
    client.force_login(administrator)
    response = client.post(f"{person_url(municipality, administrator)}ta-bort/")
    assert response.status_code == 302
    assert roles_in(administrator, municipality) == {Role.ADMINISTRATOR}
    text = html_text(client.get(people_url(municipality)).content.decode())
    assert "Du är organisationens enda administratör" in text
    # Nor give up the role.
    response = post_form(client, person_url(municipality, administrator), {"roles": [Role.EDITOR]})
    assert response.status_code == 400
    assert "Du är organisationens enda administratör" in html_text(response.content.decode())
    assert roles_in(administrator, municipality) == {Role.ADMINISTRATOR}


def test_with_a_second_administrator_one_may_leave(client, administrator, municipality):
    other = UserFactory()
    MembershipFactory(user=other, municipality=municipality, role=Role.ADMINISTRATOR)
    client.force_login(administrator)
    response = client.post(f"{person_url(municipality, administrator)}ta-bort/")
    assert response.status_code == 302 and response["Location"] == "/samordnare/"
    assert roles_in(administrator, municipality) == set()
    assert client.get(people_url(municipality)).status_code == 403


def writes(municipality, person, invitation) -> list[tuple[str, dict]]:
    base = people_url(municipality)
    invitations = f"/organisation/kommun/{municipality.slug}/inbjudan/{invitation.pk}/"
    return [
        (base + "bjud-in/", {"email": "x@example.se", "roles": [Role.ADMINISTRATOR]}),
        (f"{base}{person.pk}/", {"roles": [Role.ADMINISTRATOR]}),
        (f"{base}{person.pk}/ta-bort/", {}),
        (invitations + "skicka-igen/", {}),
        (invitations + "aterkalla/", {}),
    ]


@pytest.mark.parametrize("who", ["outsider", "colleague", "anonymous"])
def test_only_the_organisations_administrators_may_write(
    client, request, who, administrator, colleague, municipality
):
    client.force_login(administrator)
    invite(client, municipality, "dana@lillby.se", [Role.EDITOR])
    client.logout()
    invitation = Invitation.objects.get()
    sent = len(mail.outbox)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    before = set(Membership.objects.values_list("user_id", "role", "municipality_id"))
    for url, data in [
        (people_url(municipality), None),
        *writes(municipality, colleague, invitation),
    ]:
        response = client.post(url, data) if data is not None else client.get(url)
        if who == "anonymous":
            assert response.status_code == 302 and response["Location"].startswith("/logga-in/")
        else:
            assert response.status_code in {403, 404}, url
    assert set(Membership.objects.values_list("user_id", "role", "municipality_id")) == before
    assert Invitation.objects.count() == 1 and Invitation.objects.get().withdrawn_at is None
    assert len(mail.outbox) == sent


def test_another_organisations_invitation_is_not_found(client, administrator, outsider):
    """Charlie's own organisation in the address does not reach Lillby's invitation."""
    client.force_login(administrator)
    municipality = Membership.objects.get(user=administrator).municipality
    invite(client, municipality, "dana@lillby.se", [Role.EDITOR])
    invitation = Invitation.objects.get()
    theirs = Membership.objects.get(user=outsider).municipality
    client.force_login(outsider)
    base = f"/organisation/kommun/{theirs.slug}/"
    assert client.post(f"{base}inbjudan/{invitation.pk}/aterkalla/").status_code == 404
    assert client.post(f"{base}personer/{administrator.pk}/ta-bort/").status_code == 403
    assert (
        client.post(f"{base}personer/{administrator.pk}/", {"roles": ["editor"]}).status_code == 404
    )
    assert roles_in(administrator, municipality) == {Role.ADMINISTRATOR}


@pytest.mark.parametrize("count", [1, 30])
def test_the_page_makes_the_same_queries_for_1_and_30_people(
    client, administrator, municipality, count, django_assert_max_num_queries
):
    for _ in range(count - 1):
        MembershipFactory(municipality=municipality, role=Role.EDITOR)
    for number in range(count):
        Invitation.objects.create(
            municipality=municipality,
            email=f"p{number}@lillby.se",
            roles=[Role.EDITOR],
            token_hash=f"{number:064d}",
            expires_at="2999-01-01T00:00:00Z",
        )
    client.force_login(administrator)
    # session, user, the administrator's roles, the municipality, the people with their
    # profiles, their memberships here, the pending invitations with who sent them
    with django_assert_max_num_queries(7):
        response = client.get(people_url(municipality))
    assert response.status_code == 200
