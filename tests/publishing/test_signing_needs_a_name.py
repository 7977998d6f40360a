"""No signature without a full name: the signing page sends a nameless signatory to the
name page first, a forged POST records nothing, and the form's title is the profile's."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from agreements.models import DocumentEvent
from pledges.models import PledgeSignOff
from portal.choices import PublicationStatus
from portal.people import profile_update
from tests.drafting_forms import form_data
from tests.publishing.conftest import PASSWORD
from tests.publishing.test_sign_and_publish import send, sign, url
from tests.seeds import html_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(client, people, draft):
    send(client, people.editor, draft)
    draft.refresh_from_db()
    assert draft.status == PublicationStatus.SUBMITTED
    return draft


def test_a_signatory_without_a_name_is_sent_to_the_name_page(client, people, submitted):
    signatory = people.police_signatory
    signatory.first_name = signatory.last_name = ""
    signatory.save()
    client.force_login(signatory)

    page = client.get(url("sign", submitted)).content.decode()

    assert "Ange ditt namn och din titel innan du skriver under" in html_text(page)
    assert f'href="/samordnare/konto/?next={quote(url("sign", submitted))}"' in page
    assert 'name="password"' not in page

    # Setting a name through the name page brings them back to a page with the form.
    name_page = client.get("/samordnare/konto/", {"next": url("sign", submitted)})
    data = form_data(name_page.content.decode())
    data.update(first_name="Petra", last_name="Polischef", title="Lokalpolisområdeschef")
    response = client.post("/samordnare/konto/", data)
    assert response["Location"] == url("sign", submitted)
    assert 'name="password"' in client.get(url("sign", submitted)).content.decode()


def test_a_forged_signature_without_a_name_records_nothing(client, people, submitted):
    signatory = people.police_signatory
    signatory.first_name = ""
    signatory.save()
    client.force_login(signatory)

    response = client.post(
        url("sign", submitted),
        {"password": PASSWORD, "title": "Chef", "content_version": submitted.content_version},
    )

    assert response.status_code == 400
    assert "Ange ditt namn och din titel innan du skriver under" in html_text(
        response.content.decode()
    )
    assert not PledgeSignOff.objects.exists()
    assert not DocumentEvent.objects.filter(kind=DocumentEvent.Kind.SIGNED).exists()


def test_the_title_is_prefilled_from_the_profile_and_recorded(client, people, submitted):
    signatory = people.police_signatory
    profile_update(
        user=signatory, first_name="Petra", last_name="Polischef", title="Lokalpolisområdeschef"
    )
    client.force_login(signatory)
    page = client.get(url("sign", submitted)).content.decode()
    data = form_data(page)
    assert data["title"] == "Lokalpolisområdeschef"

    data["password"] = PASSWORD
    assert client.post(url("sign", submitted), data).status_code == 302
    sign_off = PledgeSignOff.objects.get()
    assert (sign_off.name, sign_off.title) == ("Petra Polischef", "Lokalpolisområdeschef")


def test_events_show_the_full_name_or_name_missing_never_the_login_name(client, people, draft):
    editor = people.editor
    editor.first_name = editor.last_name = ""
    editor.save()
    send(client, editor, draft)
    sign(client, people.police_signatory, draft)

    client.force_login(people.police_signatory)
    page = client.get(url("sign", draft)).content.decode()
    events = html_text(page[page.index('id="handelser-rubrik"') :])
    assert "namn saknas" in events  # the editor who sent it has no name
    assert "Petra Polischef" in events
    assert editor.username not in page
    assert people.police_signatory.username not in page
