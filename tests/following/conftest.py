"""Residents following a place by e-mail: the seed data, sealing for publications, and
helpers that go through the pages and the publishing services as people do."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from agreements.models import Membership
from agreements.publishing.workflow import document_revise, document_sign, document_submit
from pledges.models import Pledge
from pledges.publishing import PLEDGE_PUBLISHING
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.factories import CommitmentFactory
from tests.followup.review_fixtures import PASSWORD, member, people_for

SITE_URL = "https://medborgarloften.example"  # document_settings sets it
FORM_ACTION = re.compile(r'<form method="post" action="(/[^"]+/folj/)"')


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def follow_form_action(html: str) -> str:
    """The address the page's follow form posts to."""
    match = FORM_ACTION.search(html)
    assert match, "the page has no follow form"
    return match.group(1)


def mails_to(address: str) -> list[mail.EmailMessage]:
    return [message for message in mail.outbox if message.to == [address]]


def link_in(message: mail.EmailMessage, part: str) -> str:
    """The portal path of the link in ``message``'s text whose path holds ``part``."""
    match = re.search(rf"{re.escape(SITE_URL)}(\S*{re.escape(part)}\S*/)", message.body)
    assert match, f"no {part} link in {message.body!r}"
    return match.group(1)


def publish_revision(pledge: Pledge) -> Pledge:
    """A new revision of a published pledge, sent and signed by every party through the
    publishing services (as the editors' and signatories' pages do)."""
    editor = member(
        Membership.Role.EDITOR, pledge.municipalities.first(), first_name="Eva", last_name="Ek"
    )
    people = people_for(pledge)
    revision = document_revise(spec=PLEDGE_PUBLISHING, user=editor, document=pledge)
    if not revision.commitments.exists():
        # Nordmaling's seed names its focus areas only: the revision adds a first promise.
        CommitmentFactory(
            pledge=revision,
            focus_area=revision.focus_areas.first(),
            text="Minst fyra trygghetsvandringar per år.",
        )
    revision.refresh_from_db()
    document_submit(
        spec=PLEDGE_PUBLISHING,
        user=editor,
        document=revision,
        content_version=revision.content_version,
    )
    for signatory in people.signatories:
        revision.refresh_from_db()
        document_sign(
            spec=PLEDGE_PUBLISHING,
            user=signatory,
            document=revision,
            password=PASSWORD,
            content_version=revision.content_version,
        )
    return Pledge.objects.get(pk=revision.pk)


def follow(client, page_path: str, address: str, capture) -> str:
    """Enter ``address`` in the follow form of the page at ``page_path``, and confirm it
    by the link mailed to it (tasks run at once); the unsubscribe-free confirmation path."""
    action = follow_form_action(client.get(page_path).content.decode())
    with capture(execute=True):
        answer = client.post(action, {"epost": address})
    assert answer.status_code == 200, answer.content.decode()
    confirm_path = link_in(mails_to(address)[-1], "/folj/bekrafta/")
    client.post(confirm_path)
    return confirm_path
