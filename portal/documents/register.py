"""The register of issued versions, read by hash: a version never changes once issued, so
what a download needs of it is kept in the shared cache (forgotten when its row is
saved or deleted)."""

from __future__ import annotations

from django.core.cache import cache

from portal.models import IssuedDocument

KEY = "issued-document:{}"
# What a download needs: its file, size, name and date.
FIELDS = ("pk", "sha256", "file", "size", "file_name", "issued_at", "kind")
TIMEOUT = 24 * 3600


def issued_by_sha256(sha256: str) -> IssuedDocument | None:
    """The issued version with this SHA-256 (not saved back: read only), or None."""
    fields = cache.get(KEY.format(sha256))
    if fields is None:
        fields = IssuedDocument.objects.filter(sha256=sha256).values(*FIELDS).first()
        if fields is None:
            return None
        cache.set(KEY.format(sha256), fields, timeout=TIMEOUT)
    return IssuedDocument(**fields)


def forget(sender, instance: IssuedDocument, **kwargs) -> None:
    cache.delete(KEY.format(instance.sha256))
