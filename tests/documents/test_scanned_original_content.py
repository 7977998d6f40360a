"""An editor's scanned original (the documents admin) is refused when the PDF carries
JavaScript, an embedded file or a signature, or cannot be read; a plain PDF is stored."""

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from portal.documents.render import html_to_pdf
from portal.documents.scanned import check_scanned_original
from portal.models import IssuedDocument
from tests.documents import crafted_pdfs
from tests.documents.form_pages import post_add_form
from tests.factories import PledgeFactory


@pytest.fixture
def editor(db):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(User.objects.create_superuser("redaktor", password="hemligt-losenord-123"))
    return browser


@pytest.fixture
def pledge(db):
    return PledgeFactory(title="Medborgarlöfte för Testby 2026", slug="testby-2026")


def attach(editor, pledge, content: bytes):
    return post_add_form(
        editor,
        reverse("admin:portal_issueddocument_add"),
        {"upload": SimpleUploadedFile("skann.pdf", content, "application/pdf"), "note": "Papper"},
        choices={"target": f"Medborgarlöfte: {pledge.title}"},
    )


def test_editor_cannot_attach_a_scan_with_javascript(editor, pledge):
    response = attach(editor, pledge, crafted_pdfs.one_page_pdf(open_action_js="app.alert(1)"))
    assert response.status_code == 200
    assert "Filen innehåller JavaScript" in response.content.decode()
    assert not IssuedDocument.objects.exists()


def test_editor_attaches_a_plain_scan(editor, pledge):
    response = attach(editor, pledge, crafted_pdfs.one_page_pdf())
    assert response.status_code == 302
    assert IssuedDocument.objects.get().kind == IssuedDocument.Kind.SCANNED


def test_a_weasyprint_pdf_counts_as_plain():
    check_scanned_original(html_to_pdf("<html lang='sv'><title>T</title><p>Hej</p></html>"))


def test_an_encrypted_pdf_is_refused():
    from io import BytesIO

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(BytesIO(crafted_pdfs.one_page_pdf())))
    writer.encrypt("hemligt", algorithm="AES-128")
    output = BytesIO()
    writer.write(output)
    with pytest.raises(ValidationError, match="krypterad"):
        check_scanned_original(output.getvalue())


def test_an_unreadable_pdf_with_objects_is_refused_but_a_bare_header_passes():
    with pytest.raises(ValidationError, match="går inte att läsa som PDF"):
        check_scanned_original(b"%PDF-1.4\n1 0 obj << /JS (app.alert(1)) >> endobj\n")
    check_scanned_original(b"%PDF-1.4\n% bara en kommentar\n%%EOF\n")


def test_the_service_refuses_too(pledge):
    from portal.services import document_attach_scanned_original

    with pytest.raises(ValidationError, match="bifogade filer"):
        document_attach_scanned_original(
            document=pledge,
            upload=SimpleUploadedFile("skann.pdf", crafted_pdfs.one_page_pdf(attachment=b"x")),
            title=pledge.title,
            path=pledge.get_absolute_url(),
        )
    assert not IssuedDocument.objects.exists()
