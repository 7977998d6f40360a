"""A sealed PDF states the period or validity, never the state on the day it was issued.

The web page says "Gäller nu" today; a PDF issued in 2025 must not say so forever.
"""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from agreements.documents import AGREEMENT_PDF
from agreements.selectors import agreement_for_page
from pledges.documents import PLEDGE_PDF
from pledges.selectors import pledge_for_page
from portal.services import document_preview
from tests.documents.conftest import pdf_text
from tests.factories import AgreementFactory, CommitmentFactory, MunicipalityFactory, PledgeFactory
from tests.seeds import normalise

# What the phase badge and the phase sentence say (portal/choices.py Phase, and the
# models' phase_sentence); none of it belongs in a PDF.
STATE_WORDS = [
    "Gäller nu",
    "Avslutat",
    "Kommande",
    "Gäller tills vidare",
    "Medborgarlöftet gäller",
    "Medborgarlöftet gällde",
    "Medborgarlöftet börjar gälla",
    "Överenskommelsen gäller till och med",  # not "gäller från den …", the Tidsplan's period
    "Överenskommelsen gäller sedan",
    "Överenskommelsen gällde",
    "Överenskommelsen börjar gälla",
]


def pdf_html(pdf, document) -> str:
    """The HTML a PDF of ``document`` is rendered from (what its fingerprint is taken of)."""
    return render_to_string(
        pdf.template_name, {**pdf.context(document), "pdf": pdf.describe(document), "issue": None}
    )


@pytest.fixture
def current_pledge(db):
    today = timezone.localdate()
    pledge = PledgeFactory(
        slug="testby-nu",
        period_start=datetime.date(today.year, 1, 1),
        period_end=datetime.date(today.year, 12, 31),
        municipalities=[MunicipalityFactory()],
    )
    CommitmentFactory(pledge=pledge)
    return pledge_for_page(slug=pledge.slug)


@pytest.mark.parametrize(
    ("slug", "period"),
    [
        ("mala-2024", "Period: 2024"),
        ("sodra-fyrbodal-2023-2024", "Period: 2023–2024"),
        ("asele-2019-2022", "Gäller 2019–2022, förlängs tills vidare"),
    ],
)
def test_seed_pdf_states_its_period_and_no_state(sealed_seeds, slug, period):
    seed = sealed_seeds[slug]
    text = normalise(pdf_text(seed.content, running_header=seed.parties))
    assert normalise(period) in text
    for words in STATE_WORDS:
        assert words not in text, words


def test_web_page_says_the_state_today_and_the_pdf_does_not(client, current_pledge):
    page = client.get(current_pledge.get_absolute_url()).content.decode()
    assert "Gäller nu" in page and 'class="phase-sentence"' in page

    html = pdf_html(PLEDGE_PDF, current_pledge)
    assert f"Period: {current_pledge.period_label}" in html
    assert 'class="badge' not in html and "phase-sentence" not in html


def test_pdf_of_a_pledge_is_the_same_whatever_the_day(current_pledge, monkeypatch):
    year = current_pledge.period_start.year
    rendered = []
    for day in [
        datetime.date(year - 1, 6, 1),
        datetime.date(year, 6, 1),
        datetime.date(year + 5, 1, 1),
    ]:
        monkeypatch.setattr(timezone, "localdate", lambda *args, day=day: day)
        rendered.append(pdf_html(PLEDGE_PDF, current_pledge))
    assert rendered[0] == rendered[1] == rendered[2]


def test_pdf_of_an_agreement_is_the_same_whatever_the_day(db, monkeypatch):
    agreement = AgreementFactory(
        slug="testby-overenskommelse",
        valid_from=datetime.date(2024, 1, 1),
        valid_until=datetime.date(2025, 12, 31),
        extends_until_further_notice=True,
        municipalities=[MunicipalityFactory()],
    )
    agreement = agreement_for_page(slug=agreement.slug)
    rendered = []
    for day in [datetime.date(2023, 6, 1), datetime.date(2024, 6, 1), datetime.date(2030, 1, 1)]:
        monkeypatch.setattr(timezone, "localdate", lambda *args, day=day: day)
        rendered.append(pdf_html(AGREEMENT_PDF, agreement))
    assert rendered[0] == rendered[1] == rendered[2]
    assert "Gäller 2024–2025, förlängs tills vidare" in rendered[0]


def test_preview_pdf_states_the_period_and_no_state(current_pledge):
    preview = document_preview(document=current_pledge, pdf=PLEDGE_PDF)
    text = normalise(pdf_text(preview.content))
    assert normalise(f"Period: {current_pledge.period_label}") in text
    for words in STATE_WORDS:
        assert words not in text, words
