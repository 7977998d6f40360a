"""What a published pledge's or agreement's page shows of its revisions and signatures."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from agreements.models import DatedDocument
from portal.services import current_sign_offs


def revision_context(document: DatedDocument) -> dict[str, Any]:
    """Every shown revision of ``document`` (newest first), the latest one, and the
    signatures given in the portal on this revision; at most two queries, none for a
    document loaded from its text that was never revised."""
    # Only documents signed in the portal have a fingerprint and portal signatures.
    sign_offs = current_sign_offs(document) if document.content_sha256 else []
    if document.revision == 1 and document.is_published:
        # A first revision still in force has no other: a published later one replaces it.
        return {"revisions": [], "latest_revision": None, "portal_sign_offs": sign_offs}
    first = document.first_revision_id or document.pk
    revisions = list(
        type(document)
        .objects.shown()
        .filter(Q(pk=first) | Q(first_revision_id=first))
        .only("pk", "slug", "title", "revision", "status", "first_revision_id")
        .order_by("-revision")
    )
    latest = revisions[0] if revisions else document
    return {
        "revisions": revisions if len(revisions) > 1 else [],
        "latest_revision": latest if latest.pk != document.pk else None,
        "portal_sign_offs": sign_offs,
    }
