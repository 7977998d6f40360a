"""A record whose file is gone from storage answers a Swedish 503 page, not a server error."""

import logging

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from tests.documents.stored_files import issue_stored_file
from tests.factories import PledgeFactory


@pytest.fixture
def pledge(db):
    return PledgeFactory(title="Medborgarlöfte för Testby 2026", slug="testby-2026")


@pytest.fixture
def lost(pledge):
    """An issued version whose file has disappeared from media storage."""
    issued = issue_stored_file(pledge, 1, b"%PDF-1.7 lost")
    default_storage.delete(issued.file.name)
    return issued


def test_version_download_without_its_file_is_a_swedish_503_with_retry_after(client, lost, caplog):
    with caplog.at_level(logging.ERROR, logger="portal.documents.responses"):
        response = client.get(lost.get_absolute_url())
    assert response.status_code == 503
    assert response["Retry-After"].isdigit() and int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert "Dokumentet finns inte tillgängligt just nu" in page
    assert f'href="{lost.document_path}"' in page
    assert response.templates[0].name == "documents/pdf_unavailable.html"
    # The hash address is cached as immutable when it works; the error must not be.
    assert response["Cache-Control"] == "no-store"
    assert "ETag" not in response
    [record] = [r for r in caplog.records if r.name == "portal.documents.responses"]
    assert record.levelno == logging.ERROR
    assert lost.sha256 in record.getMessage() and lost.file.name in record.getMessage()


def test_current_pdf_without_its_file_is_a_503_too(client, pledge, lost):
    response = client.get(reverse("pledges:pdf", kwargs={"slug": pledge.slug}))
    assert response.status_code == 503
    assert "Dokumentet finns inte tillgängligt just nu" in response.content.decode()


def test_a_client_holding_the_version_still_gets_not_modified(client, lost):
    # The ETag names the content: a client that has it needs no file from storage.
    response = client.get(lost.get_absolute_url(), headers={"if-none-match": f'"{lost.sha256}"'})
    assert response.status_code == 304


def test_a_version_with_its_file_is_served_as_stored(client, pledge):
    issued = issue_stored_file(pledge, 1, b"%PDF-1.7 restored")
    response = client.get(issued.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 restored"
