"""A scanned paper follow-up is refused when the PDF carries more than scanned pages:
JavaScript, an embedded file, or a signature field or seal (which the verification page
would then seem to vouch for). Uploaded through the admin's form, as staff do."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from followup.models import Review
from portal.documents.seal import seal_pdf
from portal.models import IssuedDocument
from tests.documents import crafted_pdfs

# Autouse: seal with the test certificate, store files under tmp_path.
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.documents.form_pages import post_add_form
from tests.followup.factories import UserFactory

SCRIPT = "Filen innehåller JavaScript eller andra funktioner som körs när den öppnas."
EMBEDDED = "Filen innehåller bifogade filer."
SIGNATURE = "Filen innehåller en elektronisk underskrift eller ett sigill."


@pytest.fixture
def staff(db):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(UserFactory(is_staff=True, is_superuser=True))
    return browser


def upload_scan(staff, pledge, content: bytes):
    return post_add_form(
        staff,
        reverse("admin:followup_review_add"),
        {
            "period_start": "2017-01-01",
            "upload": SimpleUploadedFile("uppfoljning-2017.pdf", content, "application/pdf"),
            "signed_by": "Anna Andersson, kommunalråd, Granby kommun",
            "note": "Inskannad från pappersoriginalet",
        },
        choices={"target": str(pledge)},
    )


def refused(response, message: str) -> bool:
    return (
        response.status_code == 200
        and message in response.content.decode()
        and not Review.objects.exists()
        and not IssuedDocument.objects.exists()
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (lambda: crafted_pdfs.one_page_pdf(javascript="app.alert('hej')"), SCRIPT),
        (lambda: crafted_pdfs.one_page_pdf(open_action_js="app.alert('hej')"), SCRIPT),
        (lambda: crafted_pdfs.one_page_pdf(attachment=b"dold bilaga"), EMBEDDED),
        (
            lambda: crafted_pdfs.with_empty_signature_field(crafted_pdfs.one_page_pdf()),
            SIGNATURE,
        ),
    ],
    ids=["document-javascript", "open-action-javascript", "embedded-file", "signature-field"],
)
def test_a_scan_with_more_than_pages_is_refused_with_a_message(
    staff,
    old_pledge,
    content,
    message,
):
    assert refused(upload_scan(staff, old_pledge, content()), message)


def test_a_scan_sealed_by_the_portal_itself_is_refused(
    staff,
    old_pledge,
):
    sealed = seal_pdf(crafted_pdfs.one_page_pdf(), reason="Prov")
    assert refused(upload_scan(staff, old_pledge, sealed), SIGNATURE)


def test_a_plain_scan_is_accepted(staff, old_pledge):
    content = crafted_pdfs.one_page_pdf()
    response = upload_scan(staff, old_pledge, content)
    assert response.status_code == 302
    review = Review.objects.get(pledge=old_pledge)
    assert review.is_scanned
    scan = IssuedDocument.objects.for_object(review).get()
    with scan.file.open("rb") as handle:
        assert handle.read() == content
