"""Fixtures for the document tests: a development certificate, media in a temporary
directory, and every seed document rendered and sealed once per session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import transaction
from django.test import override_settings

from portal.documents.certificates import create_dev_certificate


@dataclass(frozen=True)
class CertificateFiles:
    pkcs12: Path
    passphrase_file: Path


@dataclass(frozen=True)
class SealedSeed:
    """A seed document's issued PDF, kept in memory after the database is rolled back."""

    slug: str
    kind: str  # "pledge" or "agreement"
    title: str
    parties: str
    content: bytes
    sha256: str
    commitments: list[str]
    signatories: list[tuple[str, str, str]]  # (name, title, organisation)


@pytest.fixture(scope="session")
def certificate_files(tmp_path_factory) -> CertificateFiles:
    directory = tmp_path_factory.mktemp("certs")
    files = CertificateFiles(directory / "seal.p12", directory / "seal.passphrase")
    create_dev_certificate(pkcs12_path=files.pkcs12, passphrase_path=files.passphrase_file)
    return files


def _document_settings(certificate_files: CertificateFiles, media_root: Path) -> dict:
    return {
        "PORTAL_SEAL_PKCS12": str(certificate_files.pkcs12),
        "PORTAL_SEAL_PASSPHRASE": "",
        "PORTAL_SEAL_PASSPHRASE_FILE": str(certificate_files.passphrase_file),
        "MEDIA_ROOT": media_root,
        "SITE_URL": "https://medborgarloften.example",
    }


@pytest.fixture(autouse=True)
def document_settings(settings, certificate_files, tmp_path):
    """Seal with the test certificate; store files under this test's tmp_path."""
    for name, value in _document_settings(certificate_files, tmp_path / "media").items():
        setattr(settings, name, value)
    return settings


def _read(issued) -> bytes:
    with issued.file.open("rb") as handle:
        return handle.read()


class _Rollback(Exception):
    pass


@pytest.fixture(scope="session")
def sealed_seeds(django_db_setup, django_db_blocker, certificate_files, tmp_path_factory):
    """Every seed document issued once per session; the database changes are rolled back."""
    from agreements.documents import AGREEMENT_PDF
    from agreements.models.parties import parties_line
    from agreements.selectors import agreement_for_page, published_agreements
    from pledges.documents import PLEDGE_PDF
    from pledges.seed import load_seed_documents
    from pledges.selectors import pledge_for_page, published_pledges
    from portal.services import document_issue

    media_root = tmp_path_factory.mktemp("seed-media")
    seeds: dict[str, SealedSeed] = {}
    with (
        django_db_blocker.unblock(),
        override_settings(**_document_settings(certificate_files, media_root)),
    ):
        try:
            with transaction.atomic():
                load_seed_documents()
                for pledge in published_pledges():
                    issued, _ = document_issue(pdf=PLEDGE_PDF, document=pledge)
                    full = pledge_for_page(slug=pledge.slug)
                    seeds[pledge.slug] = SealedSeed(
                        slug=pledge.slug,
                        kind="pledge",
                        title=pledge.title,
                        parties=parties_line(full),
                        content=_read(issued),
                        sha256=issued.sha256,
                        commitments=[c.text for c in full.commitments.all()],
                        signatories=[
                            (s.name, s.title, s.organisation) for s in full.signatories.all()
                        ],
                    )
                for agreement in published_agreements():
                    issued, _ = document_issue(pdf=AGREEMENT_PDF, document=agreement)
                    full = agreement_for_page(slug=agreement.slug)
                    seeds[agreement.slug] = SealedSeed(
                        slug=agreement.slug,
                        kind="agreement",
                        title=agreement.title,
                        parties=parties_line(full),
                        content=_read(issued),
                        sha256=issued.sha256,
                        commitments=[d.text for d in full.duties.all()]
                        + [g.text for g in full.goals.all()],
                        signatories=[
                            (s.name, s.title, s.organisation) for s in full.signatories.all()
                        ],
                    )
                raise _Rollback
        except _Rollback:
            pass
    return seeds


def flip_one_byte(content: bytes, position: int | None = None) -> bytes:
    """The same PDF with one byte changed, inside the sealed part of the file."""
    position = len(content) // 3 if position is None else position
    changed = bytearray(content)
    changed[position] ^= 0x01
    return bytes(changed)


def pdf_text(content: bytes, *, running_header: str = "") -> str:
    """The PDF's text, page by page, without the running header and footer (pypdf)."""
    import io

    from pypdf import PdfReader

    pages = []
    for page in PdfReader(io.BytesIO(content)).pages:
        text = page.extract_text()
        # WeasyPrint writes the page margin boxes after the page body.
        if running_header and running_header in text:
            text = text.rsplit(running_header, 1)[0]
        pages.append(text)
    return "\n".join(pages)
