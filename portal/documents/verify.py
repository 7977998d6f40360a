"""Answer "is this PDF one the portal issued, unaltered?" for an uploaded file or a SHA-256."""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

from portal.documents import seal
from portal.models import IssuedDocument

logger = logging.getLogger(__name__)


class Verdict(enum.Enum):
    AUTHENTIC = "authentic"  # the file (or hash) is a version the portal stored
    ALTERED = "altered"  # carries the portal's seal, but was changed after sealing
    SEALED_UNREGISTERED = "sealed_unregistered"  # intact seal, but no such version is stored
    NOT_ISSUED = "not_issued"  # a readable PDF the portal did not issue
    UNREADABLE = "unreadable"  # starts like a PDF, but cannot be read
    UNKNOWN_HASH = "unknown_hash"  # a pasted SHA-256 that matches no stored version


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
    """Judge an uploaded PDF: stored version, altered after sealing, or not from the portal."""
    sha256 = seal.sha256_hex(content)
    issued = _find(sha256)
    if issued is not None:
        return Verification(Verdict.AUTHENTIC, sha256, issued)
    try:
        check = seal.check_seal(content)
    except ImproperlyConfigured:
        # No certificate configured: the register is all we can consult.
        logger.warning("No seal certificate configured; verification uses the register only.")
        return Verification(Verdict.NOT_ISSUED, sha256)
    verdict = {
        seal.SealState.INTACT: Verdict.SEALED_UNREGISTERED,
        seal.SealState.ALTERED: Verdict.ALTERED,
        seal.SealState.FOREIGN: Verdict.NOT_ISSUED,
        seal.SealState.UNSEALED: Verdict.NOT_ISSUED,
        seal.SealState.UNREADABLE: Verdict.UNREADABLE,
    }[check.state]
    return Verification(verdict, sha256, None, check)
