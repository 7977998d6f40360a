"""The police area that answers for a municipality, named in the portal by both sides.

Some signed texts name no police area (Nordmaling's and Åsele's pledges). Their
follow-ups still need the police's signature, so the portal records which police area
answers for the municipality: one side proposes it, the other accepts it, and both see
who did what and when. The accepted naming sets ``Municipality.police_area``; the
signed text is never changed.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models.organisations import Municipality, PoliceArea


class PoliceAreaNaming(models.Model):
    """A proposal that ``police_area`` answers for ``municipality``, and what became of it."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Föreslaget")
        ACCEPTED = "accepted", _("Godkänt")
        DECLINED = "declined", _("Avböjt")
        WITHDRAWN = "withdrawn", _("Återtaget")
        ENDED = "ended", _("Ersatt av ett senare")

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommun"),
        on_delete=models.PROTECT,
        related_name="police_area_namings",
    )
    police_area = models.ForeignKey(
        PoliceArea,
        verbose_name=_("lokalpolisområde"),
        on_delete=models.PROTECT,
        related_name="municipality_namings",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    proposed_by_police = models.BooleanField(
        _("föreslaget av polisen"),
        help_text=_("Sant när lokalpolisområdet föreslog, falskt när kommunen gjorde det."),
    )
    proposed_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("föreslaget av"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("föreslaget"), default=timezone.now)
    decided_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("besvarat av"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("besvarat"), null=True, blank=True)
    ended_at = models.DateTimeField(_("upphörde"), null=True, blank=True)
    is_example = models.BooleanField(
        _("exempeldata"),
        default=False,
        help_text=_("Gjort av demons konton för att visa hur portalen fungerar."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("namngivet lokalpolisområde")
        verbose_name_plural = _("namngivna lokalpolisområden")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(status="proposed"),
                name="police_area_naming_one_open_proposal",
                violation_error_message=_("Det finns redan ett förslag som väntar på svar."),
            ),
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(status="accepted"),
                name="police_area_naming_one_accepted",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.police_area} – {self.municipality} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PROPOSED
