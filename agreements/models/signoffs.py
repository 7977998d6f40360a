"""One party's signature on one content version of a document: the one sign-off record
that pledges, agreements and annual reviews share (each keeps its own table, as for
signatories and former addresses)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.models.parties import PartyReference
from portal.choices import FrozenError


class SignOffError(FrozenError):
    """A sign-off is never changed or deleted, and a frozen document takes no more."""


class SignOffQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise self.model.frozen_error("A sign-off cannot be changed.")

    def delete(self):
        raise self.model.frozen_error("A sign-off cannot be deleted.")


class SignOff(PartyReference):
    """Who signed, for which party, when, and the content version and fingerprint they saw.

    Subclasses add the foreign key to their document, ``document_is_frozen`` and the
    constraints of ``once_per_party``.
    """

    frozen_error: type[FrozenError] = SignOffError

    content_version = models.PositiveIntegerField(_("innehållsversion"))
    content_sha256 = models.CharField(_("innehållets SHA-256"), max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("undertecknad av"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Copied at signing: the name and title as they were that day.
    name = models.CharField(_("namn"), max_length=150)
    title = models.CharField(_("titel"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200)
    signed_at = models.DateTimeField(_("undertecknad"), default=timezone.now)

    objects = SignOffQuerySet.as_manager()

    class Meta(PartyReference.Meta):
        abstract = True
        ordering = ["signed_at", "pk"]
        verbose_name = _("underskrift")
        verbose_name_plural = _("underskrifter")

    def __str__(self) -> str:
        return f"{self.name}, {self.organisation}"

    @property
    def signer_line(self) -> str:
        """ "Anna Andersson, kommunstyrelsens ordförande, Malå kommun"."""
        return ", ".join(part for part in (self.name, self.title, self.organisation) if part)

    def document_is_frozen(self) -> bool:
        raise NotImplementedError

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise self.frozen_error("A sign-off cannot be changed.")
        # The signatures of a signed-off document are part of what was published.
        if self.document_is_frozen():
            raise self.frozen_error("A signed-off document takes no further sign-offs.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise self.frozen_error("A sign-off cannot be deleted.")


def once_per_party(document_field: str, prefix: str) -> list[models.UniqueConstraint]:
    """Each party signs each content version of a document once, however many click."""
    return [
        models.UniqueConstraint(
            fields=[document_field, "content_version", "municipality"],
            condition=models.Q(municipality__isnull=False),
            name=f"{prefix}_sign_off_once_per_municipality",
        ),
        models.UniqueConstraint(
            fields=[document_field, "content_version", "police_area"],
            condition=models.Q(police_area__isnull=False),
            name=f"{prefix}_sign_off_once_per_police_area",
        ),
    ]


class DocumentEvent(models.Model):
    """A step on a pledge's or agreement's way to publication, shown to the parties:
    started, sent for signing, sent back with a comment, signed, published."""

    class Kind(models.TextChoices):
        STARTED = "started", _("Påbörjat")
        SUBMITTED = "submitted", _("Skickat för underskrift")
        RETURNED = "returned", _("Skickat tillbaka till utkast")
        SIGNATURES_CANCELLED = "signatures_cancelled", _("Underskrifter upphörde att gälla")
        SIGNED = "signed", _("Undertecknat")
        PUBLISHED = "published", _("Publicerat")

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    document = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("händelse"), max_length=30, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The person's name and title as they were that day, and a comment or party.
    name = models.CharField(_("namn"), max_length=300, blank=True)
    comment = models.TextField(_("kommentar"), blank=True)
    at = models.DateTimeField(_("tidpunkt"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("händelse")
        verbose_name_plural = _("händelser")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"
