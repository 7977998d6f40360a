"""The reminders already sent: one row per person and occasion, so none is sent twice."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReminderSent(models.Model):
    """A reminder sent to one person for one occasion.

    ``occasion`` is a stable key for what the reminder is about, such as
    ``period-ending:pledge-12-2026-01-01`` or ``waiting:pledge-34-v3``. The row is written
    before the mail is queued; the unique constraint makes a second run of the reminders
    command, or a run on another server at the same moment, send nothing again.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mottagare"),
        on_delete=models.CASCADE,
        related_name="reminders_sent",
    )
    occasion = models.CharField(_("tillfälle"), max_length=200)
    sent_at = models.DateTimeField(_("skickad"), default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("skickad påminnelse")
        verbose_name_plural = _("skickade påminnelser")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "occasion"], name="reminder_sent_once_per_user_and_occasion"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occasion} → {self.user}"
