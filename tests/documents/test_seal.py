"""Sealing with the configured certificate, and telling an intact seal from a broken one."""

import asyncio
import io

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from portal.documents.certificates import create_dev_certificate
from portal.documents.render import html_to_pdf
from portal.documents.seal import SealState, check_seal, load_signer, seal_pdf
from tests.documents.conftest import flip_one_byte

HTML = '<html lang="sv"><head><title>Prov</title></head><body><p>Ett prov.</p></body></html>'


@pytest.fixture(scope="module")
def plain_pdf() -> bytes:
    return html_to_pdf(HTML)


def test_seal_is_pades_and_intact(plain_pdf):
    from pyhanko.pdf_utils.reader import PdfFileReader

    sealed = seal_pdf(plain_pdf, reason="Prov")
    (signature,) = PdfFileReader(io.BytesIO(sealed)).embedded_signatures
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert check_seal(sealed).state == SealState.INTACT


def test_sealing_and_checking_work_in_a_thread_that_runs_an_event_loop(plain_pdf):
    """An ASGI worker (or playwright's sync API) runs a loop; pyHanko's asyncio.run must not."""

    async def seal_and_check() -> SealState:
        return check_seal(seal_pdf(plain_pdf, reason="Prov")).state

    assert asyncio.run(seal_and_check()) == SealState.INTACT


def test_a_changed_byte_anywhere_in_the_sealed_range_breaks_the_seal(plain_pdf):
    sealed = seal_pdf(plain_pdf, reason="Prov")
    for position in (len(plain_pdf) // 4, len(plain_pdf) // 2, len(plain_pdf) - 100):
        assert check_seal(flip_one_byte(sealed, position)).state in {
            SealState.ALTERED,
            SealState.UNREADABLE,
        }
    assert check_seal(flip_one_byte(sealed)).state == SealState.ALTERED


def test_bytes_appended_after_sealing_are_not_intact(plain_pdf):
    sealed = seal_pdf(plain_pdf, reason="Prov")
    assert check_seal(sealed + b"\n% tillagt\n").state != SealState.INTACT


def test_unsealed_pdf_is_reported_as_unsealed(plain_pdf):
    assert check_seal(plain_pdf).state == SealState.UNSEALED


def test_a_seal_by_another_certificate_is_foreign(plain_pdf, tmp_path, settings):
    sealed_by_us = seal_pdf(plain_pdf, reason="Prov")
    other = tmp_path / "other.p12"
    create_dev_certificate(
        pkcs12_path=other, passphrase_path=tmp_path / "other.pass", common_name="Någon annan"
    )
    settings.PORTAL_SEAL_PKCS12 = str(other)
    settings.PORTAL_SEAL_PASSPHRASE_FILE = str(tmp_path / "other.pass")
    assert check_seal(sealed_by_us).state == SealState.FOREIGN


def test_garbage_after_the_pdf_header_is_unreadable():
    assert check_seal(b"%PDF-1.7\nnot really a pdf").state == SealState.UNREADABLE


def test_missing_certificate_is_a_configuration_error(settings):
    settings.PORTAL_SEAL_PKCS12 = ""
    with pytest.raises(ImproperlyConfigured):
        load_signer()


def test_create_dev_certificate_is_idempotent(tmp_path):
    pkcs12 = tmp_path / "certs" / "dev.p12"
    passphrase = tmp_path / "certs" / "dev.passphrase"
    out = io.StringIO()
    call_command(
        "create_dev_certificate", pkcs12=str(pkcs12), passphrase_file=str(passphrase), stdout=out
    )
    first = pkcs12.read_bytes()
    call_command(
        "create_dev_certificate", pkcs12=str(pkcs12), passphrase_file=str(passphrase), stdout=out
    )
    assert pkcs12.read_bytes() == first
    assert "already exists" in out.getvalue()
    assert oct(pkcs12.stat().st_mode & 0o777) == "0o600"


def test_deploy_check_warns_without_a_certificate(settings):
    from portal.checks import seal_certificate_check

    settings.PORTAL_SEAL_PKCS12 = ""
    assert [w.id for w in seal_certificate_check(None)] == ["portal.W001"]


def test_deploy_check_warns_about_the_development_certificate():
    from portal.checks import seal_certificate_check

    assert [w.id for w in seal_certificate_check(None)] == ["portal.W003"]
