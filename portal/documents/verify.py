"""Answer "is this PDF one the portal issued, unaltered?" for an uploaded file or a SHA-256."""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from portal.documents import isolation, seal, structure
from portal.models import IssuedDocument

logger = logging.getLogger(__name__)

# What runs in the worker process: (content, trust root as DER) -> seal.SealCheck.
# A module attribute, so that a test can put a slow function in its place.
SEAL_INSPECTOR = seal.inspect_seal


class Verdict(enum.Enum):
    AUTHENTIC = "authentic"  # the file (or hash) is a version the portal stored
    ALTERED = "altered"  # carries the portal's seal, but was changed after sealing
    SEALED_UNREGISTERED = "sealed_unregistered"  # intact seal, but no such version is stored
    NOT_ISSUED = "not_issued"  # a readable PDF the portal did not issue
    UNREADABLE = "unreadable"  # starts like a PDF, but cannot be read
    UNKNOWN_HASH = "unknown_hash"  # a pasted SHA-256 that matches no stored version
    # Refused unchecked: more signature fields or revisions than a portal PDF has.
    TOO_MANY_SIGNATURE_FIELDS = "too_many_signature_fields"
    TOO_MANY_REVISIONS = "too_many_revisions"
    TOO_SLOW = "too_slow"  # the check ran past VERIFY_TIME_LIMIT_SECONDS and was stopped


@dataclass(frozen=True)
class Verification:
    verdict: Verdict
    sha256: str
    issued: IssuedDocument | None = None
    seal_check: seal.SealCheck | None = None

    @property
    def is_authentic(self) -> bool:
        return self.verdict == Verdict.AUTHENTIC


def _find(sha256: str) -> IssuedDocument | None:
    return IssuedDocument.objects.select_related("content_type").filter(sha256=sha256).first()


def verify_sha256(sha256: str) -> Verification:
    """Look a SHA-256 (64 lower-case hex digits) up among the stored versions."""
    issued = _find(sha256)
    return Verification(Verdict.AUTHENTIC if issued else Verdict.UNKNOWN_HASH, sha256, issued)


def verify_pdf(content: bytes) -> Verification:
    """Judge an uploaded PDF: stored version, altered after sealing, or not from the portal.

    Only the stored versions are looked up here; the seal is checked in a worker process
    that is killed after VERIFY_TIME_LIMIT_SECONDS, after a cheap count of signature
    fields and revisions that refuses a file no portal PDF resembles.
    """
    sha256 = seal.sha256_hex(content)
    issued = _find(sha256)
    if issued is not None:
        return Verification(Verdict.AUTHENTIC, sha256, issued)
    try:
        structure.check_bytes(content)
    except structure.TooComplex as refusal:
        return Verification(_REFUSALS[refusal.reason], sha256)
    try:
        trust_root = seal.seal_certificate()
    except ImproperlyConfigured:
        # No certificate configured: the register is all we can consult.
        logger.warning("No seal certificate configured; verification uses the register only.")
        return Verification(Verdict.NOT_ISSUED, sha256)
    seconds = settings.VERIFY_TIME_LIMIT_SECONDS
    try:
        check = isolation.run_with_time_limit(
            SEAL_INSPECTOR, content, trust_root.dump(), seconds=seconds
        )
    except isolation.TimeLimitExceeded:
        logger.warning("Seal check of %s stopped after %s s.", sha256, seconds)
        return Verification(Verdict.TOO_SLOW, sha256)
    except isolation.WorkerFailed as error:
        logger.warning("Seal check of %s failed: %s", sha256, error)
        return Verification(Verdict.UNREADABLE, sha256)
    verdict = {
        seal.SealState.INTACT: Verdict.SEALED_UNREGISTERED,
        seal.SealState.ALTERED: Verdict.ALTERED,
        seal.SealState.FOREIGN: Verdict.NOT_ISSUED,
        seal.SealState.UNSEALED: Verdict.NOT_ISSUED,
        seal.SealState.UNREADABLE: Verdict.UNREADABLE,
        seal.SealState.TOO_MANY_SIGNATURE_FIELDS: Verdict.TOO_MANY_SIGNATURE_FIELDS,
        seal.SealState.TOO_MANY_REVISIONS: Verdict.TOO_MANY_REVISIONS,
    }[check.state]
    return Verification(verdict, sha256, None, check)


_REFUSALS = {
    structure.TooComplex.SIGNATURE_FIELDS: Verdict.TOO_MANY_SIGNATURE_FIELDS,
    structure.TooComplex.REVISIONS: Verdict.TOO_MANY_REVISIONS,
}
