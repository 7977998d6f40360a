"""The annual follow-up (årlig uppföljning): reviews, their assessments, sign-offs and events."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models import Party, followup_parties
from agreements.models.signoffs import SignOff, once_per_party
from agreements.signing import missing_parties
from followup.reviews.states import FROZEN_STATES, Assessment, ReviewFrozenError, ReviewState
from pledges.models import Commitment


class ReviewQuerySet(models.QuerySet):
    """Bulk writes that would touch a signed-off review are refused like save() is."""

    def frozen(self) -> ReviewQuerySet:
        """Reviews signed off by every party: approved or published."""
        return self.filter(state__in=FROZEN_STATES)

    def published(self) -> ReviewQuerySet:
        """What residents may see: published reviews only."""
        return self.filter(state=ReviewState.PUBLISHED)

    def update(self, **kwargs):
        if self.frozen().exists():
            raise ReviewFrozenError("A signed-off review cannot be changed.")
        return super().update(**kwargs)

    def delete(self):
        if self.frozen().exists():
            raise ReviewFrozenError("A signed-off review cannot be deleted.")
        return super().delete()


class Review(models.Model):
    """The joint follow-up of a pledge for one year, or of an agreement for one period.

    Coordinators draft it, the signatories of every party sign it off, and once the last
    signature is in it is frozen: save(), delete() and bulk updates all refuse changes.
    A correction after publication is a new revision that replaces this one.
    """

    pledge = models.ForeignKey(
        "pledges.Pledge",
        verbose_name=_("medborgarlöfte"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviews",
    )
    agreement = models.ForeignKey(
        "agreements.Agreement",
        verbose_name=_("samverkansöverenskommelse"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviews",
    )
    period_start = models.DateField(_("uppföljningen gäller från"))
    period_end = models.DateField(_("uppföljningen gäller till och med"))
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("ersätter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
    )
    state = models.CharField(
        _("läge"), max_length=20, choices=ReviewState.choices, default=ReviewState.DRAFT
    )
    # A follow-up signed on paper before the portal, kept as its scanned original.
    is_scanned = models.BooleanField(_("inskannad uppföljning"), default=False)
    summary = models.TextField(_("sammanfattning"), blank=True)
    lessons = models.TextField(_("vad parterna har lärt sig"), blank=True)
    next_steps = models.TextField(_("vad parterna tänker göra nästa år"), blank=True)
    # Increased by every saved change of the content: sign-offs and concurrent edits
    # name the version they saw.
    content_version = models.PositiveIntegerField(_("innehållsversion"), default=1)
    content_sha256 = models.CharField(
        _("innehållets SHA-256"),
        max_length=64,
        blank=True,
        help_text=_("Fingeravtryck av innehållet som skickades in för underskrift."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("påbörjad av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("påbörjad"), default=timezone.now)
    updated_at = models.DateTimeField(_("senast ändrad"), default=timezone.now)
    submitted_at = models.DateTimeField(_("inskickad"), null=True, blank=True)
    approved_at = models.DateTimeField(_("godkänd"), null=True, blank=True)
    published_at = models.DateTimeField(_("publicerad"), null=True, blank=True)
    history = HistoricalRecords()

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "-revision"]
        verbose_name = _("årlig uppföljning")
        verbose_name_plural = _("årliga uppföljningar")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(pledge__isnull=False, agreement__isnull=True)
                    | Q(pledge__isnull=True, agreement__isnull=False)
                ),
                name="review_one_document",
                violation_error_message=_(
                    "En uppföljning gäller antingen ett medborgarlöfte eller en överenskommelse."
                ),
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="review_period_end_not_before_start",
                violation_error_message=_("Uppföljningens period kan inte sluta före start."),
            ),
            models.CheckConstraint(condition=Q(revision__gte=1), name="review_revision_positive"),
            models.UniqueConstraint(
                fields=["pledge", "period_start", "revision"],
                condition=Q(pledge__isnull=False),
                name="review_unique_pledge_period_revision",
                violation_error_message=_("Den här uppföljningen finns redan."),
            ),
            models.UniqueConstraint(
                fields=["agreement", "period_start", "revision"],
                condition=Q(agreement__isnull=False),
                name="review_unique_agreement_period_revision",
                violation_error_message=_("Den här uppföljningen finns redan."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} – {self.period_label}" + (
            f" (revision {self.revision})" if self.revision > 1 else ""
        )

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not self._state.adding:
            stored = Review.objects.filter(pk=self.pk).values_list("state", flat=True).first()
            if stored in FROZEN_STATES and not self._is_publication_of(stored, kwargs):
                raise ReviewFrozenError("A signed-off review cannot be changed.")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("followup:review_public", kwargs={"pk": self.pk})

    def _is_publication_of(self, stored: str, kwargs) -> bool:
        # The one change an approved review allows: being published, nothing else.
        return (
            stored == ReviewState.APPROVED
            and self.state == ReviewState.PUBLISHED
            and set(kwargs.get("update_fields") or ()) == {"state", "published_at"}
        )

    def delete(self, *args, **kwargs):
        if Review.objects.frozen().filter(pk=self.pk).exists():
            raise ReviewFrozenError("A signed-off review cannot be deleted.")
        return super().delete(*args, **kwargs)

    @property
    def document(self):
        return self.pledge if self.pledge_id else self.agreement

    @property
    def period_label(self) -> str:
        """ "2024" for one calendar year, "2019–2020" for whole years, else exact dates."""
        start, end = self.period_start, self.period_end
        if start.year == end.year:
            return str(start.year)
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            return f"{start.year}–{end.year}"
        return f"{start:%Y-%m-%d}–{end:%Y-%m-%d}"

    @property
    def is_frozen(self) -> bool:
        return self.state in FROZEN_STATES

    @property
    def is_editable(self) -> bool:
        return self.state == ReviewState.DRAFT

    @property
    def is_published(self) -> bool:
        return self.state == ReviewState.PUBLISHED

    def current_sign_offs(self) -> list[ReviewSignOff]:
        """The signatures on the current content version (uses prefetched sign-offs)."""
        return [s for s in self.sign_offs.all() if s.content_version == self.content_version]

    def lapsed_sign_offs(self, user_id: int | None) -> list[ReviewSignOff]:
        """The user's signatures on earlier content versions, which no longer count (the
        review was returned or resubmitted since; uses prefetched sign-offs)."""
        return [
            s
            for s in self.sign_offs.all()
            if s.user_id == user_id and s.content_version < self.content_version
        ]

    def missing_parties(self) -> list[Party]:
        """The document's parties that have not signed the current content version."""
        return missing_parties(followup_parties(self.document), self.current_sign_offs())


class ReviewItemQuerySet(models.QuerySet):
    """Bulk writes to the assessments of a signed-off review are refused like save() is."""

    def _touches_frozen_review(self) -> bool:
        return self.filter(review__state__in=FROZEN_STATES).exists()

    def update(self, **kwargs):
        if self._touches_frozen_review():
            raise ReviewFrozenError("The assessments of a signed-off review cannot be changed.")
        return super().update(**kwargs)

    def delete(self):
        if self._touches_frozen_review():
            raise ReviewFrozenError("The assessments of a signed-off review cannot be deleted.")
        return super().delete()


class ReviewItem(models.Model):
    """One commitment (or one party's duty) in a review, with the parties' assessment.

    The commitment's text and its progress are copied when the review starts, so the
    signed text stays what it was even if the pledge is edited later.
    """

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="items")
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("löfte"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="review_items",
    )
    duty = models.ForeignKey(
        "agreements.AgreementDuty",
        verbose_name=_("åtagande"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="review_items",
    )
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    group = models.CharField(_("avsnitt"), max_length=300, blank=True)
    text = models.TextField(_("löftet"))
    progress = models.TextField(
        _("loggat under perioden"), blank=True, help_text=_("Förifyllt från aktivitetsloggen.")
    )
    assessment = models.CharField(
        _("bedömning"), max_length=20, choices=Assessment.choices, blank=True
    )
    comment = models.TextField(_("kommentar"), blank=True)
    history = HistoricalRecords()

    objects = ReviewItemQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("bedömning")
        verbose_name_plural = _("bedömningar")
        constraints = [
            models.CheckConstraint(
                condition=Q(commitment__isnull=True) | Q(duty__isnull=True),
                name="review_item_one_source",
            ),
            models.CheckConstraint(
                condition=Q(assessment__in=["", *Assessment.values]),
                name="review_item_assessment_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def save(self, *args, **kwargs) -> None:
        if self._review_frozen():
            raise ReviewFrozenError("The assessments of a signed-off review cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._review_frozen():
            raise ReviewFrozenError("The assessments of a signed-off review cannot be deleted.")
        return super().delete(*args, **kwargs)

    def _review_frozen(self) -> bool:
        return Review.objects.frozen().filter(pk=self.review_id).exists()


class ReviewSignOff(SignOff):
    """One party's signature on one content version of a review: who, when, what."""

    frozen_error = ReviewFrozenError

    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="sign_offs")

    class Meta(SignOff.Meta):
        constraints = [
            *SignOff.Meta.constraints,
            *once_per_party("review", "review"),
        ]

    def document_is_frozen(self) -> bool:
        return Review.objects.frozen().filter(pk=self.review_id).exists()


class ReviewEvent(models.Model):
    """A step in a review's workflow, shown to the parties: started, submitted, returned…"""

    class Kind(models.TextChoices):
        STARTED = "started", _("Påbörjad")
        SUBMITTED = "submitted", _("Inskickad för underskrift")
        RESUBMITTED = "resubmitted", _("Inskickad igen med nya siffror från aktivitetsloggen")
        RETURNED = "returned", _("Återsänd till utkast")
        SIGNATURES_CANCELLED = "signatures_cancelled", _("Underskrifter upphörde att gälla")
        SIGNED = "signed", _("Undertecknad")
        APPROVED = "approved", _("Godkänd av alla parter")
        PUBLISHED = "published", _("Publicerad")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("händelse"), max_length=20, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    comment = models.TextField(_("kommentar"), blank=True)
    at = models.DateTimeField(_("tidpunkt"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("händelse")
        verbose_name_plural = _("händelser")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"
