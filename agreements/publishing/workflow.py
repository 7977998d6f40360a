"""The steps of a pledge's or agreement's way to publication.

Every step locks the document's row, checks the user's role for one of its parties and
the state the step needs, and, where the user acted on what they saw, the content
version: a second editor saving at the same moment, or a signatory signing a version
that has since changed, is told instead of overwriting or signing something else.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import DatedDocument, DocumentEvent, SignOff, document_parties
from agreements.permissions import User
from agreements.publishing import permissions, signals
from agreements.publishing.spec import PublishingSpec
from agreements.signing import (
    check_signing_password,
    missing_parties,
    sign_for_parties,
    signer_name,
)
from portal.choices import PublicationStatus
from portal.services import current_sign_offs, document_issue
from portal.text import swedish_slug

logger = logging.getLogger(__name__)


class DocumentConflict(Exception):
    """The document changed after the user opened it (another editor saved, or it was
    sent, returned or signed meanwhile)."""

    def __init__(self, current: DatedDocument) -> None:
        super().__init__(f"{current._meta.label} {current.pk}, version {current.content_version}")
        self.current = current


def record_event(document: DatedDocument, kind: str, user: User | None, comment: str = "") -> None:
    DocumentEvent.objects.create(
        content_type=ContentType.objects.get_for_model(document),
        object_id=document.pk,
        kind=kind,
        user=user,
        name=signer_name(user) if user is not None else "",
        comment=comment,
    )


def save_with_history(document: DatedDocument, user: User | None, **kwargs) -> None:
    document._history_user = user
    document.save(**kwargs)


def locked(document: DatedDocument) -> DatedDocument:
    return type(document).objects.select_for_update(of=("self",)).get(pk=document.pk)


def locked_for_step(
    document: DatedDocument,
    *,
    user: User,
    may: Callable[[User, DatedDocument], bool],
    status: str,
    refused: str,
    content_version: int | None = None,
) -> DatedDocument:
    """The document's row, locked, after the checks every step makes: the user's role
    (``may``), the status the step needs (else ``refused``, a Swedish sentence that may
    name the status as %(status)s) and, where given, the content version the user saw."""
    current = locked(document)
    if not may(user, current):
        raise PermissionDenied
    if current.status != status:
        raise ValidationError(refused % {"status": current.get_status_display().lower()})
    if content_version is not None and current.content_version != content_version:
        raise DocumentConflict(current)
    return current


def locked_draft(document: DatedDocument, *, user: User, content_version: int) -> DatedDocument:
    """The draft's row, locked, for an editor saving what they saw at ``content_version``."""
    return locked_for_step(
        document,
        user=user,
        may=permissions.can_edit,
        status=PublicationStatus.DRAFT,
        refused=_("Dokumentet är %(status)s och kan inte ändras nu."),
        content_version=content_version,
    )


def content_changed(document: DatedDocument, user: User) -> None:
    """After an editor saved the (locked) draft or its parts: a new content version."""
    document.content_version += 1
    document.updated_at = timezone.now()
    save_with_history(document, user)


def draft_slug() -> str:
    """A draft's address slug until it is published (drafts are reached by id)."""
    return f"utkast-{uuid.uuid4().hex[:16]}"


@transaction.atomic
def document_submit(
    *, spec: PublishingSpec, user: User, document: DatedDocument, content_version: int
) -> DatedDocument:
    """The editors send the draft to the signatories: its content is fixed and
    fingerprinted, and every party must sign this version."""
    current = locked_for_step(
        document,
        user=user,
        may=permissions.can_edit,
        status=PublicationStatus.DRAFT,
        refused=_("Dokumentet är %(status)s och kan inte skickas för underskrift."),
        content_version=content_version,
    )
    loaded = spec.load(current.pk)
    problems = spec.submission_problems(loaded)
    if problems:
        raise ValidationError(problems)
    current.status = PublicationStatus.SUBMITTED
    current.submitted_at = timezone.now()
    current.content_sha256 = spec.content_sha256(loaded)
    save_with_history(current, user)
    record_event(current, DocumentEvent.Kind.SUBMITTED, user)
    signals.document_submitted.send(sender=spec.model, spec=spec, document=current, user=user)
    return current


@transaction.atomic
def document_return(
    *, spec: PublishingSpec, user: User, document: DatedDocument, comment: str
) -> DatedDocument:
    """A signatory sends the document back to the editors with a comment; signatures
    already given no longer count."""
    current = locked_for_step(
        document,
        user=user,
        may=permissions.can_sign,
        status=PublicationStatus.SUBMITTED,
        refused=_("Bara ett dokument som väntar på underskrifter kan skickas tillbaka."),
    )
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": _("Skriv vad som behöver ändras.")})
    cancelled = current_sign_offs(current)
    current.status = PublicationStatus.DRAFT
    current.submitted_at = None
    current.content_sha256 = ""
    # Signatures name the version they signed: after a return, all must sign again.
    current.content_version += 1
    save_with_history(current, user)
    record_event(current, DocumentEvent.Kind.RETURNED, user, comment)
    if cancelled:
        names = ", ".join(f"{s.name} ({s.organisation})" for s in cancelled)
        record_event(current, DocumentEvent.Kind.SIGNATURES_CANCELLED, user, names)
    signals.document_returned.send(
        sender=spec.model, spec=spec, document=current, user=user, comment=comment
    )
    return current


@transaction.atomic
def document_sign(
    *,
    spec: PublishingSpec,
    user: User,
    document: DatedDocument,
    password: str,
    content_version: int,
    title: str = "",
) -> list[SignOff]:
    """Sign the sent document for each of the user's parties that has not signed yet.
    The last signature publishes it."""
    current = locked(document)
    if not permissions.can_sign(user, current):
        raise PermissionDenied
    check_signing_password(user, password)
    if current.status != PublicationStatus.SUBMITTED:
        raise ValidationError(
            _("Dokumentet är %(status)s och kan inte skrivas under nu.")
            % {"status": current.get_status_display().lower()}
        )
    if current.content_version != content_version:
        raise DocumentConflict(current)
    loaded = spec.load(current.pk)
    fingerprint = spec.content_sha256(loaded)
    if fingerprint != current.content_sha256:
        # Cannot happen through the model layer; refuse rather than sign other content.
        raise ValidationError(_("Innehållet har ändrats sedan det skickades för underskrift."))
    signed_now = current_sign_offs(current)
    parties = document_parties(loaded)
    created = sign_for_parties(
        user=user,
        parties=parties,
        current_sign_offs=signed_now,
        make=lambda party: spec.sign_off_model(
            **{spec.sign_off_field: current},
            content_version=current.content_version,
            content_sha256=fingerprint,
            title=title.strip(),
        ),
        on_signed=lambda sign_off, party: record_event(
            current, DocumentEvent.Kind.SIGNED, user, party.name
        ),
    )
    if not missing_parties(parties, [*signed_now, *created]):
        _publish(spec, current, user)
    return created


def published_slug(spec: PublishingSpec, document: DatedDocument) -> str:
    """The public address: a revision's is its first revision's with "-revision-N"; a new
    document's is made from its title, with "-2", "-3" … where that is taken."""
    limit = spec.model._meta.get_field("slug").max_length
    if document.first_revision_id:
        first = spec.model.objects.only("slug").get(pk=document.first_revision_id)
        suffix = f"-revision-{document.revision}"
        return first.slug[: limit - len(suffix)].rstrip("-") + suffix
    base = swedish_slug(document.title)[: limit - 4].rstrip("-") or "dokument"
    slug, number = base, 1
    while spec.model.objects.filter(slug=slug).exclude(pk=document.pk).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _publish(spec: PublishingSpec, document: DatedDocument, user: User) -> None:
    """The last signature: publish, replace the revised document, issue the sealed PDF."""
    document.slug = published_slug(spec, document)
    document.mark_published(timezone.localdate())
    save_with_history(document, user)
    if document.revises_id:
        replaced = locked(spec.model(pk=document.revises_id))
        replaced.status = PublicationStatus.REPLACED
        save_with_history(replaced, user, update_fields=["status"])
        signals.revision_published.send(
            sender=spec.model, document=document, replaced=replaced, user=user
        )
    record_event(document, DocumentEvent.Kind.PUBLISHED, user)
    signals.document_published.send(sender=spec.model, spec=spec, document=document, user=user)
    try:
        with transaction.atomic():
            document_issue(document=document, pdf=spec.pdf)
    except Exception:
        # The signatures and the publication stand; staff issue the PDF again
        # (admin action or `manage.py issue_documents`) once the seal works.
        logger.exception("%s %s published but its PDF was not issued", spec.model, document.pk)


@transaction.atomic
def document_revise(*, spec: PublishingSpec, user: User, document: DatedDocument) -> DatedDocument:
    """Start a new revision of a published document: a draft copy that replaces it once
    every party has signed it. One revision is drafted at a time."""
    current = locked_for_step(
        document,
        user=user,
        may=permissions.can_edit,
        status=PublicationStatus.PUBLISHED,
        refused=_("Bara ett publicerat dokument kan revideras."),
    )
    pending = spec.model.objects.filter(revises=current).first()
    if pending is not None:
        return pending
    source = spec.load(current.pk)
    revision = spec.model.objects.get(pk=current.pk)
    revision.pk = revision.id = None
    revision._state.adding = True
    revision.slug = draft_slug()
    revision.status = PublicationStatus.DRAFT
    revision.revision = current.revision + 1
    revision.revises = current
    revision.first_revision_id = current.first_revision_id or current.pk
    # The predecessor (the previous period's document) stays named by the first revision:
    # a document has one successor.
    revision.predecessor = None
    revision.content_version = 1
    revision.content_sha256 = ""
    revision.submitted_at = None
    revision.created_by = user
    revision.created_at = revision.updated_at = timezone.now()
    if hasattr(revision, "published_on"):
        revision.published_on = None
    save_with_history(revision, user)
    revision.municipalities.set(source.municipalities.all())
    spec.copy_parts(source, revision)
    record_event(
        revision,
        DocumentEvent.Kind.STARTED,
        user,
        _("Revision %(n)d av ett publicerat dokument") % {"n": revision.revision},
    )
    return revision
