"""Issued document records with arbitrary bytes as their file, without rendering a PDF."""

from __future__ import annotations

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile

from portal.models import IssuedDocument


def issue_stored_file(
    document, version: int, content: bytes, *, kind: str = IssuedDocument.Kind.SEALED
) -> IssuedDocument:
    """A stored version of ``document`` whose file holds ``content``."""
    issued = IssuedDocument(
        content_type=ContentType.objects.get_for_model(document),
        object_id=document.pk,
        version=version,
        kind=kind,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        title=f"Testdokument version {version}",
        file_name=f"Testdokument (version {version}).pdf",
        document_path=document.get_absolute_url(),
    )
    issued.file.save("upload.pdf", ContentFile(content), save=False)
    issued.save()
    return issued
