"""Kontrollera ett dokument: every kind of file gets a clear Swedish answer, never an error page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pledges.documents import PLEDGE_PDF
from portal.documents.render import html_to_pdf
from portal.services import document_issue
from tests.documents.conftest import flip_one_byte
from tests.factories import CommitmentFactory, PledgeFactory, PledgeSignatoryFactory

VERIFY = "portal:verify"


@pytest.fixture
def issued(db):
    pledge = PledgeFactory(title="Medborgarlöfte för Testby 2026", slug="testby-2026")
    CommitmentFactory(pledge=pledge)
    PledgeSignatoryFactory(
        pledge=pledge, name="Karin Testsson", title="kommunalråd", organisation="Testby kommun"
    )
    issued, _ = document_issue(pdf=PLEDGE_PDF, document=pledge)
    with issued.file.open("rb") as handle:
        issued.content = handle.read()
    return issued


def upload(client, content: bytes, name: str = "dokument.pdf"):
    return client.post(
        reverse(VERIFY), {"file": SimpleUploadedFile(name, content, "application/pdf")}
    )


def test_verify_page_has_labelled_upload_and_hash_fields(client, db):
    page = client.get(reverse(VERIFY)).content.decode()
    assert "<h1>Kontrollera ett dokument</h1>" in page
    assert '<label for="id_file">Ladda upp en PDF</label>' in page
    assert '<label for="id_sha256">' in page
    assert 'enctype="multipart/form-data"' in page


def test_site_nav_links_the_verify_page(client, db):
    page = client.get(reverse("pledges:home")).content.decode()
    assert f'href="{reverse(VERIFY)}"' in page
    assert "Kontrollera ett dokument" in page


def test_unaltered_pdf_is_authentic_and_says_which_document(client, issued):
    response = upload(client, issued.content)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dokumentet är äkta och oförändrat" in page
    assert "Medborgarlöfte för Testby 2026" in page
    assert "Medborgarlöfte)" in page  # the document type
    assert "<dt>Version</dt>\n        <dd>1" in page
    assert "Karin Testsson, kommunalråd, Testby kommun" in page
    assert issued.sha256 in page
    assert f'href="{issued.get_absolute_url()}"' in page
    assert f'href="{issued.document_path}"' in page


def test_pasted_hash_finds_the_document(client, issued):
    response = client.post(reverse(VERIFY), {"sha256": f"  {issued.sha256.upper()}  "})
    assert "Dokumentet är äkta och oförändrat" in response.content.decode()


def test_pdf_changed_after_sealing_is_reported_as_changed(client, issued):
    page = upload(client, flip_one_byte(issued.content)).content.decode()
    assert "Dokumentet har ändrats efter försegling" in page
    assert "äkta och oförändrat" not in page


def test_pdf_from_elsewhere_is_not_issued_by_the_portal(client, db):
    other = html_to_pdf("<html lang='sv'><head><title>Annat</title></head><body>Hej</body></html>")
    page = upload(client, other).content.decode()
    assert "Dokumentet är inte utfärdat av portalen" in page


def test_non_pdf_gets_a_swedish_answer(client, db):
    response = upload(client, b"GIF89a not a pdf", name="bild.gif")
    assert response.status_code == 200
    assert "Filen är inte en PDF" in response.content.decode()


def test_empty_file_gets_a_swedish_answer(client, db):
    response = upload(client, b"")
    assert response.status_code == 200
    assert "Filen är tom" in response.content.decode()


def test_file_over_the_size_limit_gets_a_swedish_answer(client, db, settings):
    settings.PORTAL_DOCUMENT_MAX_UPLOAD_BYTES = 1000
    response = upload(client, b"%PDF-1.7\n" + b"0" * 2000)
    assert response.status_code == 413
    assert "Filen är för stor" in response.content.decode()
    assert "1000" in response.content.decode()


def test_damaged_pdf_gets_a_swedish_answer(client, db):
    page = upload(client, b"%PDF-1.7\nthis is not really a pdf").content.decode()
    assert "Filen går inte att läsa som PDF" in page


@pytest.mark.parametrize("value", ["abc", "g" * 64, "0" * 63])
def test_malformed_hash_gets_a_swedish_answer(client, db, value):
    response = client.post(reverse(VERIFY), {"sha256": value})
    assert response.status_code == 200
    assert "64 tecken" in response.content.decode()


def test_unknown_hash_gets_a_swedish_answer(client, db):
    page = client.post(reverse(VERIFY), {"sha256": "a" * 64}).content.decode()
    assert "Ingen handling i portalen har den kontrollsumman" in page


def test_nothing_submitted_gets_a_swedish_answer(client, db):
    response = client.post(reverse(VERIFY), {})
    assert response.status_code == 200
    assert "Välj en PDF-fil eller klistra in en kontrollsumma." in response.content.decode()


def test_verification_without_a_configured_certificate_still_answers(client, issued, settings):
    settings.PORTAL_SEAL_PKCS12 = ""
    page = upload(client, flip_one_byte(issued.content)).content.decode()
    assert "Dokumentet är inte utfärdat av portalen" in page
    assert "Dokumentet är äkta och oförändrat" in upload(client, issued.content).content.decode()


def test_scanned_original_is_shown_as_such(client, issued):
    from portal.services import document_attach_scanned_original

    scan = document_attach_scanned_original(
        document=issued.document,
        upload=SimpleUploadedFile("skann.pdf", b"%PDF-1.4\n% skannat original\n"),
        title="Medborgarlöfte för Testby 2026",
        path=issued.document_path,
    )
    page = client.post(reverse(VERIFY), {"sha256": scan.sha256}).content.decode()
    assert "Filen är ett inskannat original som finns i portalen" in page


def test_verify_page_query_budgets(client, issued, django_assert_num_queries):
    # The empty form needs no data.
    with django_assert_num_queries(0):
        client.get(reverse(VERIFY))
    # 1 the stored version by its SHA-256, with its content type joined
    with django_assert_num_queries(1):
        client.post(reverse(VERIFY), {"sha256": issued.sha256})
