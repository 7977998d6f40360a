"""Downloads serve the stored file with the right headers, and never render."""

from urllib.parse import urlencode

import pytest
import weasyprint
from django.core.files.storage import FileSystemStorage
from django.urls import reverse

from agreements.documents import AGREEMENT_PDF
from pledges.documents import PLEDGE_PDF
from portal.choices import PublicationStatus
from portal.models import IssuedDocument
from portal.services import document_issue
from tests.factories import (
    AgreementFactory,
    CommitmentFactory,
    PledgeFactory,
    PledgeSignatoryFactory,
)


@pytest.fixture
def pledge(db):
    pledge = PledgeFactory(title="Medborgarlöfte för Testby 2026", slug="testby-2026")
    CommitmentFactory(pledge=pledge, text="Minst sex trygghetsvandringar per år.")
    PledgeSignatoryFactory(pledge=pledge, name="Karin Testsson")
    return pledge


@pytest.fixture
def issued(pledge):
    issued, created = document_issue(pdf=PLEDGE_PDF, document=pledge)
    assert created
    return issued


@pytest.fixture
def render_calls(monkeypatch):
    """Count WeasyPrint renderings from here on."""
    calls = []
    original = weasyprint.HTML.write_pdf

    def counting(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", counting)
    return calls


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_pledge_pdf_serves_the_stored_file_without_rendering(client, issued, render_calls):
    with issued.file.open("rb") as handle:
        stored = handle.read()
    response = client.get(reverse("pledges:pdf", kwargs={"slug": "testby-2026"}))
    assert response.status_code == 200
    assert _body(response) == stored
    assert render_calls == []


def test_pdf_headers_inline_swedish_file_name_and_etag(client, issued):
    response = client.get(reverse("pledges:pdf", kwargs={"slug": "testby-2026"}))
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("inline")
    assert "filename*=utf-8''Medborgarl%C3%B6fte%20f%C3%B6r%20Testby%202026" in disposition
    assert "(version 1).pdf" in issued.file_name
    assert response["ETag"] == f'"{issued.sha256}"'
    assert response["Content-Length"] == str(issued.size)
    _body(response)


def test_a_matching_etag_gets_not_modified(client, issued):
    response = client.get(
        reverse("pledges:pdf", kwargs={"slug": "testby-2026"}),
        headers={"if-none-match": f'"{issued.sha256}"'},
    )
    assert response.status_code == 304


def test_version_download_by_hash_is_immutable(client, issued, render_calls):
    response = client.get(issued.get_absolute_url())
    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
    assert response["ETag"] == f'"{issued.sha256}"'
    _body(response)
    assert render_calls == []


def test_unknown_hash_is_not_found(client, db):
    response = client.get(reverse("portal:document", kwargs={"sha256": "0" * 64}))
    assert response.status_code == 404


def test_published_pledge_without_pdf_answers_a_swedish_404_and_renders_nothing(
    client, pledge, render_calls
):
    response = client.get(reverse("pledges:pdf", kwargs={"slug": pledge.slug}))
    assert response.status_code == 404
    assert "Det finns ingen PDF för dokumentet ännu" in response.content.decode()
    assert render_calls == []


def test_draft_pledge_has_no_pdf_address(client, db):
    draft = PledgeFactory(status=PublicationStatus.DRAFT)
    response = client.get(reverse("pledges:pdf", kwargs={"slug": draft.slug}))
    assert response.status_code == 404


def test_new_version_gets_a_new_file_and_the_old_one_stays(client, pledge, issued):
    # The pledge itself is frozen, but what its PDF shows can still change: here the
    # police area it names is renamed, and a refresh issues a new version.
    pledge.police_area.name = "Nytt namn på lokalpolisområdet"
    pledge.police_area.save()
    second, created = document_issue(pdf=PLEDGE_PDF, document=pledge)
    assert created and second.version == 2 and second.sha256 != issued.sha256
    assert second.file.name != issued.file.name
    current = client.get(reverse("pledges:pdf", kwargs={"slug": pledge.slug}))
    assert current["ETag"] == f'"{second.sha256}"'
    _body(current)
    earlier = client.get(issued.get_absolute_url())
    assert earlier.status_code == 200
    _body(earlier)
    page = client.get(pledge.get_absolute_url()).content.decode()
    assert reverse("pledges:pdf", kwargs={"slug": pledge.slug}) in page
    assert "Ladda ner förseglad PDF (version 2)" in page
    assert "Tidigare versioner" in page
    assert issued.get_absolute_url() in page


def test_pledge_page_says_when_no_pdf_is_issued(client, pledge):
    page = client.get(pledge.get_absolute_url()).content.decode()
    assert "Portalen har ännu inte utfärdat någon förseglad PDF" in page
    assert reverse("portal:verify") in page


def test_agreement_pdf_is_served_and_linked(client, db, render_calls):
    agreement = AgreementFactory(title="Samverkansöverenskommelse Testby", slug="testby-avtal")
    issued, _ = document_issue(pdf=AGREEMENT_PDF, document=agreement)
    render_calls.clear()
    response = client.get(reverse("agreements:pdf", kwargs={"slug": "testby-avtal"}))
    assert response.status_code == 200
    assert response["ETag"] == f'"{issued.sha256}"'
    _body(response)
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert reverse("agreements:pdf", kwargs={"slug": "testby-avtal"}) in page
    assert render_calls == []
    assert IssuedDocument.objects.for_object(agreement).count() == 1


def test_download_query_budgets(client, issued, django_assert_num_queries):
    pdf_url = reverse("pledges:pdf", kwargs={"slug": "testby-2026"})
    _body(client.get(pdf_url))  # content types are cached per process, not per request
    # 1 the published pledge, 2 its latest sealed PDF
    with django_assert_num_queries(2):
        _body(client.get(pdf_url))
    # 1 the stored version by its SHA-256
    with django_assert_num_queries(1):
        _body(client.get(issued.get_absolute_url()))
    agreement = AgreementFactory(slug="testby-avtal")
    document_issue(pdf=AGREEMENT_PDF, document=agreement)
    agreement_url = reverse("agreements:pdf", kwargs={"slug": "testby-avtal"})
    # 1 the published agreement, 2 its latest sealed PDF
    with django_assert_num_queries(2):
        _body(client.get(agreement_url))


def test_a_download_carries_last_modified_and_answers_304_on_revalidation(client, issued):
    path = reverse("portal:document", kwargs={"sha256": issued.sha256})
    response = client.get(path)
    response.close()
    assert response["ETag"] == f'"{issued.sha256}"'
    assert response["Last-Modified"]
    again = client.get(path, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert again.status_code == 304
    assert client.get(path, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


class LinkingStorage(FileSystemStorage):
    """Local files that answer like S3-compatible storage: a bucket and signed links."""

    bucket_name = "portal"

    def url(self, name, parameters=None, expire=None, http_method=None):
        query = urlencode({**(parameters or {}), "expires": expire})
        return f"https://objects.example.se/portal/{name}?{query}"


def test_with_object_storage_a_download_redirects_to_a_short_lived_link(
    client, issued, settings, render_calls
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.LinkingStorage"},
    }
    issued = IssuedDocument.objects.get(pk=issued.pk)
    response = client.get(reverse("portal:document", kwargs={"sha256": issued.sha256}))
    assert response.status_code == 302
    link = response["Location"]
    assert link.startswith(f"https://objects.example.se/portal/{issued.file.name}?")
    assert "expires=300" in link and "ResponseContentType=application%2Fpdf" in link
    assert "inline" in link and response["Cache-Control"] == "public, max-age=60"
    assert render_calls == []


def test_a_download_by_hash_is_one_query_and_no_session(client, issued, django_assert_num_queries):
    path = reverse("portal:document", kwargs={"sha256": issued.sha256})
    with django_assert_num_queries(1):
        response = client.get(path)
        body = _body(response)
    assert body.startswith(b"%PDF") and "Cookie" not in response.get("Vary", "")
