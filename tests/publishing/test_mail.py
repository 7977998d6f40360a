"""Who is told what, by e-mail, on a pledge's way to publication: through the pages, with
the tasks run at once (tests/conftest.py) once the step's transaction commits."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction

from agreements.models import Membership
from agreements.publishing.workflow import document_submit
from pledges.publishing import PLEDGE_PUBLISHING
from portal.models import Profile
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.publishing.conftest import member
from tests.publishing.test_sign_and_publish import send, sign, url

pytestmark = pytest.mark.django_db
Role = Membership.Role


@pytest.fixture(autouse=True)
def addresses(people):
    """Everyone has an e-mail address (the factory gives none)."""
    for user in vars(people).values():
        user.email = f"{user.username}@example.se"
        user.save(update_fields=["email"])


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_sending_for_signing_mails_exactly_the_parties_signatories(
    client, people, draft, django_capture_on_commit_callbacks
):
    Profile.objects.create(user=people.editor, title="Kommunsekreterare")
    with django_capture_on_commit_callbacks(execute=True):
        send(client, people.editor, draft)

    assert recipients() == sorted([people.police_signatory.email, people.municipal_signatory.email])
    message = mail.outbox[0]
    assert "Att skriva under" in message.subject and draft.title in message.subject
    # People by full name and title, never by login name; a link into the portal.
    assert "Eva Redaktör, Kommunsekreterare har skickat" in message.body
    assert people.editor.username not in message.body
    link = f"{settings.SITE_URL}{url('sign', draft)}"
    assert link in message.body
    html, content_type = message.alternatives[0]
    assert content_type == "text/html"
    assert f'href="{link}"' in html and "Eva Redaktör, Kommunsekreterare" in html


def test_a_person_with_a_role_in_two_parties_gets_one_mail(
    client, place, people, draft, django_capture_on_commit_callbacks
):
    Membership.objects.create(
        user=people.municipal_signatory, role=Role.SIGNATORY, police_area=place.police_area
    )
    with django_capture_on_commit_callbacks(execute=True):
        send(client, people.editor, draft)

    assert recipients() == sorted([people.police_signatory.email, people.municipal_signatory.email])


def test_inactive_accounts_and_accounts_without_address_get_no_mail(
    client, people, draft, django_capture_on_commit_callbacks
):
    people.police_signatory.is_active = False
    people.police_signatory.save()
    people.municipal_signatory.email = ""
    people.municipal_signatory.save()
    with django_capture_on_commit_callbacks(execute=True):
        send(client, people.editor, draft)

    assert mail.outbox == []


def test_a_return_mails_the_editors_with_the_comment_and_who_sent_it_back(
    client, people, draft, django_capture_on_commit_callbacks
):
    send(client, people.editor, draft)
    client.force_login(people.municipal_signatory)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("return", draft), {"comment": "Löfte 2 behöver ett antal per år."})

    assert recipients() == sorted([people.editor.email, people.police_editor.email])
    message = mail.outbox[0]
    assert "Skickat tillbaka" in message.subject
    assert "Kim Kommunalråd har skickat tillbaka" in message.body
    assert "Löfte 2 behöver ett antal per år." in message.body


def test_publication_mails_the_editors(
    client,
    people,
    draft,
    document_settings,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    Profile.objects.create(user=people.municipal_signatory, title="Kommunstyrelsens ordförande")
    send(client, people.editor, draft)
    sign(client, people.police_signatory, draft)
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, people.municipal_signatory, draft)

    draft.refresh_from_db()
    assert recipients() == sorted([people.editor.email, people.police_editor.email])
    message = mail.outbox[0]
    assert message.subject.startswith("Publicerat")
    assert draft.get_absolute_url() in message.body
    last = "Den sista underskriften gav Kim Kommunalråd, Kommunstyrelsens ordförande."
    assert last in message.body


def test_no_mail_when_the_step_rolls_back(people, draft, django_capture_on_commit_callbacks):
    draft.refresh_from_db()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        document_submit(
            spec=PLEDGE_PUBLISHING,
            user=people.editor,
            document=draft,
            content_version=draft.content_version,
        )
        raise RuntimeError("something after the step failed")

    assert mail.outbox == []


def test_someone_outside_the_parties_is_not_told(
    client, place, people, draft, django_capture_on_commit_callbacks
):
    stranger = member(Role.SIGNATORY, place.other_municipality, "Sara", "Främling")
    with django_capture_on_commit_callbacks(execute=True):
        send(client, people.editor, draft)

    assert stranger.email not in recipients()
