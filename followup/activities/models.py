"""The activity log: what was done for each commitment, and planned activities."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pledges.models import Commitment, FocusArea


class Activity(models.Model):
    """What was actually done for a commitment (a log entry), entered by a coordinator."""

    class Kind(models.TextChoices):
        DONE = "done", _("Genomförd aktivitet")
        # For commitments kept on request ("om det uppkommer önskemål …").
        REQUEST_RECEIVED = "request_received", _("Önskemål som kommit in")
        REQUEST_ANSWERED = "request_answered", _("Önskemål som besvarats")

    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("löfte"),
        # Logged work is never lost silently with a commitment.
        on_delete=models.PROTECT,
        related_name="activities",
    )
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.DONE)
    date = models.DateField(_("datum"))
    text = models.TextField(
        _("vad som gjordes"), help_text=_("Visas för invånarna på medborgarlöftets sida.")
    )
    count = models.PositiveIntegerField(_("antal tillfällen"), default=1)
    place = models.CharField(_("plats"), max_length=200, blank=True)
    link = models.URLField(_("länk"), max_length=500, blank=True)
    internal_note = models.TextField(
        _("intern anteckning"), blank=True, help_text=_("Visas inte för invånarna.")
    )
    is_example = models.BooleanField(
        _("exempeldata"),
        default=False,
        help_text=_("Påhittad aktivitet i demoläget; märks som exempeldata överallt."),
    )
    withdrawn_at = models.DateTimeField(_("återkallad"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("loggad av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("loggad"), default=timezone.now)
    updated_at = models.DateTimeField(_("senast ändrad"), default=timezone.now)
    # Optimistic concurrency: a correction names the version it started from.
    version = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")
        indexes = [models.Index(fields=["commitment", "date"], name="activity_commitment_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(count__gte=1),
                name="activity_count_at_least_one",
                violation_error_message=_("Antal tillfällen måste vara minst 1."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.text[:60]}"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.count is not None and self.count < 1:
            errors["count"] = _("Antal tillfällen måste vara minst 1.")
        if self.text is not None and not self.text.strip():
            errors["text"] = _("Beskriv vad som gjordes.")
        if self.date and self.commitment_id:
            pledge = self.commitment.pledge
            if self.date > timezone.localdate():
                errors["date"] = _("Datumet kan inte ligga i framtiden.")
            elif not pledge.period_start <= self.date <= pledge.period_end:
                errors["date"] = _(
                    "Datumet måste ligga inom medborgarlöftets period, %(period)s."
                ) % {"period": pledge.period_label}
        if self.commitment_id:
            on_request = self.commitment.kind == Commitment.Kind.ON_REQUEST
            if on_request and self.kind == self.Kind.DONE:
                errors["kind"] = _("Ange om önskemålet kom in eller besvarades.")
            elif not on_request and self.kind != self.Kind.DONE:
                errors["kind"] = _("Önskemål loggas bara för löften som gäller vid önskemål.")
        if errors:
            raise ValidationError(errors)


class PlannedActivity(models.Model):
    """An activity an editor attaches to a focus area after the pledge was signed."""

    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("fokusområde"),
        on_delete=models.PROTECT,
        related_name="planned_activities",
    )
    text = models.TextField(_("planerad aktivitet"))
    is_example = models.BooleanField(_("exempeldata"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tillagd av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tillagd"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("planerad aktivitet")
        verbose_name_plural = _("planerade aktiviteter")

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self) -> None:
        if self.text is not None and not self.text.strip():
            raise ValidationError({"text": _("Beskriv den planerade aktiviteten.")})
