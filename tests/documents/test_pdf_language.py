"""A PDF is the Swedish document: rendered in Swedish even from an English page (/en/…)."""

from __future__ import annotations

import io

import pytest
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from pledges.documents import PLEDGE_PDF
from pledges.models import Pledge
from portal.services import document_preview

pytestmark = pytest.mark.django_db

DRAFT_MARK = "Utkast – inte undertecknat"


def test_a_pdf_previewed_from_an_english_page_is_swedish(seeded):
    with translation.override("en"):
        # The catalogue has this one in English: the PDF must not use it.
        assert gettext(DRAFT_MARK) == "Draft – not signed"
        pledge = PLEDGE_PDF.load(Pledge.objects.get(slug="mala-2024"))
        rendered = document_preview(document=pledge, pdf=PLEDGE_PDF)
        assert translation.get_language() == "en"  # the page goes on in English
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(rendered.content)).pages)
    assert DRAFT_MARK in text
    assert "Draft" not in text
