"""Staff issue agreements' sealed PDFs again from the admin list; they never publish."""

import pytest
from django.contrib.auth.models import Permission, User

from agreements.models import Agreement
from portal.choices import PublicationStatus
from portal.models import IssuedDocument
from tests.factories import AgreementFactory, AgreementGoalFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/agreements/agreement/"


@pytest.fixture
def agreement(db):
    agreement = AgreementFactory(title="Samverkansöverenskommelse för Testby")
    AgreementGoalFactory(agreement=agreement)
    return agreement


def staff_user(*permissions: str) -> User:
    user = User.objects.create_user("personal", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=permissions))
    return user


def issue(client, *agreements: Agreement, follow: bool = True):
    data = {
        "action": "issue_document",
        "index": "0",
        "_selected_action": [a.pk for a in agreements],
    }
    return client.post(CHANGELIST, data, follow=follow)


def test_superuser_issues_the_sealed_pdf_once(client, sealing, agreement):
    superuser = User.objects.create_superuser("redaktor")
    client.force_login(superuser)

    response = issue(client, agreement)

    assert response.redirect_chain == [(CHANGELIST, 302)]
    issued = IssuedDocument.objects.for_object(agreement).get()
    assert issued.kind == IssuedDocument.Kind.SEALED and issued.issued_by == superuser
    assert (
        "1 överenskommelse fick en ny förseglad PDF: Samverkansöverenskommelse för Testby."
        in response.content.decode()
    )

    again = issue(client, agreement)

    assert IssuedDocument.objects.for_object(agreement).count() == 1
    assert (
        "1 överenskommelse har redan en aktuell PDF: Samverkansöverenskommelse för Testby."
        in again.content.decode()
    )


def test_a_draft_is_reported_and_gets_no_pdf(client, sealing, agreement):
    draft = AgreementFactory(title="Utkast till överenskommelse", status=PublicationStatus.DRAFT)
    client.force_login(User.objects.create_superuser("redaktor"))

    response = issue(client, draft, agreement)

    page = response.content.decode()
    assert (
        "Utkast till överenskommelse fick ingen PDF. "
        "Bara publicerade överenskommelser får en PDF." in page
    )
    assert "1 överenskommelse fick en ny förseglad PDF" in page  # the other one went on
    assert not IssuedDocument.objects.for_object(draft).exists()
    assert IssuedDocument.objects.for_object(agreement).exists()


def test_staff_without_change_permission_cannot_issue(client, sealing, agreement):
    client.force_login(staff_user("view_agreement"))
    assert 'value="issue_document"' not in client.get(CHANGELIST).content.decode()

    response = issue(client, agreement, follow=False)

    assert response.status_code == 200  # the list again, as for an unknown action
    assert not IssuedDocument.objects.for_object(agreement).exists()


def test_staff_cannot_publish_a_draft_from_the_admin(client, sealing):
    """Publishing is the parties' signatures in the portal: the admin offers no action."""
    draft = AgreementFactory(title="Ny överenskommelse", status=PublicationStatus.DRAFT)
    client.force_login(User.objects.create_superuser("redaktor"))

    assert 'value="publish"' not in client.get(CHANGELIST).content.decode()
    data = {"action": "publish", "index": "0", "_selected_action": [draft.pk]}
    client.post(CHANGELIST, data, follow=True)

    draft.refresh_from_db()
    assert draft.status == PublicationStatus.DRAFT
    assert not IssuedDocument.objects.for_object(draft).exists()
