"""A review's states and the assessment scale; a signed-off review is frozen."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.choices import FrozenError


class ReviewFrozenError(FrozenError):
    """A signed-off review (or a part of it) is never changed: start a new revision."""


class ReviewState(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    SUBMITTED = "submitted", _("Inskickad för underskrift")
    APPROVED = "approved", _("Godkänd")
    PUBLISHED = "published", _("Publicerad")


FROZEN_STATES = (ReviewState.APPROVED, ReviewState.PUBLISHED)


class Assessment(models.TextChoices):
    DONE = "done", _("Genomfört")
    PARTLY = "partly", _("Delvis genomfört")
    ONGOING = "ongoing", _("Pågår")
    NOT_DONE = "not_done", _("Ej genomfört")
    NOT_APPLICABLE = "not_applicable", _("Ej aktuellt")
