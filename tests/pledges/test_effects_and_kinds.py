"""A pledge's expected effects (Effekter) show on its page and in its PDF; a commitment
whose kind nobody set is shown without a kind, never with an invented one."""

import io

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from pledges.documents import PLEDGE_PDF
from pledges.models import Commitment
from portal.services import document_preview
from tests.factories import CommitmentFactory, PledgeFactory
from tests.seeds import html_text

EFFECTS = "Färre inbrott i centrum och fler som känner sig trygga på kvällen."


def _pledge():
    pledge = PledgeFactory(effects=EFFECTS)
    CommitmentFactory(
        pledge=pledge, text="Polisen är synlig vid skolorna.", kind="", yearly_target=None
    )
    CommitmentFactory(pledge=pledge, text="Sex trafikkontroller per år.", yearly_target=6)
    return pledge


def test_effects_and_an_unset_kind_on_the_page(client, db):
    pledge = _pledge()
    html = client.get(pledge.get_absolute_url()).content.decode()
    text = html_text(html)
    assert f"Effekter {EFFECTS}" in text
    unset = html[html.index("Polisen är synlig vid skolorna.") :]
    unset = unset[: unset.index("</li>")]
    assert "commitment__kind" not in unset
    assert "Löpande" not in text and "löpande" not in text
    assert "Minst 6 gånger per år" in text


def test_effects_and_an_unset_kind_in_the_pdf(db):
    pledge = PLEDGE_PDF.load(_pledge())
    rendered = document_preview(document=pledge, pdf=PLEDGE_PDF)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(rendered.content)).pages)
    assert "Effekter" in text and "Färre inbrott i centrum" in text
    assert "löpande" not in text.lower()
    assert "Minst 6 gånger per år" in text


def test_a_commitment_kind_is_optional_but_a_target_still_needs_its_kind(db):
    pledge = PledgeFactory()
    Commitment(pledge=pledge, text="Utan typ.", kind="").full_clean()
    commitment = Commitment(pledge=pledge, text="Med antal.", kind="", yearly_target=3)
    with pytest.raises(ValidationError, match="Antal per år anges bara för löften med mål per år"):
        commitment.full_clean()
