"""Staff publish pledges from the admin list: the service publishes and issues the sealed PDF."""

import pytest
from django.contrib.auth.models import Permission, User
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import RequestFactory

from pledges.admin import PledgeAdmin
from pledges.models import Pledge
from portal.choices import PublicationStatus
from portal.models import IssuedDocument
from tests.factories import CommitmentFactory, PledgeFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/pledges/pledge/"


@pytest.fixture
def draft(db):
    pledge = PledgeFactory(title="Medborgarlöfte för Testby 2026", status=PublicationStatus.DRAFT)
    CommitmentFactory(pledge=pledge)
    return pledge


def staff_user(*permissions: str) -> User:
    user = User.objects.create_user("personal", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=permissions))
    return user


def publish(client, *pledges: Pledge, follow: bool = True):
    data = {"action": "publish", "index": "0", "_selected_action": [p.pk for p in pledges]}
    return client.post(CHANGELIST, data, follow=follow)


def test_superuser_publishes_a_draft_with_its_sealed_pdf(client, sealing, draft):
    superuser = User.objects.create_superuser("redaktor", password="hemligt-losenord-123")
    client.force_login(superuser)

    response = publish(client, draft)

    assert response.redirect_chain == [(CHANGELIST, 302)]
    draft.refresh_from_db()
    assert draft.status == PublicationStatus.PUBLISHED and draft.published_on
    issued = IssuedDocument.objects.for_object(draft).get()
    assert issued.kind == IssuedDocument.Kind.SEALED and issued.issued_by == superuser
    assert (
        "1 medborgarlöfte är publicerat med förseglad PDF: Medborgarlöfte för Testby 2026."
        in response.content.decode()
    )


def test_staff_with_change_permission_publish_and_a_second_run_issues_nothing(
    client, sealing, draft
):
    client.force_login(staff_user("view_pledge", "change_pledge"))
    publish(client, draft)
    publish(client, draft)  # already published, content unchanged
    draft.refresh_from_db()
    assert draft.status == PublicationStatus.PUBLISHED
    assert IssuedDocument.objects.for_object(draft).count() == 1


def test_staff_without_change_permission_are_not_offered_the_action_and_cannot_post_it(
    client, sealing, draft
):
    client.force_login(staff_user("view_pledge"))
    assert 'value="publish"' not in client.get(CHANGELIST).content.decode()

    response = publish(client, draft, follow=False)

    assert response.status_code == 200  # the list again, as for an unknown action
    draft.refresh_from_db()
    assert draft.status == PublicationStatus.DRAFT
    assert not IssuedDocument.objects.for_object(draft).exists()


def test_missing_seal_certificate_is_reported_and_leaves_the_draft(client, sealing, draft):
    sealing.PORTAL_SEAL_PKCS12 = ""
    client.force_login(User.objects.create_superuser("redaktor"))

    response = publish(client, draft)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Medborgarlöfte för Testby 2026 publicerades inte." in page
    assert "Dokumentet kunde inte förseglas: No seal certificate" in page
    draft.refresh_from_db()
    assert draft.status == PublicationStatus.DRAFT  # the service's transaction rolled back
    assert not IssuedDocument.objects.for_object(draft).exists()


def test_a_refusal_by_the_service_is_reported_per_pledge(sealing, draft):
    # The admin offers the action only with change permission, and the service checks the
    # same permission: call the action directly to see how a refusal is reported.
    other = PledgeFactory(title="Medborgarlöfte för Annanby 2026", status=PublicationStatus.DRAFT)
    request = RequestFactory().post(CHANGELIST)
    request.user = staff_user("view_pledge")
    request._messages = CookieStorage(request)

    PledgeAdmin(Pledge, admin_site=None).publish(request, Pledge.objects.all())

    assert [str(m) for m in request._messages] == [
        "Medborgarlöfte för Annanby 2026 publicerades inte. "
        "Du har inte behörighet att ändra dokumentet.",
        "Medborgarlöfte för Testby 2026 publicerades inte. "
        "Du har inte behörighet att ändra dokumentet.",
    ]
    assert not Pledge.objects.filter(pk__in=[draft.pk, other.pk], status="published").exists()
