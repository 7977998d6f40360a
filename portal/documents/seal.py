"""Seal a PDF with the portal's organisational certificate (PAdES) and check a seal.

pyHanko facts this relies on: ask for ``SigSeedSubFilter.PADES`` explicitly; judge a
signature by ``bottom_line`` and ``intact`` (``valid`` alone stays True after a changed
byte); pass the trust roots explicitly, so nothing is fetched and the OS trust list is
never consulted.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import enum
import functools
import hashlib
import logging
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from portal.documents import structure
from portal.documents.certificates import SealConfig, seal_config

logger = logging.getLogger(__name__)

SIGNATURE_FIELD = "Portalforsegling"


class _MetadataKeepingWriter(IncrementalPdfFileWriter):
    """An incremental writer that leaves the document's metadata as WeasyPrint wrote it.

    pyHanko would otherwise replace the XMP packet with its own (it does not parse
    WeasyPrint's), which drops the PDF/A identification and the Swedish title.
    """

    def _update_meta(self) -> None:
        return None


@functools.lru_cache(maxsize=4)
def _signer(path: Path, mtime: float, passphrase: bytes | None) -> signers.SimpleSigner:
    signer = signers.SimpleSigner.load_pkcs12(pfx_file=str(path), passphrase=passphrase)
    if signer is None:
        raise ValueError(f"Could not read the seal certificate {path} (wrong passphrase?).")
    return signer


def load_signer(config: SealConfig | None = None) -> signers.SimpleSigner:
    """The signer for the configured certificate, loaded once per file version."""
    config = config or seal_config()
    return _signer(config.pkcs12_path, config.pkcs12_path.stat().st_mtime, config.passphrase)


def seal_certificate() -> asn1_x509.Certificate:
    """The certificate documents are sealed with; also the trust root when checking them."""
    return load_signer().signing_cert


def certificate_name(certificate: asn1_x509.Certificate) -> str:
    """The certificate subject's common name (or its whole subject)."""
    subject = certificate.subject.native
    return subject.get("common_name") or certificate.subject.human_friendly


def seal_pdf(content: bytes, *, reason: str, location: str = "Sverige") -> bytes:
    """Return ``content`` with an invisible PAdES B-B seal by the portal's certificate."""
    signer = load_signer()
    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        location=location,
        name=certificate_name(signer.signing_cert),
    )
    writer = _MetadataKeepingWriter(BytesIO(content))
    output = _run_outside_event_loop(lambda: signers.sign_pdf(writer, meta, signer=signer))
    return output.getvalue()


def _run_outside_event_loop(call):
    """Run ``call`` here, or in a worker thread when this thread already runs a loop.

    pyHanko's synchronous ``sign_pdf`` starts its own loop with ``asyncio.run``, which
    refuses to start inside a running loop (an ASGI worker's thread, or a thread that
    drives a browser through playwright's sync API).
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return call()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(call).result()


class SealState(enum.Enum):
    INTACT = "intact"  # sealed by the portal's certificate, not a byte changed since
    ALTERED = "altered"  # the portal's seal is there but the file changed after sealing
    FOREIGN = "foreign"  # a signed PDF, but not by the portal's certificate
    UNSEALED = "unsealed"  # a PDF without any signature
    UNREADABLE = "unreadable"  # not a PDF that can be parsed
    # Refused unchecked: no portal PDF looks like this (see portal.documents.structure).
    TOO_MANY_SIGNATURE_FIELDS = "too_many_signature_fields"
    TOO_MANY_REVISIONS = "too_many_revisions"


_REFUSALS = {
    structure.TooComplex.SIGNATURE_FIELDS: SealState.TOO_MANY_SIGNATURE_FIELDS,
    structure.TooComplex.REVISIONS: SealState.TOO_MANY_REVISIONS,
}


@dataclass(frozen=True)
class SealCheck:
    state: SealState
    signer_name: str = ""
    signed_at: object = None  # datetime when the signature says it was made

    @property
    def intact(self) -> bool:
        return self.state == SealState.INTACT


def sha256_hex(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def check_seal(content: bytes, *, trust_root: asn1_x509.Certificate | None = None) -> SealCheck:
    """Whether ``content`` carries the portal's seal and is unchanged since it was sealed.

    Only the portal's own field (SIGNATURE_FIELD) is validated, once; a file with more
    signature fields or revisions than a portal PDF can have is refused before that.
    """
    trust_root = trust_root or seal_certificate()
    try:
        structure.check_bytes(content)
        reader = PdfFileReader(BytesIO(content), strict=False)
        structure.check_revisions(reader)
        fields = structure.signature_fields(reader)
    except structure.TooComplex as refusal:
        return SealCheck(_REFUSALS[refusal.reason])
    except Exception as error:  # noqa: BLE001 - any parser failure on untrusted input
        logger.info("Unreadable PDF on seal check: %r", error)
        return SealCheck(SealState.UNREADABLE)
    ours = next((field for field in fields if field.name == SIGNATURE_FIELD), None)
    if ours is None:
        return SealCheck(SealState.FOREIGN if fields else SealState.UNSEALED)
    try:
        embedded = EmbeddedPdfSignature(reader, ours.field, ours.name)
        certificate = embedded.signer_cert
    except Exception as error:  # noqa: BLE001 - a damaged signature dictionary or CMS blob
        # A broken signature in the portal's own field means "changed after sealing".
        logger.info("Damaged seal: %r", error)
        return SealCheck(SealState.ALTERED)
    if certificate.sha256 != trust_root.sha256:
        return SealCheck(SealState.FOREIGN)
    try:
        context = ValidationContext(trust_roots=[trust_root], allow_fetching=False)
        # No difference analysis: only a seal that covers the entire file counts as intact,
        # so nothing may have been added after it anyway.
        status = _run_outside_event_loop(
            functools.partial(validate_pdf_signature, embedded, context, skip_diff=True)
        )
    except (SignatureValidationError, PdfError) as error:
        logger.info("Seal validation failed: %r", error)
        return SealCheck(SealState.ALTERED)
    except Exception as error:  # noqa: BLE001 - damaged content inside the signed range
        logger.info("Seal validation failed on damaged content: %r", error)
        return SealCheck(SealState.ALTERED)
    whole_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    if status.intact and status.bottom_line and whole_file:
        return SealCheck(
            SealState.INTACT,
            signer_name=certificate_name(certificate),
            signed_at=status.signer_reported_dt,
        )
    return SealCheck(SealState.ALTERED)


def inspect_seal(content: bytes, trust_root_der: bytes) -> SealCheck:
    """``check_seal`` for a worker process: the trust root comes as DER, not from settings."""
    return check_seal(content, trust_root=asn1_x509.Certificate.load(trust_root_der))
