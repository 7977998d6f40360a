"""Documents the portal has issued (a frozen, stored copy of each PDF and its SHA-256),
and the profile each account adds to its user."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ImmutableDocumentError(Exception):
    """An issued document is never changed or deleted; issue a new version instead."""


class IssuedDocumentQuerySet(models.QuerySet):
    def delete(self):
        raise ImmutableDocumentError("Issued documents cannot be deleted.")

    def update(self, **kwargs):
        raise ImmutableDocumentError("Issued documents cannot be changed.")

    def for_object(self, obj: models.Model) -> IssuedDocumentQuerySet:
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        ).order_by("-version")


# The storage directory holding every issued file (manage.py check_documents walks it).
ISSUED_DOCUMENTS_DIRECTORY = "dokument"


def issued_document_path(instance: IssuedDocument, filename: str) -> str:
    # Named by content hash: one stored file per version, never overwritten.
    return f"{ISSUED_DOCUMENTS_DIRECTORY}/{instance.issued_at:%Y}/{instance.sha256}.pdf"


class IssuedDocument(models.Model):
    """One stored version of a document's PDF: sealed by the portal, or a scanned original.

    Like an invoice, it is a frozen copy: the texts shown beside it (title, who signed)
    are copied at issue time, and the row refuses ``save()`` once stored and ``delete()``.
    """

    class Kind(models.TextChoices):
        SEALED = "sealed", _("Förseglad av portalen")
        SCANNED = "scanned", _("Inskannat original")

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("dokumenttyp"), on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("dokumentets id"))
    document = GenericForeignKey("content_type", "object_id")
    version = models.PositiveIntegerField(_("version"))
    kind = models.CharField(_("slag"), max_length=20, choices=Kind.choices)
    file = models.FileField(_("fil"), upload_to=issued_document_path, max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("storlek i byte"))
    title = models.CharField(_("rubrik"), max_length=255)
    file_name = models.CharField(_("filnamn vid nedladdning"), max_length=255)
    document_path = models.CharField(
        _("dokumentets sida"), max_length=255, help_text=_("Adressen till dokumentets sida.")
    )
    signed_by = models.TextField(
        _("undertecknat av"), blank=True, help_text=_("Undertecknarna, som de stod i dokumentet.")
    )
    sealed_by = models.CharField(
        _("förseglat med certifikat"),
        max_length=255,
        blank=True,
        help_text=_("Certifikatets namn."),
    )
    content_fingerprint = models.CharField(
        _("innehållets fingeravtryck"),
        max_length=64,
        blank=True,
        help_text=_(
            "SHA-256 av den återgivna HTML-koden; oförändrat innehåll ger ingen ny version."
        ),
    )
    note = models.TextField(_("anteckning"), blank=True)
    issued_at = models.DateTimeField(_("utfärdat"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utfärdat av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = IssuedDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["content_type", "object_id", "-version"]
        verbose_name = _("utfärdat dokument")
        verbose_name_plural = _("utfärdade dokument")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "version"],
                name="issued_document_unique_version",
                violation_error_message=_("Dokumentet har redan en fil med det versionsnumret."),
            ),
            models.CheckConstraint(
                condition=Q(sha256__regex=r"^[0-9a-f]{64}$"),
                name="issued_document_sha256_hex",
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1), name="issued_document_version_positive"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["sealed", "scanned"]), name="issued_document_kind_valid"
            ),
        ]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "-version"], name="issued_doc_object"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}, version {self.version}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ImmutableDocumentError("An issued document cannot be changed.")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        # The Swedish address on every page: the file is the Swedish document, and the
        # download middleware answers that address before any page is resolved.
        with translation.override(settings.LANGUAGE_CODE):
            return reverse("portal:document", kwargs={"sha256": self.sha256})

    def delete(self, *args, **kwargs):
        raise ImmutableDocumentError("An issued document cannot be deleted.")

    @property
    def document_type_label(self) -> str:
        """ "Medborgarlöfte", "Samverkansöverenskommelse": the document's model name."""
        model = self.content_type.model_class()
        return capfirst(model._meta.verbose_name) if model else ""

    @property
    def is_sealed(self) -> bool:
        return self.kind == self.Kind.SEALED

    @property
    def is_scanned(self) -> bool:
        return self.kind == self.Kind.SCANNED


class Profile(models.Model):
    """What a person's account adds to Django's user: their title and whether they want
    reminders by e-mail.

    The full name stays in ``User.first_name`` and ``last_name``; together with the
    title it is what a signature records and what events show, never the login name.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("konto"),
        on_delete=models.CASCADE,
        related_name="profile",
    )
    title = models.CharField(
        _("titel"),
        max_length=150,
        blank=True,
        help_text=_("Som den står vid underskrifter, till exempel Kommunchef."),
    )
    # Signature requests are always sent; only the reminders can be turned off.
    reminders_enabled = models.BooleanField(
        _("påminnelser per e-post"),
        default=True,
        help_text=_("Påminnelser om uppföljningar som snart ska göras eller är sena."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("profil")
        verbose_name_plural = _("profiler")

    def __str__(self) -> str:
        return self.user.get_full_name() or str(_("namn saknas"))
