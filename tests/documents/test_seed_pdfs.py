"""Every seed document's sealed PDF: its text, its seal, and what one changed byte does."""

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.documents.seal import SealState, check_seal
from tests.documents.conftest import flip_one_byte, pdf_text
from tests.seeds import bullets, normalise

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "documents"


def seed_slugs() -> list[str]:
    slugs = []
    for path in sorted(FIXTURES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        slugs += [row["slug"] for row in data.get("agreements", []) + data.get("pledges", [])]
    return slugs


SEED_SLUGS = seed_slugs()


def test_every_seed_document_was_issued(sealed_seeds):
    assert sorted(sealed_seeds) == sorted(SEED_SLUGS)


@pytest.mark.parametrize("slug", SEED_SLUGS)
def test_seed_pdf_text_holds_its_commitments_and_signatories(sealed_seeds, slug):
    seed = sealed_seeds[slug]
    text = normalise(pdf_text(seed.content, running_header=seed.parties))
    assert normalise(seed.title) in text
    for commitment in seed.commitments:
        assert normalise(commitment) in text, commitment
    # The signatories written in the text are named once, by the content the web page
    # shares; the PDF adds no second list of them.
    for name, title, organisation in seed.signatories:
        assert normalise(f"{name}, {title}, {organisation}") in text
        assert text.count(name) == 1, name
    not_given = text.count("Undertecknarna anges inte i det publicerade underlaget.")
    assert not_given == (0 if seed.signatories else 1)


def test_mala_pdf_holds_every_promise_of_the_published_text(sealed_seeds):
    seed = sealed_seeds["mala-2024"]
    text = normalise(pdf_text(seed.content, running_header=seed.parties))
    promises = [
        b for b in bullets("mala") if normalise(b) in {normalise(c) for c in seed.commitments}
    ]
    assert len(promises) == len(seed.commitments) > 0
    for promise in promises:
        assert normalise(promise) in text


@pytest.mark.parametrize("slug", SEED_SLUGS)
def test_seed_pdf_seal_is_intact_against_the_configured_certificate(sealed_seeds, slug):
    check = check_seal(sealed_seeds[slug].content)
    assert check.state == SealState.INTACT
    assert check.signer_name.startswith("Medborgarlöften")


@pytest.mark.parametrize("slug", SEED_SLUGS)
def test_seed_pdf_with_one_changed_byte_fails_and_the_page_says_so(sealed_seeds, slug, client, db):
    changed = flip_one_byte(sealed_seeds[slug].content)
    assert check_seal(changed).state == SealState.ALTERED
    response = client.post(
        reverse("portal:verify"),
        {"file": SimpleUploadedFile("dokument.pdf", changed, content_type="application/pdf")},
    )
    assert response.status_code == 200
    assert "Dokumentet har ändrats efter försegling" in response.content.decode()
    assert "äkta och oförändrat" not in response.content.decode()
