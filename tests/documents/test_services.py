"""Issuing: once per content, immutable records, the command, scanned originals and the admin."""

import hashlib
import io

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from pledges.documents import PLEDGE_PDF
from portal.choices import PublicationStatus
from portal.models import ImmutableDocumentError, IssuedDocument
from portal.services import document_attach_scanned_original, document_issue
from tests.factories import CommitmentFactory, PledgeFactory

SCAN = b"%PDF-1.4\n% ett inskannat pappersoriginal\n%%EOF\n"


@pytest.fixture
def pledge(db):
    pledge = PledgeFactory(title="Medborgarlöfte för Testby 2026", slug="testby-2026")
    CommitmentFactory(pledge=pledge)
    return pledge


def test_a_draft_gets_no_pdf(db):
    draft = PledgeFactory(status=PublicationStatus.DRAFT)
    with pytest.raises(ValidationError):
        document_issue(pdf=PLEDGE_PDF, document=draft)


def test_unchanged_document_is_not_issued_again_but_force_does(pledge):
    first, created = document_issue(pdf=PLEDGE_PDF, document=pledge)
    again, created_again = document_issue(pdf=PLEDGE_PDF, document=pledge)
    assert created and not created_again and again == first
    forced, created_forced = document_issue(pdf=PLEDGE_PDF, document=pledge, force=True)
    assert created_forced and forced.version == 2


def test_issued_document_records_what_it_showed(pledge):
    issued, _ = document_issue(pdf=PLEDGE_PDF, document=pledge)
    assert issued.title == "Medborgarlöfte för Testby 2026"
    assert issued.document_path == pledge.get_absolute_url()
    assert issued.sealed_by.startswith("Medborgarlöften")
    assert issued.file_name == "Medborgarlöfte för Testby 2026 (version 1).pdf"
    with issued.file.open("rb") as handle:
        content = handle.read()
    assert len(content) == issued.size
    assert hashlib.sha256(content).hexdigest() == issued.sha256


def test_issued_document_refuses_save_and_delete(pledge):
    issued, _ = document_issue(pdf=PLEDGE_PDF, document=pledge)
    issued.title = "Ändrad"
    with pytest.raises(ImmutableDocumentError):
        issued.save()
    with pytest.raises(ImmutableDocumentError):
        issued.delete()
    with pytest.raises(ImmutableDocumentError):
        IssuedDocument.objects.all().delete()
    with pytest.raises(ImmutableDocumentError):
        IssuedDocument.objects.update(title="Ändrad")
    assert IssuedDocument.objects.get().title == "Medborgarlöfte för Testby 2026"


def test_issue_documents_command_is_idempotent(seeded, settings):
    out = io.StringIO()
    call_command("issue_documents", stdout=out)
    # One agreement and eight pledges among the seed documents.
    assert IssuedDocument.objects.count() == 9
    call_command("issue_documents", stdout=out)
    assert IssuedDocument.objects.count() == 9
    assert "nothing issued" in out.getvalue()


def test_issue_documents_without_a_certificate_says_how_to_configure_one(db, settings):
    from django.core.management.base import CommandError

    settings.PORTAL_SEAL_PKCS12 = ""
    with pytest.raises(CommandError, match="PORTAL_SEAL_PKCS12"):
        call_command("issue_documents", stdout=io.StringIO())


def test_scanned_original_is_stored_and_hashed(pledge):
    scan = document_attach_scanned_original(
        document=pledge,
        upload=SimpleUploadedFile("skann.pdf", SCAN),
        title=pledge.title,
        path=pledge.get_absolute_url(),
    )
    assert scan.kind == IssuedDocument.Kind.SCANNED
    assert scan.file_name == "Medborgarlöfte för Testby 2026 (inskannat original).pdf"
    with scan.file.open("rb") as handle:
        assert handle.read() == SCAN


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "Filen är tom"), (b"GIF89a", "Filen är inte en PDF")],
)
def test_scanned_original_must_be_a_pdf(pledge, content, message):
    with pytest.raises(ValidationError, match=message):
        document_attach_scanned_original(
            document=pledge,
            upload=SimpleUploadedFile("skann.pdf", content),
            title=pledge.title,
            path=pledge.get_absolute_url(),
        )


def test_the_same_scan_is_not_stored_twice(pledge):
    def attach():
        return document_attach_scanned_original(
            document=pledge,
            upload=SimpleUploadedFile("skann.pdf", SCAN),
            title=pledge.title,
            path=pledge.get_absolute_url(),
        )

    attach()
    with pytest.raises(ValidationError, match="finns redan"):
        attach()
    assert IssuedDocument.objects.count() == 1


def test_editor_uploads_a_scanned_original_in_the_admin(client, pledge):
    editor = User.objects.create_superuser("redaktor", password="hemligt-losenord-123")
    client.force_login(editor)
    add_url = reverse("admin:portal_issueddocument_add")
    form = client.get(add_url).content.decode()
    assert "Medborgarlöfte: Medborgarlöfte för Testby 2026" in form
    from django.contrib.contenttypes.models import ContentType

    target = f"{ContentType.objects.get_for_model(pledge).pk}:{pledge.pk}"
    response = client.post(
        add_url,
        {"target": target, "upload": SimpleUploadedFile("skann.pdf", SCAN), "note": "Från papper"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    scan = IssuedDocument.objects.get()
    assert scan.kind == IssuedDocument.Kind.SCANNED and scan.issued_by == editor
    page = client.get(pledge.get_absolute_url()).content.decode()
    assert "Inskannat original" in page
    assert scan.get_absolute_url() in page
    # Frozen: no change or delete in the admin.
    change = client.post(reverse("admin:portal_issueddocument_change", args=[scan.pk]), {})
    assert change.status_code == 403
    delete = client.post(reverse("admin:portal_issueddocument_delete", args=[scan.pk]), {})
    assert delete.status_code == 403


def test_admin_rejects_a_non_pdf_in_swedish(client, pledge):
    client.force_login(User.objects.create_superuser("redaktor", password="hemligt-losenord-123"))
    from django.contrib.contenttypes.models import ContentType

    target = f"{ContentType.objects.get_for_model(pledge).pk}:{pledge.pk}"
    response = client.post(
        reverse("admin:portal_issueddocument_add"),
        {"target": target, "upload": SimpleUploadedFile("bild.png", b"\x89PNG")},
    )
    assert response.status_code == 200
    assert "Filen är inte en PDF" in response.content.decode()
    assert not IssuedDocument.objects.exists()


def test_deleting_the_uploader_keeps_the_document(pledge):
    editor = User.objects.create_superuser("redaktor", password="hemligt-losenord-123")
    scan = document_attach_scanned_original(
        document=pledge,
        upload=SimpleUploadedFile("skann.pdf", SCAN),
        title=pledge.title,
        path=pledge.get_absolute_url(),
        issued_by=editor,
    )
    editor.delete()
    kept = IssuedDocument.objects.get(pk=scan.pk)
    assert kept.issued_by is None and kept.sha256 == scan.sha256


def test_only_editors_attach_scanned_originals(pledge):
    with pytest.raises(PermissionDenied):
        document_attach_scanned_original(
            document=pledge,
            upload=SimpleUploadedFile("skann.pdf", SCAN),
            title=pledge.title,
            path=pledge.get_absolute_url(),
            issued_by=User.objects.create_user("utomstaende"),
        )
    assert not IssuedDocument.objects.exists()
