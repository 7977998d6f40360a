"""Compare the issued documents in the database with the files in media storage.

Read-only: run it after restoring a backup, or any time, to list what does not match.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from django.core.files.storage import Storage
from django.core.management.base import BaseCommand, CommandError

from portal.models import ISSUED_DOCUMENTS_DIRECTORY, IssuedDocument

CHUNK_BYTES = 1024 * 1024


def stored_sha256(storage: Storage, name: str) -> str:
    """The SHA-256 of a stored file, read in chunks; FileNotFoundError if it is not there."""
    digest = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def stored_files(storage: Storage, directory: str) -> Iterator[str]:
    """Every file name under ``directory`` in ``storage``, recursively (local disk or S3)."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}/{name}"
    for name in sorted(directories):
        yield from stored_files(storage, f"{directory}/{name}")


def describe(issued: IssuedDocument) -> str:
    return f"record {issued.pk}: {issued.title}, version {issued.version}, sha256 {issued.sha256}"


class Command(BaseCommand):
    help = (
        "List issued documents whose file is missing from storage or differs from its "
        "SHA-256, and stored files under the documents directory that no record knows. "
        "Changes nothing; exits with status 1 when it finds a problem."
    )

    def handle(self, *args, **options) -> None:
        storage = IssuedDocument._meta.get_field("file").storage
        missing = changed = 0
        known: set[str] = set()
        records = IssuedDocument.objects.order_by("pk").iterator(chunk_size=500)
        for issued in records:
            name = issued.file.name
            known.add(name)
            try:
                found = stored_sha256(storage, name)
            except FileNotFoundError:
                missing += 1
                self.stdout.write(f"MISSING  {name}  ({describe(issued)})")
                continue
            if found != issued.sha256:
                changed += 1
                self.stdout.write(f"CHANGED  {name}  ({describe(issued)}; the file has {found})")
        unknown = 0
        checked_files = 0
        for name in stored_files(storage, ISSUED_DOCUMENTS_DIRECTORY):
            checked_files += 1
            if name not in known:
                unknown += 1
                self.stdout.write(f"UNKNOWN  {name}  (no issued document record names this file)")

        summary = (
            f"{len(known)} issued documents and {checked_files} stored files under "
            f"{ISSUED_DOCUMENTS_DIRECTORY}/ checked: {missing} missing, {changed} changed, "
            f"{unknown} unknown."
        )
        if missing or changed or unknown:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(f"All clean. {summary}"))
