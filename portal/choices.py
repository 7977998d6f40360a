"""Choices shared by every document type."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FrozenError(Exception):
    """A signed document (or a part of it) is never changed in place: draft a new revision."""


class PublicationStatus(models.TextChoices):
    """A pledge's or agreement's way from draft to the residents' pages."""

    DRAFT = "draft", _("Utkast")
    SUBMITTED = "submitted", _("Skickat för underskrift")
    PUBLISHED = "published", _("Publicerad")
    # A published revision that a later signed revision has replaced: still shown, never changed.
    REPLACED = "replaced", _("Ersatt av en ny revision")


# A document in these states is what the parties signed: nothing in it changes.
FROZEN_STATUSES = (PublicationStatus.PUBLISHED, PublicationStatus.REPLACED)


class Phase(models.TextChoices):
    """Where a dated document stands relative to today; derived, never stored."""

    UPCOMING = "upcoming", _("Kommande")
    CURRENT = "current", _("Gäller nu")
    ENDED = "ended", _("Avslutat")
    EXTENDED = "extended", _("Gäller tills vidare")
