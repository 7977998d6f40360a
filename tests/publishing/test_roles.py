"""Who may see, send, sign and send back a pledge on its way to publication."""

from __future__ import annotations

import pytest

from pledges.models import PledgeSignOff
from portal.choices import PublicationStatus
from tests.publishing.conftest import PASSWORD
from tests.publishing.test_sign_and_publish import send, url

pytestmark = pytest.mark.django_db

# (person, sees the draft, may send it, sees it sent, may sign it)
MATRIX = [
    ("editor", True, True, True, False),
    ("police_editor", True, True, True, False),
    ("police_signatory", False, False, True, True),
    ("municipal_signatory", False, False, True, True),
    ("coordinator", False, False, False, False),
    ("outsider_editor", False, False, False, False),
    ("outsider_signatory", False, False, False, False),
]


@pytest.mark.parametrize(("who", "sees_draft", "may_send", "sees_sent", "may_sign"), MATRIX)
def test_role_matrix(client, people, draft, who, sees_draft, may_send, sees_sent, may_sign):
    user = getattr(people, who)
    client.force_login(user)
    assert client.get(url("sign", draft)).status_code == (200 if sees_draft else 404)
    response = client.post(url("submit", draft), {"content_version": draft.content_version})
    draft.refresh_from_db()
    assert (draft.status == PublicationStatus.SUBMITTED) == may_send
    if not may_send:
        assert response.status_code in (403, 404)
        send(client, people.editor, draft)
        client.force_login(user)
    assert client.get(url("sign", draft)).status_code == (200 if sees_sent else 404)
    client.post(
        url("sign", draft),
        {"password": PASSWORD, "title": "", "content_version": draft.content_version},
    )
    assert PledgeSignOff.objects.filter(user=user).exists() == may_sign


def test_anonymous_visitors_are_asked_to_log_in(client, draft):
    for step in ("sign", "submit", "return", "revise"):
        response = client.post(url(step, draft))
        assert response.status_code == 302 and "/logga-in/" in response.url
    assert client.get(url("sign", draft)).status_code == 302


def test_a_draft_is_not_public(client, draft):
    assert client.get(f"/medborgarlofte/{draft.slug}/").status_code == 404
    assert client.get(f"/medborgarlofte/{draft.slug}/pdf/").status_code == 404


def test_unknown_kind_or_document_is_not_found(client, people, draft):
    client.force_login(people.editor)
    assert client.get(f"/redaktor/okand/{draft.pk}/underskrifter/").status_code == 404
    assert (
        client.get(f"/redaktor/medborgarlofte/{draft.pk + 999}/underskrifter/").status_code == 404
    )
