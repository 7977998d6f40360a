"""manage.py check_documents lists missing, changed and unknown files, and changes nothing."""

import hashlib
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError

from portal.management.commands import check_documents
from portal.models import IssuedDocument
from tests.documents.stored_files import issue_stored_file
from tests.factories import PledgeFactory


@pytest.fixture
def issued_pair(db):
    pledge = PledgeFactory()
    return issue_stored_file(pledge, 1, b"%PDF-1.7 first"), issue_stored_file(
        pledge, 2, b"%PDF-1.7 second"
    )


def _run() -> tuple[str, CommandError | None]:
    out = StringIO()
    try:
        call_command("check_documents", stdout=out)
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


def test_all_clean_when_every_record_has_its_file_and_every_file_a_record(issued_pair):
    output, error = _run()
    assert error is None
    assert "All clean" in output
    assert "2 issued documents and 2 stored files" in output
    assert "MISSING" not in output and "CHANGED" not in output and "UNKNOWN" not in output


def test_all_clean_with_no_documents_and_no_directory(db):
    output, error = _run()
    assert error is None
    assert "0 issued documents and 0 stored files" in output


def test_lists_a_missing_file_and_fails(issued_pair):
    gone, kept = issued_pair
    default_storage.delete(gone.file.name)
    output, error = _run()
    assert error is not None and "1 missing, 0 changed, 0 unknown" in str(error)
    assert f"MISSING  {gone.file.name}  (record {gone.pk}:" in output
    assert kept.file.name not in output


def test_lists_a_changed_file_with_the_hash_it_has(issued_pair):
    changed, _ = issued_pair
    path = default_storage.path(changed.file.name)
    with open(path, "wb") as handle:
        handle.write(b"%PDF-1.7 tampered")
    output, error = _run()
    assert error is not None and "0 missing, 1 changed, 0 unknown" in str(error)
    assert f"CHANGED  {changed.file.name}" in output
    assert f"sha256 {changed.sha256}" in output
    assert hashlib.sha256(b"%PDF-1.7 tampered").hexdigest() in output


def test_lists_a_file_no_record_knows_and_leaves_it_alone(issued_pair):
    stray = default_storage.save("dokument/2031/stray.pdf", ContentFile(b"%PDF-1.7 stray"))
    output, error = _run()
    assert error is not None and "0 missing, 0 changed, 1 unknown" in str(error)
    assert f"UNKNOWN  {stray}" in output
    assert default_storage.exists(stray)


def test_reports_all_three_kinds_in_one_run(issued_pair):
    gone, changed = issued_pair
    default_storage.delete(gone.file.name)
    with open(default_storage.path(changed.file.name), "ab") as handle:
        handle.write(b"appended")
    default_storage.save("dokument/stray.pdf", ContentFile(b"x"))
    output, error = _run()
    assert error is not None and "1 missing, 1 changed, 1 unknown" in str(error)
    assert [line.split()[0] for line in output.splitlines()] == ["MISSING", "CHANGED", "UNKNOWN"]
    assert IssuedDocument.objects.count() == 2


class _RecordingFile:
    """A stored file whose reads are recorded: the size asked for each time."""

    def __init__(self, handle, reads: list[int]):
        self.handle, self.reads = handle, reads

    def read(self, size: int = -1) -> bytes:
        self.reads.append(size)
        return self.handle.read(size)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.handle.close()


def test_hashes_in_chunks_not_the_whole_file(issued_pair, monkeypatch):
    monkeypatch.setattr(check_documents, "CHUNK_BYTES", 4)
    reads: list[int] = []
    original_open = default_storage.open
    monkeypatch.setattr(
        default_storage,
        "open",
        lambda name, mode="rb": _RecordingFile(original_open(name, mode), reads),
    )
    output, error = _run()
    assert error is None, output
    # "%PDF-1.7 first" is 14 bytes: four reads of 4 bytes, the last one empty.
    assert reads.count(4) >= 8 and set(reads) == {4}
