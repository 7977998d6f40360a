"""A person's role in one organisation."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models.parties import PartyReference


class Membership(PartyReference):
    """A user's role in one organisation: a municipality or a police area, never both."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Samordnare")
        SIGNATORY = "signatory", _("Undertecknare")
        EDITOR = "editor", _("Redaktör")
        ADMINISTRATOR = "administrator", _("Administratör")

    user = models.ForeignKey(
        "auth.User",
        verbose_name=_("användare"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices)
    history = HistoricalRecords()

    class Meta(PartyReference.Meta):
        ordering = ["user__username", "role"]
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")
        constraints = [
            *PartyReference.Meta.constraints,
            models.UniqueConstraint(
                fields=["user", "municipality", "role"],
                condition=Q(municipality__isnull=False),
                name="membership_unique_role_per_municipality",
                violation_error_message=_("Användaren har redan den rollen i kommunen."),
            ),
            models.UniqueConstraint(
                fields=["user", "police_area", "role"],
                condition=Q(police_area__isnull=False),
                name="membership_unique_role_per_police_area",
                violation_error_message=_("Användaren har redan den rollen i lokalpolisområdet."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}, {self.organisation}"
