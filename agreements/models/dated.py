"""What pledges and agreements share: the dated, signed document and its frozen parts."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from agreements.models.organisations import PartyKind, PoliceArea
from portal.choices import FROZEN_STATUSES, FrozenError, PublicationStatus


class DocumentFrozenError(FrozenError):
    """A published pledge or agreement is never changed or deleted: draft a new revision."""


class DocumentQuerySet(models.QuerySet):
    """Bulk writes that would touch a published document are refused like save() is."""

    def published(self) -> DocumentQuerySet:
        """What residents see listed: the published documents, each its latest revision."""
        return self.filter(status=PublicationStatus.PUBLISHED)

    def shown(self) -> DocumentQuerySet:
        """What residents may open: published documents and the revisions they replaced."""
        return self.filter(status__in=FROZEN_STATUSES)

    def frozen(self) -> DocumentQuerySet:
        return self.filter(status__in=FROZEN_STATUSES)

    def update(self, **kwargs):
        if self.frozen().exists():
            raise DocumentFrozenError("A published document cannot be changed.")
        return super().update(**kwargs)

    def delete(self):
        if self.frozen().exists():
            raise DocumentFrozenError("A published document cannot be deleted.")
        return super().delete()

    def current_slug_for(self, former_slug: str) -> str | None:
        """The slug now of the published document whose address once had ``former_slug``
        (each document type keeps its former slugs as ``former_slugs``)."""
        return (
            self.shown()
            .filter(former_slugs__slug=former_slug)
            .values_list("slug", flat=True)
            .first()
        )


class DatedDocument(models.Model):
    """What agreements and pledges share: parties, a period, a publication state.

    Editors of the parties draft it, the signatories of every party sign it, and the last
    signature publishes it. A published document is frozen: save() and delete() refuse
    any change, and so do its parts. A change is a new revision (``revises``), drafted
    and signed like the first; publishing it marks this one replaced, the one change a
    published document allows.
    """

    title = models.CharField(_("rubrik"), max_length=200)
    slug = models.SlugField(_("kortnamn i adressen"), max_length=120, unique=True)
    police_area = models.ForeignKey(
        PoliceArea,
        verbose_name=_("lokalpolisområde"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)ss",
        help_text=_("Lämnas tomt om dokumentet inte namnger lokalpolisområdet."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
    )
    source_note = models.TextField(
        _("om källan"),
        blank=True,
        help_text=_("Visas för invånarna: var texten kommer ifrån och vad som saknas."),
    )
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)
    revises = models.OneToOneField(
        "self",
        verbose_name=_("ersätter revisionen"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revised_by",
    )
    first_revision = models.ForeignKey(
        "self",
        verbose_name=_("första revisionen"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="later_revisions",
        help_text=_("Tom för den första revisionen; alla senare pekar på den."),
    )
    # Increased by every saved change of the content: sign-offs and concurrent edits
    # name the version they saw.
    content_version = models.PositiveIntegerField(_("innehållsversion"), default=1)
    content_sha256 = models.CharField(
        _("innehållets SHA-256"),
        max_length=64,
        blank=True,
        help_text=_("Fingeravtryck av innehållet som skickades för underskrift."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("påbörjat av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("påbörjat"), default=timezone.now)
    updated_at = models.DateTimeField(_("senast ändrat"), default=timezone.now)
    submitted_at = models.DateTimeField(_("skickat för underskrift"), null=True, blank=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not self._state.adding:
            stored = type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored in FROZEN_STATUSES and not self._is_replacement_of(stored, kwargs):
                raise DocumentFrozenError("A published document cannot be changed.")
        super().save(*args, **kwargs)

    def _is_replacement_of(self, stored: str, kwargs) -> bool:
        # The one change a published document allows: a signed revision replaces it.
        return (
            stored == PublicationStatus.PUBLISHED
            and self.status == PublicationStatus.REPLACED
            and set(kwargs.get("update_fields") or ()) == {"status"}
        )

    def delete(self, *args, **kwargs):
        if type(self).objects.frozen().filter(pk=self.pk).exists():
            raise DocumentFrozenError("A published document cannot be deleted.")
        return super().delete(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED

    @property
    def is_frozen(self) -> bool:
        return self.status in FROZEN_STATUSES

    @property
    def is_replaced(self) -> bool:
        return self.status == PublicationStatus.REPLACED

    @property
    def is_editable(self) -> bool:
        return self.status == PublicationStatus.DRAFT

    @property
    def police_party_label(self) -> str:
        """How the text names the police when it names no police area."""
        return str(_("Polisen"))

    def mark_published(self, today: datetime.date) -> None:
        """Set the published state; only a publishing service calls this, then saves."""
        self.status = PublicationStatus.PUBLISHED

    @staticmethod
    def years_label(start: datetime.date, end: datetime.date | None) -> str:
        """ "2023–2025" for whole calendar years, else the exact dates."""
        if end is None:
            return _("från %(start)s") % {"start": start.year}
        if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
            return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
        return f"{date_format(start, 'j F Y')} – {date_format(end, 'j F Y')}"


class DocumentPartQuerySet(models.QuerySet):
    """Bulk writes to the parts of a published document are refused like save() is."""

    def _touches_frozen_document(self) -> bool:
        field = self.model.document_field
        return self.filter(**{f"{field}__status__in": FROZEN_STATUSES}).exists()

    def update(self, **kwargs):
        if self._touches_frozen_document():
            raise DocumentFrozenError("The parts of a published document cannot be changed.")
        return super().update(**kwargs)

    def delete(self):
        if self._touches_frozen_document():
            raise DocumentFrozenError("The parts of a published document cannot be deleted.")
        return super().delete()


class DocumentPart(models.Model):
    """A part of a pledge or agreement (goal, duty, focus area, commitment, signatory):
    frozen with its document. ``document_field`` names the foreign key to the document."""

    document_field: str = ""

    objects = DocumentPartQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self._document_frozen():
            raise DocumentFrozenError("The parts of a published document cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._document_frozen():
            raise DocumentFrozenError("The parts of a published document cannot be deleted.")
        return super().delete(*args, **kwargs)

    def _document_frozen(self) -> bool:
        field = self._meta.get_field(self.document_field)
        document_id = getattr(self, field.attname)
        return field.related_model.objects.frozen().filter(pk=document_id).exists()


@receiver(m2m_changed)
def refuse_parties_of_frozen_documents(sender, instance, action, reverse, model, pk_set, **kwargs):
    """A published document's municipalities are part of what was signed."""
    if action not in {"pre_add", "pre_remove", "pre_clear"}:
        return
    if not reverse and isinstance(instance, DatedDocument):
        frozen = instance.is_frozen and not instance._state.adding
        frozen = frozen and type(instance).objects.frozen().filter(pk=instance.pk).exists()
    elif reverse and issubclass(model, DatedDocument):
        documents = model.objects.frozen()
        frozen = (
            documents.filter(pk__in=pk_set).exists()
            if pk_set
            else documents.filter(municipalities=instance).exists()
        )
    else:
        return
    if frozen:
        raise DocumentFrozenError("The parties of a published document cannot be changed.")


class Signatory(DocumentPart):
    """Someone who signed a document on paper: name, title, organisation, date."""

    name = models.CharField(_("namn"), max_length=120)
    title = models.CharField(_("titel"), max_length=120)
    party = models.CharField(_("part"), max_length=20, choices=PartyKind.choices)
    organisation = models.CharField(_("organisation"), max_length=160)
    signed_on = models.DateField(_("undertecknat"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.name}, {self.title}"


class FormerSlug(models.Model):
    """An address a document had before its slug changed.

    The detail views look it up only when a slug is not found, and answer with a
    permanent redirect to the current page or PDF: links, bookmarks and printed
    addresses keep working. One table per document type, as for signatories.
    """

    slug = models.SlugField(_("tidigare kortnamn i adressen"), max_length=120, unique=True)
    replaced_at = models.DateTimeField(_("ändrat"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["-replaced_at", "pk"]

    def __str__(self) -> str:
        return self.slug
