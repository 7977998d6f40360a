"""Writes on what pledges and agreements share (both are a `DatedDocument`)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from agreements.models import DatedDocument


@transaction.atomic
def former_slug_record(
    *,
    document: DatedDocument,
    former_slug: str,
    recorded_by: AbstractBaseUser | None = None,
) -> None:
    """Keep ``former_slug``, the address ``document`` had before its slug changed, so that
    it redirects permanently to the document's current page and PDF."""
    meta = document._meta
    if recorded_by is not None and not recorded_by.has_perm(
        f"{meta.app_label}.change_{meta.model_name}"
    ):
        raise PermissionDenied
    former_slugs = document.former_slugs
    # Its current address is no former one (a slug changed back to what it was).
    former_slugs.filter(slug=document.slug).delete()
    if not former_slug or former_slug == document.slug:
        return
    # An address left twice (by this document or another) leads to the latest to leave it.
    row = former_slugs.model.objects.filter(slug=former_slug).first()
    row = row or former_slugs.model(slug=former_slug)
    setattr(row, former_slugs.field.name, document)
    row.replaced_at = timezone.now()
    row.full_clean()
    row.save()
