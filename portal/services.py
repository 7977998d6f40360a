"""Writes of the portal's shared layer: issuing a document's PDF, previewing it, attaching
a scanned original. (Publishing a pledge or agreement is the parties' signatures:
agreements/publishing.)

Each document type (pledge, agreement, annual review) describes once, in a `DocumentPdf`
of its own app, how it is loaded and rendered; the services here do the rest the same
way for all of them.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.documents import render, seal
from portal.documents.scanned import read_scanned_original_upload
from portal.languages import in_default_language
from portal.models import IssuedDocument


@dataclass(frozen=True)
class SignatoryLine:
    name: str
    title: str
    organisation: str
    signed_on: datetime.date | None = None

    def __str__(self) -> str:
        text = ", ".join(part for part in (self.name, self.title, self.organisation) if part)
        if self.signed_on:
            text += f" ({self.signed_on:%Y-%m-%d})"
        return text


@dataclass(frozen=True)
class DocumentDescription:
    """What the PDF template and the issued record say about a document, besides its body."""

    title: str
    kind: str  # "Medborgarlöfte", "Samverkansöverenskommelse", …
    parties: str  # for the running header and the author metadata
    subject: str
    path: str  # the document's web page
    signatories: list[SignatoryLine] = field(default_factory=list)

    @property
    def author(self) -> str:
        return self.parties

    @property
    def verify_url(self) -> str:
        from django.urls import reverse

        return render.base_url().rstrip("/") + reverse("portal:verify")

    @property
    def signed_by(self) -> str:
        return "\n".join(str(line) for line in self.signatories)


def paper_signatories(document: models.Model) -> list[SignatoryLine]:
    """The signatories a pledge's or agreement's text names (signed on paper)."""
    return [
        SignatoryLine(s.name, s.title, s.organisation, s.signed_on)
        for s in document.signatories.all()
    ]


def current_sign_offs(document: models.Model) -> list:
    """The signatures given in the portal on the document's current content version
    (pledges and agreements signed in the portal; none for documents loaded from text)."""
    return list(
        document.sign_offs.filter(content_version=document.content_version).order_by(
            "signed_at", "pk"
        )
    )


def portal_signatories(document: models.Model) -> list[SignatoryLine]:
    return [
        SignatoryLine(s.name, s.title, s.organisation, timezone.localdate(s.signed_at))
        for s in current_sign_offs(document)
    ]


class DocumentPdf(ABC):
    """How one document type becomes a sealed PDF; each app defines one per model.

    ``load`` returns the document with everything its page and PDF show (the same
    selector as the web page) or raises ``ObjectDoesNotExist`` when it cannot be issued.
    """

    template_name: str
    # The model permission staff need to publish or issue it; None where the document's
    # own workflow checks who may (annual reviews).
    permission: str | None = None
    not_issuable_message: str = ""

    @abstractmethod
    def load(self, document: models.Model) -> models.Model: ...

    @abstractmethod
    def describe(self, document: models.Model) -> DocumentDescription: ...

    def context(self, document: models.Model) -> dict[str, Any]:
        return {}

    def check_permission(self, user: AbstractBaseUser | None) -> None:
        if user is not None and self.permission and not user.has_perm(self.permission):
            raise PermissionDenied


@dataclass(frozen=True)
class IssueInfo:
    version: int
    issued_at: datetime.datetime


# A download's file name keeps at most this many characters of the title: file systems
# allow 255 bytes a name, a Swedish letter takes two, and the suffix adds up to 25
# characters. Only the file name is shortened, never the document or its record.
FILE_NAME_TITLE_LIMIT = 150
# A year or a period in a title: "2024", "2023–2024", "2019 - 2022".
_YEARS = re.compile(r"\b(?:19|20)\d\d(?:\s*[-\u2010-\u2015]\s*(?:19|20)\d\d)?\b")


def _shorten_title(title: str, limit: int = FILE_NAME_TITLE_LIMIT) -> str:
    """``title`` cut at a word to fit ``limit``, marked "…", with its last year or period
    kept at the end when the cut would drop it."""
    if len(title) <= limit:
        return title
    years = list(_YEARS.finditer(title))
    last = years[-1] if years else None
    tail = f" {last.group()}" if last and last.end() > limit - 1 else ""
    cut = limit - 1 - len(tail)
    if tail:
        cut = min(cut, last.start())
    head = title[:cut]
    word_start = head.rsplit(" ", 1)[0] if " " in head else ""
    if title[cut] != " " and len(word_start) >= cut // 2:  # not in the middle of a word
        head = word_start
    return f"{head.rstrip(' ,;:-–—')}…{tail}"


def download_file_name(
    title: str, version: int = 0, *, scanned: bool = False, draft: bool = False
) -> str:
    """A readable Swedish file name: "Medborgarlöfte Malå 2024 (version 2).pdf".

    A title longer than FILE_NAME_TITLE_LIMIT is shortened in the name only, keeping its
    year or period; the version (or "utkast", "inskannat original") is always there.
    """
    clean = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title)
    clean = _shorten_title(re.sub(r"\s+", " ", clean).strip()) or _("Dokument")
    if draft:
        suffix = _("utkast")
    elif scanned:
        suffix = _("inskannat original")
    else:
        suffix = _("version %(n)d") % {"n": version}
    return f"{clean} ({suffix}).pdf"


def _lock_document(document: models.Model) -> None:
    # Serialise issuers of one document, so that two versions never get the same number.
    list(type(document).objects.select_for_update().filter(pk=document.pk).values_list("pk"))


def _next_version(content_type: ContentType, object_id: int) -> int:
    current = IssuedDocument.objects.filter(
        content_type=content_type, object_id=object_id
    ).aggregate(highest=Max("version"))["highest"]
    return (current or 0) + 1


def _store(issued: IssuedDocument, content: bytes) -> IssuedDocument:
    issued.sha256 = seal.sha256_hex(content)
    issued.size = len(content)
    if IssuedDocument.objects.filter(sha256=issued.sha256).exists():
        raise ValidationError(
            {"file": _("Den här filen finns redan i portalen.")}, code="duplicate"
        )
    issued.file = ContentFile(content, name=f"{issued.sha256}.pdf")
    issued.full_clean()
    issued.save()
    return issued


@transaction.atomic
@in_default_language
def document_issue(
    *,
    document: models.Model,
    pdf: DocumentPdf,
    issued_by: AbstractBaseUser | None = None,
    force: bool = False,
) -> tuple[IssuedDocument, bool]:
    """Render, seal and store a new PDF version of ``document``; (version, created).

    An unchanged document (same rendered HTML as its latest sealed version) is not
    issued again unless ``force`` is given.
    """
    pdf.check_permission(issued_by)
    try:
        document = pdf.load(document)
    except ObjectDoesNotExist:
        raise ValidationError(pdf.not_issuable_message) from None
    description = pdf.describe(document)
    template_name = pdf.template_name
    context = pdf.context(document)
    _lock_document(document)
    content_type = ContentType.objects.get_for_model(document)
    base_context = {**context, "pdf": description, "issue": None}
    fingerprint = hashlib.sha256(render_to_string(template_name, base_context).encode()).hexdigest()
    latest = (
        IssuedDocument.objects.for_object(document).filter(kind=IssuedDocument.Kind.SEALED).first()
    )
    if latest is not None and latest.content_fingerprint == fingerprint and not force:
        return latest, False
    version = _next_version(content_type, document.pk)
    issued_at = timezone.now()
    file_name = download_file_name(description.title, version)
    rendered = render.render_pdf(
        template_name=template_name,
        context={**base_context, "issue": IssueInfo(version=version, issued_at=issued_at)},
        filename=file_name,
    )
    sealed = seal.seal_pdf(
        rendered.content,
        reason=_("Utfärdat av portalen Medborgarlöften: %(title)s, version %(version)d")
        % {"title": description.title, "version": version},
    )
    issued = IssuedDocument(
        content_type=content_type,
        object_id=document.pk,
        version=version,
        kind=IssuedDocument.Kind.SEALED,
        title=description.title,
        file_name=rendered.filename,
        document_path=description.path,
        signed_by=description.signed_by,
        sealed_by=seal.certificate_name(seal.seal_certificate()),
        content_fingerprint=fingerprint,
        issued_at=issued_at,
        issued_by=issued_by,
    )
    return _store(issued, sealed), True


@in_default_language
def document_preview(*, document: models.Model, pdf: DocumentPdf) -> render.RenderedDocument:
    """The PDF as it would be issued from ``document`` now (already loaded as its page
    loads it), marked as a draft on every page; never sealed, never stored."""
    description = pdf.describe(document)
    return render.render_pdf(
        template_name=pdf.template_name,
        context={
            **pdf.context(document),
            "pdf": description,
            "issue": None,
            "draft": True,
            "now": timezone.now(),
        },
        filename=download_file_name(description.title, draft=True),
    )


@transaction.atomic
def document_attach_scanned_original(
    *,
    document: models.Model,
    upload: UploadedFile,
    title: str,
    path: str,
    signed_by: str = "",
    note: str = "",
    issued_by: AbstractBaseUser | None = None,
) -> IssuedDocument:
    """Store an existing signed PDF (a scanned paper original) as a version of ``document``."""
    if issued_by is not None and not issued_by.has_perm("portal.add_issueddocument"):
        raise PermissionDenied
    content = read_scanned_original_upload(upload)
    _lock_document(document)
    content_type = ContentType.objects.get_for_model(document)
    version = _next_version(content_type, document.pk)
    issued = IssuedDocument(
        content_type=content_type,
        object_id=document.pk,
        version=version,
        kind=IssuedDocument.Kind.SCANNED,
        title=title,
        file_name=download_file_name(title, version, scanned=True),
        document_path=path,
        signed_by=signed_by,
        note=note,
        issued_by=issued_by,
    )
    return _store(issued, content)
