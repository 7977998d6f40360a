"""Inviting people and accepting through the forms, from staff's first administrator on."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from agreements.models import Invitation, Membership, Municipality
from tests.admin_pages import management_forms
from tests.agreements.people.conftest import (
    Role,
    accept_new_account,
    invite,
    last_link,
    people_url,
)
from tests.factories import PoliceAreaFactory
from tests.followup.factories import UserFactory
from tests.seeds import html_text

pytestmark = pytest.mark.django_db
User = get_user_model()


def roles_in(user, municipality) -> set[str]:
    return set(
        Membership.objects.filter(user=user, municipality=municipality).values_list(
            "role", flat=True
        )
    )


def test_staff_create_a_municipality_and_its_administrator_runs_it(client):
    police_area = PoliceAreaFactory()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    add_url = "/admin/agreements/municipality/add/"
    data = management_forms(client, add_url)
    prefix = next(name for name in data if name.endswith("TOTAL_FORMS")).removesuffix(
        "-TOTAL_FORMS"
    )
    data.update(
        {
            "name": "Nyköping",
            "official_name": "Nyköpings kommun",
            "slug": "nykoping",
            "code": "0480",
            "county": "sodermanland",
            "police_area": police_area.pk,
            f"{prefix}-0-email": "Ada@Nykoping.se",
        }
    )
    response = client.post(add_url, data)
    assert response.status_code == 302, html_text(response.content.decode())
    nykoping = Municipality.objects.get(slug="nykoping")
    invitation = Invitation.objects.get(municipality=nykoping)
    assert (invitation.email, invitation.roles) == ("ada@nykoping.se", [Role.ADMINISTRATOR])
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ada@nykoping.se"]
    assert "Nyköpings kommun" in mail.outbox[0].subject
    # Only the hash of the link's secret is stored.
    assert last_link().split("/")[2] not in invitation.token_hash

    client.logout()
    response = accept_new_account(client, last_link(), first_name="Ada", last_name="Lund")
    assert response.status_code == 302 and response["Location"] == "/samordnare/"
    ada = User.objects.get(email="ada@nykoping.se")
    assert (ada.first_name, ada.last_name, ada.profile.title) == ("Ada", "Lund", "Kommunchef")
    assert roles_in(ada, nykoping) == {Role.ADMINISTRATOR}
    start = client.get("/samordnare/")
    assert start.wsgi_request.user == ada
    assert people_url(nykoping) in start.content.decode()

    # Ada invites an editor and a signatory; each accepts and lands with that role.
    for email, role, name in [
        ("erik@nykoping.se", Role.EDITOR, "Erik"),
        ("siv@nykoping.se", Role.SIGNATORY, "Siv"),
    ]:
        client.force_login(ada)
        response = invite(client, nykoping, email, [role])
        assert response.status_code == 302
        page = html_text(client.get(people_url(nykoping)).content.decode())
        assert f"Inbjudan är skickad till {email}." in page and email in page
        client.logout()
        response = accept_new_account(client, last_link(), first_name=name, last_name="Ek")
        assert response.status_code == 302
        person = User.objects.get(email=email)
        assert roles_in(person, nykoping) == {role}
        assert client.get("/samordnare/").wsgi_request.user == person
    client.force_login(ada)
    page = html_text(client.get(people_url(nykoping)).content.decode())
    assert "Erik Ek" in page and "Siv Ek" in page and "Inga inbjudningar väntar" in page


def test_an_invitation_with_several_roles_gives_each(client, administrator, municipality):
    client.force_login(administrator)
    invite(client, municipality, "dana@lillby.se", [Role.EDITOR, Role.COORDINATOR])
    client.logout()
    accept_new_account(client, last_link())
    dana = User.objects.get(email="dana@lillby.se")
    assert roles_in(dana, municipality) == {Role.EDITOR, Role.COORDINATOR}


def test_the_invite_form_asks_for_a_role_and_an_address(client, administrator, municipality):
    client.force_login(administrator)
    response = invite(client, municipality, "inte en adress", [])
    assert response.status_code == 400
    text = html_text(response.content.decode())
    assert "Skriv en e-postadress" in text and "Välj minst en roll." in text
    assert not Invitation.objects.exists() and not mail.outbox


def test_a_weak_password_is_refused_in_swedish(client, administrator, municipality):
    client.force_login(administrator)
    invite(client, municipality, "dana@lillby.se", [Role.EDITOR])
    client.logout()
    response = accept_new_account(client, last_link(), password1="abc", password2="abc")
    assert response.status_code == 400
    html = response.content.decode()
    assert html.index("<h1>") < html.index('class="error-summary"')
    assert "för kort" in html_text(html)
    assert not User.objects.filter(email="dana@lillby.se").exists()


def test_a_used_link_is_refused(client, administrator, municipality):
    client.force_login(administrator)
    invite(client, municipality, "dana@lillby.se", [Role.EDITOR])
    link = last_link()
    client.logout()
    accept_new_account(client, link)
    client.logout()
    response = client.get(link)
    assert response.status_code == 410
    assert "Inbjudan är redan använd" in html_text(response.content.decode())
    assert client.post(link, {"first_name": "X"}).status_code == 410


def test_an_expired_link_is_refused(client, administrator, municipality):
    client.force_login(administrator)
    invite(client, municipality, "dana@lillby.se", [Role.EDITOR])
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    client.logout()
    response = client.get(last_link())
    assert response.status_code == 410
    assert "Inbjudan har gått ut" in html_text(response.content.decode())


def test_an_unknown_link_is_refused(client):
    response = client.get("/inbjudan/finns-inte/")
    assert response.status_code == 404
    assert "Det finns ingen inbjudan med den länken" in html_text(response.content.decode())


def test_a_withdrawn_link_is_refused(client, administrator, municipality):
    client.force_login(administrator)
    invite(client, municipality, "dana@lillby.se", [Role.EDITOR])
    invitation = Invitation.objects.get()
    response = client.post(f"{people_url(municipality)[:-9]}inbjudan/{invitation.pk}/aterkalla/")
    assert response.status_code == 302
    assert "Inbjudan till dana@lillby.se är återkallad." in html_text(
        client.get(people_url(municipality)).content.decode()
    )
    client.logout()
    response = client.get(last_link())
    assert response.status_code == 410
    assert "Inbjudan är återkallad" in html_text(response.content.decode())


def test_resending_sends_a_new_link_and_the_old_stops(client, administrator, municipality):
    client.force_login(administrator)
    invite(client, municipality, "dana@lillby.se", [Role.EDITOR])
    old = last_link()
    invitation = Invitation.objects.get()
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(days=1))
    response = client.post(f"/organisation/kommun/lillby/inbjudan/{invitation.pk}/skicka-igen/")
    assert response.status_code == 302 and len(mail.outbox) == 2
    new = last_link()
    assert new != old
    client.logout()
    assert client.get(old).status_code == 404
    assert accept_new_account(client, new).status_code == 302


def test_a_mail_server_failure_keeps_the_invitation(client, administrator, municipality, settings):
    settings.EMAIL_BACKEND = "tests.agreements.people.failing_mail.FailingBackend"
    client.force_login(administrator)
    response = invite(client, municipality, "dana@lillby.se", [Role.EDITOR])
    assert response.status_code == 302
    page = html_text(client.get(people_url(municipality)).content.decode())
    assert "E-postmeddelandet kunde inte skickas just nu" in page
    assert "Inte skickad" in page
    assert Invitation.objects.get().sent_at is None


def test_an_existing_account_logged_in_accepts_with_one_button(
    client, administrator, municipality, colleague
):
    client.force_login(administrator)
    invite(client, municipality, colleague.email, [Role.SIGNATORY])
    link = last_link()
    client.logout()
    # Not logged in: the page asks them to log in with their account.
    assert "Logga in och acceptera" in html_text(client.get(link).content.decode())
    client.force_login(colleague)
    response = client.post(link)
    assert response.status_code == 302 and response["Location"] == "/samordnare/"
    assert roles_in(colleague, municipality) == {Role.COORDINATOR, Role.SIGNATORY}
    # Someone else logged in is not given the roles.
    client.force_login(administrator)
    invite(client, municipality, "dana@lillby.se", [Role.EDITOR])
    assert client.post(last_link()).status_code == 200
    assert roles_in(administrator, municipality) == {Role.ADMINISTRATOR}


def test_staff_invite_a_police_areas_administrator_who_runs_its_people(client):
    police_area = PoliceAreaFactory(slug="nyby-polis")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    change_url = f"/admin/agreements/policearea/{police_area.pk}/change/"
    data = management_forms(client, change_url)
    prefix = next(name for name in data if name.endswith("TOTAL_FORMS")).removesuffix(
        "-TOTAL_FORMS"
    )
    data.update(
        {
            "name": police_area.name,
            "slug": police_area.slug,
            "region": police_area.region,
            f"{prefix}-0-email": "polis@nyby.se",
        }
    )
    assert client.post(change_url, data).status_code == 302
    # The invitation made is listed on the page, read-only.
    shown = html_text(client.get(change_url).content.decode())
    assert "polis@nyby.se" in shown and "Väntar på svar" in shown
    client.logout()
    assert accept_new_account(client, last_link()).status_code == 302
    chief = User.objects.get(email="polis@nyby.se")
    assert Membership.objects.get(user=chief).police_area == police_area
    page = client.get("/organisation/lokalpolisomrade/nyby-polis/personer/")
    assert page.status_code == 200
    assert "Dana Dahl" in html_text(page.content.decode())
