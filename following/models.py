"""An e-mail address that follows one municipality or one police area.

Purely personal data that must be deleted on request and at once on unsubscribing, so it
keeps no history (django-simple-history would keep a copy of every deleted address). The
row holds nothing but the address, the place and the dates: the links in the mail are
signed (following/tokens.py), so no token is stored.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.models import Municipality, PoliceArea

# An address that is not confirmed within this time is deleted (followers_purge), and the
# confirmation link stops working.
CONFIRM_WITHIN = datetime.timedelta(days=7)


class FollowerQuerySet(models.QuerySet):
    def confirmed(self) -> FollowerQuerySet:
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed_before(self, moment: datetime.datetime) -> FollowerQuerySet:
        return self.filter(confirmed_at__isnull=True, created_at__lt=moment)


class Follower(models.Model):
    """One address following one place; mail is sent only once it is confirmed."""

    email = models.EmailField(_("e-postadress"), max_length=254)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommun"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    police_area = models.ForeignKey(
        PoliceArea,
        verbose_name=_("lokalpolisområde"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    # When the address was entered (again, while unconfirmed); the purge counts from here.
    created_at = models.DateTimeField(_("anmäld"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("bekräftad"), null=True, blank=True)

    objects = FollowerQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("e-postprenumeration")
        verbose_name_plural = _("e-postprenumerationer")
        constraints = [
            models.CheckConstraint(
                condition=(Q(municipality__isnull=False) & Q(police_area__isnull=True))
                | (Q(municipality__isnull=True) & Q(police_area__isnull=False)),
                name="follower_follows_one_place",
            ),
            # Addresses are stored in lower case (services.normalise_email).
            models.UniqueConstraint(
                fields=["email", "municipality"], name="follower_once_per_municipality"
            ),
            models.UniqueConstraint(
                fields=["email", "police_area"], name="follower_once_per_police_area"
            ),
        ]
        indexes = [models.Index(fields=["confirmed_at", "created_at"], name="follower_purge")]

    def __str__(self) -> str:
        return f"{self.email} → {self.place}"

    @property
    def place(self) -> Municipality | PoliceArea:
        return self.municipality or self.police_area

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
