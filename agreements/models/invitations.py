"""An invitation to join an organisation with one or more roles, by e-mail.

The link carries a secret token; only its SHA-256 is stored, so a copy of the database
cannot be used to accept an invitation. The link works once, for seven days.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models.memberships import Membership
from agreements.models.parties import PartyReference

INVITATION_VALID_FOR = datetime.timedelta(days=7)


def new_token() -> tuple[str, str]:
    """A new secret for a link and the hash that is stored: (token, sha256 hex)."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(PartyReference):
    """An e-mail address invited to one organisation with one or more roles."""

    class State(models.TextChoices):
        PENDING = "pending", _("Väntar på svar")
        ACCEPTED = "accepted", _("Accepterad")
        WITHDRAWN = "withdrawn", _("Återkallad")
        EXPIRED = "expired", _("Har gått ut")

    email = models.EmailField(_("e-postadress"))
    roles = models.JSONField(_("roller"), default=list)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("inbjuden av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("skapad"), default=timezone.now)
    expires_at = models.DateTimeField(_("gäller till"))
    sent_at = models.DateTimeField(_("skickad"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepterad"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("accepterad av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("återkallad"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["token_hash"])

    class Meta(PartyReference.Meta):
        ordering = ["-created_at"]
        verbose_name = _("inbjudan")
        verbose_name_plural = _("inbjudningar")

    def __str__(self) -> str:
        return f"{self.email} – {self.organisation}"

    def clean(self) -> None:
        super().clean()
        valid = set(Membership.Role.values)
        if not self.roles or not isinstance(self.roles, list) or set(self.roles) - valid:
            raise ValidationError({"roles": _("Välj minst en roll.")})
        self.email = self.email.strip().lower()

    @property
    def state(self) -> str:
        if self.accepted_at:
            return self.State.ACCEPTED
        if self.withdrawn_at:
            return self.State.WITHDRAWN
        if self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.State.PENDING

    def get_state_display(self) -> str:
        return str(self.State(self.state).label)

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.PENDING

    @property
    def role_labels(self) -> list[str]:
        return [str(Membership.Role(role).label) for role in self.roles]
