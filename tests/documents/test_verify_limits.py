"""Kontrollera ett dokument under attack: a file built to stall the check, too many checks,
too large a body, a check that never ends. Each gets a Swedish answer, quickly, never a
500. Every upload goes through the page's form, with its CSRF token, as a browser sends it.
"""

import os
import re
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from portal.documents import seal, structure
from portal.documents.render import html_to_pdf
from portal.documents.seal import SealState, check_seal, seal_pdf
from tests.documents import crafted_pdfs, slow_check
from tests.seeds import html_text

VERIFY = "portal:verify"
TOO_MANY_FIELDS = (
    "Filen innehåller för många underskriftsfält för att kunna kontrolleras. "
    "Portalens dokument har ett enda sigill."
)
TOO_MANY_REVISIONS = "Filen har ändrats i för många omgångar för att kunna kontrolleras."
ALTERED = "Dokumentet har ändrats efter försegling"
TOO_LARGE = "Filen är för stor. Den största fil som går att ladda upp är"
TOO_MANY_CHECKS = "Du har gjort många kontroller på kort tid. Vänta en minut och försök igen."
TOO_SLOW = "Kontrollen tog för lång tid och avbröts"


@pytest.fixture
def browser(db):
    """A client that, like a browser, must send the CSRF token the form gave it."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture(scope="module")
def sealed():
    """A PDF sealed by the portal's certificate but not in its register: the seal is checked."""
    html = "<html lang='sv'><head><title>Prov</title></head><body>Förseglad</body></html>"
    return html_to_pdf(html)


@pytest.fixture
def sealed_pdf(sealed, document_settings):
    return seal_pdf(sealed, reason="Prov")


def check_file(browser, content: bytes, **extra):
    """Open the page, choose ``content`` as the file and press "Kontrollera"."""
    page = browser.get(reverse(VERIFY)).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert '<input type="file" name="file"' in page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = {
        "csrfmiddlewaretoken": token,
        "file": SimpleUploadedFile("dokument.pdf", content, "application/pdf"),
        "sha256": "",
    }
    return browser.post(reverse(VERIFY), data, **extra)


def answer(response) -> str:
    return html_text(response.content.decode())


def test_a_thousand_signature_fields_at_the_seal_are_refused_within_two_seconds(
    browser, sealed_pdf
):
    crafted = crafted_pdfs.with_signature_fields_at_the_seal(sealed_pdf, 1000)

    started = time.monotonic()
    response = check_file(browser, crafted)
    elapsed = time.monotonic() - started

    assert elapsed < 2
    assert response.status_code == 200
    assert TOO_MANY_FIELDS in answer(response)
    assert "äkta" not in answer(response)


def test_fields_hidden_from_the_byte_count_are_counted_in_the_parsed_form(sealed_pdf, monkeypatch):
    # As if the fields sat in a compressed object stream, out of reach of the byte count.
    monkeypatch.setattr(structure, "check_bytes", lambda content: None)
    crafted = crafted_pdfs.with_signature_fields_at_the_seal(sealed_pdf, 1000)

    started = time.monotonic()
    state = check_seal(crafted).state

    assert time.monotonic() - started < 2
    assert state == SealState.TOO_MANY_SIGNATURE_FIELDS


def test_a_few_extra_signature_fields_are_checked_and_the_file_is_changed(browser, sealed_pdf):
    crafted = crafted_pdfs.with_signature_fields_at_the_seal(sealed_pdf, 3)
    assert ALTERED in answer(check_file(browser, crafted))


def test_many_revisions_are_refused(browser, sealed_pdf):
    crafted = crafted_pdfs.with_revisions(sealed_pdf, structure.MAX_REVISIONS)
    response = check_file(browser, crafted)
    assert response.status_code == 200
    assert TOO_MANY_REVISIONS in answer(response)


def test_many_revisions_are_counted_in_the_parsed_file_too(sealed_pdf, monkeypatch):
    monkeypatch.setattr(structure, "check_bytes", lambda content: None)
    crafted = crafted_pdfs.with_revisions(sealed_pdf, structure.MAX_REVISIONS)
    assert check_seal(crafted).state == SealState.TOO_MANY_REVISIONS


@pytest.mark.parametrize("keep_hex", [True, False], ids=["other-hex-digit", "flipped-bit"])
@pytest.mark.parametrize("hex_digit", [40, 300, 1000])
def test_a_damaged_seal_blob_says_changed_after_sealing(browser, sealed_pdf, hex_digit, keep_hex):
    damaged = crafted_pdfs.with_damaged_seal_blob(
        sealed_pdf, hex_digit=hex_digit, keep_hex=keep_hex
    )
    page = answer(check_file(browser, damaged))
    assert ALTERED in page
    assert "går inte att läsa" not in page


def test_only_the_portals_seal_field_is_validated(sealed_pdf, monkeypatch):
    crafted = crafted_pdfs.with_signature_fields_at_the_seal(sealed_pdf, 3)
    validated = []
    original = seal.validate_pdf_signature

    def counting(embedded, *args, **kwargs):
        validated.append(embedded.field_name)
        return original(embedded, *args, **kwargs)

    monkeypatch.setattr(seal, "validate_pdf_signature", counting)
    assert check_seal(crafted).state == SealState.ALTERED
    assert validated == [seal.SIGNATURE_FIELD]


class Unreadable:
    """A request body that fails the test if anyone reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def test_a_body_larger_than_the_limit_is_refused_before_it_is_read(browser, settings):
    settings.PORTAL_DOCUMENT_MAX_UPLOAD_BYTES = 1000
    page = browser.get(reverse(VERIFY)).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    response = browser.post(
        reverse(VERIFY),
        {"csrfmiddlewaretoken": token, "sha256": ""},
        CONTENT_LENGTH=str(10 * 1024 * 1024),
        **{"wsgi.input": Unreadable()},
    )

    assert response.status_code == 413
    assert TOO_LARGE in answer(response)
    assert "1000" in answer(response)


def test_a_file_over_the_limit_within_an_honest_length_is_stopped_while_read(browser, settings):
    settings.PORTAL_DOCUMENT_MAX_UPLOAD_BYTES = 1000
    response = check_file(browser, b"%PDF-1.7\n" + b"0" * 5000)
    assert response.status_code == 413
    assert TOO_LARGE in answer(response)


def test_the_eleventh_check_within_a_minute_is_refused(browser, settings):
    settings.VERIFY_CHECKS_PER_MINUTE = 10
    for _ in range(10):
        response = check_file(browser, b"%PDF-1.7\nnot really a pdf")
        assert "Filen går inte att läsa som PDF" in answer(response)

    eleventh = check_file(browser, b"%PDF-1.7\nnot really a pdf")

    assert eleventh.status_code == 429
    assert TOO_MANY_CHECKS in answer(eleventh)
    assert "Filen går inte att läsa som PDF" not in answer(eleventh)
    # Another address still gets its checks.
    other = check_file(browser, b"%PDF-1.7\nnot really a pdf", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


def test_behind_the_proxy_each_resident_has_their_own_checks(browser, settings):
    # Every request reaches the portal from the proxy: counted by its address, one
    # resident's checks would use up everyone's.
    settings.TRUSTED_PROXY_COUNT = 1
    settings.VERIFY_CHECKS_PER_MINUTE = 2

    def from_resident(address: str, forged: str = ""):
        forwarded = f"{forged}, {address}" if forged else address
        meta = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": forwarded}
        return check_file(browser, b"%PDF-1.7\nnot really a pdf", **meta)

    assert [from_resident("198.51.100.7").status_code for _ in range(3)] == [200, 200, 429]
    # Another resident behind the same proxy still gets their checks ...
    assert from_resident("198.51.100.8").status_code == 200
    # ... and the first cannot escape the limit by writing a header of their own.
    assert from_resident("198.51.100.7", forged="192.0.2.99").status_code == 429


def test_a_check_past_the_time_limit_is_stopped_with_a_swedish_answer(
    browser, sealed_pdf, settings, monkeypatch
):
    settings.VERIFY_TIME_LIMIT_SECONDS = 0.5
    monkeypatch.setattr("portal.documents.verify.SEAL_INSPECTOR", slow_check.busy_loop)
    pid_file = slow_check.pid_file(sealed_pdf)
    pid_file.unlink(missing_ok=True)

    started = time.monotonic()
    response = check_file(browser, sealed_pdf)
    elapsed = time.monotonic() - started

    assert response.status_code == 200
    assert TOO_SLOW in answer(response)
    assert elapsed < 3
    # The worker that was busy is gone, not left spinning.
    pid = int(pid_file.read_text())
    pid_file.unlink()
    with pytest.raises(ProcessLookupError):
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            os.kill(pid, 0)
            time.sleep(0.05)


def test_an_intact_seal_is_still_recognised_in_the_worker(browser, sealed_pdf):
    page = answer(check_file(browser, sealed_pdf))
    assert "Förseglingen är hel, men dokumentet finns inte i portalens register" in page
