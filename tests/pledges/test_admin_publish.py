"""Staff never publish a pledge from the admin: publishing is the parties' signatures in
the portal. They may issue a published pledge's sealed PDF again."""

import pytest
from django.contrib.auth.models import User

from portal.choices import PublicationStatus
from portal.models import IssuedDocument
from tests.factories import CommitmentFactory, PledgeFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/pledges/pledge/"


def act(client, action: str, *pledges):
    data = {"action": action, "index": "0", "_selected_action": [p.pk for p in pledges]}
    return client.post(CHANGELIST, data, follow=True)


def test_the_admin_offers_no_publish_action_and_refuses_a_posted_one(client, sealing):
    draft = PledgeFactory(title="Medborgarlöfte för Testby 2026", status=PublicationStatus.DRAFT)
    CommitmentFactory(pledge=draft)
    client.force_login(User.objects.create_superuser("personal"))

    assert 'value="publish"' not in client.get(CHANGELIST).content.decode()
    act(client, "publish", draft)

    draft.refresh_from_db()
    assert draft.status == PublicationStatus.DRAFT
    assert not IssuedDocument.objects.for_object(draft).exists()


def test_staff_issue_a_published_pledges_pdf_once(client, sealing):
    pledge = PledgeFactory(title="Medborgarlöfte för Testby 2026")
    CommitmentFactory(pledge=pledge)
    client.force_login(User.objects.create_superuser("personal"))

    response = act(client, "issue_document", pledge)
    assert "1 medborgarlöfte fick en ny förseglad PDF" in response.content.decode()
    response = act(client, "issue_document", pledge)
    assert "1 medborgarlöfte har redan en aktuell PDF" in response.content.decode()
    assert IssuedDocument.objects.for_object(pledge).count() == 1
