"""The preview of a draft's page and PDF, and the query budgets of the editors' pages."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from pledges.models import Commitment
from portal.models import IssuedDocument
from tests.drafting_forms import query_count
from tests.factories import CommitmentFactory, FocusAreaFactory

pytestmark = pytest.mark.django_db


def test_pdf_preview_is_a_draft_pdf_and_is_not_stored(editor_client, draft):
    CommitmentFactory(pledge=draft, text="Polisen gör trafikkontroller vid skolorna.")
    response = editor_client.get(reverse("pledges:draft_preview_pdf", kwargs={"pk": draft.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert response.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Utkast" in text
    assert "trafikkontroller vid skolorna" in text
    assert not IssuedDocument.objects.exists()


def add_commitments(draft, n: int, area_title: str) -> None:
    """n commitments of every responsibility, half of them under a focus area."""
    area = FocusAreaFactory(pledge=draft, title=area_title)
    for i in range(n):
        CommitmentFactory(
            pledge=draft,
            focus_area=area if i % 2 else None,
            text=f"Löfte nummer {i}",
            responsible=Commitment.Responsible.NAMED_MUNICIPALITY if i % 3 == 0 else "joint",
            responsible_municipality=draft.municipalities.first() if i % 3 == 0 else None,
            kind=Commitment.Kind.ONGOING,
            yearly_target=None,
        )


# Draft page (editor):
#  1. session  2. user  3. the user's memberships (roles)
#  4. the pledge (police area, agreement, predecessor, successor joined)
#  5. its municipalities  6. focus areas  7. commitments  8. signatories
#  9. the police areas and 10. the municipalities the editor may name
# 11. the pledge's events
DRAFT_PAGE_BUDGET = 11
# Preview (editor): 1-8 as above.
PREVIEW_BUDGET = 8


@pytest.mark.parametrize(
    ("name", "budget"),
    [("pledges:draft", DRAFT_PAGE_BUDGET), ("pledges:draft_preview", PREVIEW_BUDGET)],
)
def test_editor_pages_make_as_many_queries_for_1_and_for_50_commitments(
    editor_client, draft, django_assert_max_num_queries, name, budget
):
    url = reverse(name, kwargs={"pk": draft.pk})
    add_commitments(draft, 1, "Trafik")
    editor_client.get(url)  # warm the content-type cache
    few = query_count(editor_client, url)
    add_commitments(draft, 49, "Trygghet")
    with django_assert_max_num_queries(budget):
        html = editor_client.get(url).content.decode()
    assert "Löfte nummer 48" in html
    assert query_count(editor_client, url) == few == budget
