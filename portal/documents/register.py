"""The register of issued versions, read by hash: a version never changes once issued, so
what a download needs of it is kept in the shared cache (forgotten when its row is
saved or deleted) and, for a minute, in the process itself."""

from __future__ import annotations

import time

from django.core.cache import cache

from portal.models import IssuedDocument

KEY = "issued-document:{}"
# What a download needs: its file, size, name and date.
FIELDS = ("pk", "sha256", "file", "size", "file_name", "issued_at", "kind")
TIMEOUT = 24 * 3600
# The process's own copy: a version deleted on another server is served here for at most
# this long (deleting an issued version is a repair by staff, never routine).
LOCAL_SECONDS = 60
LOCAL_MAX = 10_000
_local: dict[str, tuple[float, dict]] = {}


def issued_by_sha256(sha256: str) -> IssuedDocument | None:
    """The issued version with this SHA-256 (not saved back: read only), or None."""
    now = time.monotonic()
    held = _local.get(sha256)
    if held is not None and now - held[0] < LOCAL_SECONDS:
        return IssuedDocument(**held[1])
    fields = cache.get(KEY.format(sha256))
    if fields is None:
        fields = IssuedDocument.objects.filter(sha256=sha256).values(*FIELDS).first()
        if fields is None:
            return None
        cache.set(KEY.format(sha256), fields, timeout=TIMEOUT)
    if len(_local) >= LOCAL_MAX:
        _local.clear()
    _local[sha256] = (now, fields)
    return IssuedDocument(**fields)


def forget(sender, instance: IssuedDocument, **kwargs) -> None:
    _local.pop(instance.sha256, None)
    cache.delete(KEY.format(instance.sha256))
