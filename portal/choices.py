"""Choices shared by every document type."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    PUBLISHED = "published", _("Publicerad")


class Phase(models.TextChoices):
    """Where a dated document stands relative to today; derived, never stored."""

    UPCOMING = "upcoming", _("Kommande")
    CURRENT = "current", _("Gäller nu")
    ENDED = "ended", _("Avslutat")
    EXTENDED = "extended", _("Gäller tills vidare")
