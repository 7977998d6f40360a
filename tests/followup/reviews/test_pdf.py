"""The sealed PDF of a published annual review: what it says, and that its seal holds."""

from __future__ import annotations

import datetime

import pytest

from agreements.models import Membership
from followup.models import Assessment, Review, ReviewSignOff, ReviewState
from followup.reviews import services as reviews
from followup.reviews import signing
from followup.reviews.documents import REVIEW_PDF
from followup.reviews.selectors import review_for_page
from pledges.models import Pledge
from portal.documents.seal import SealState, check_seal
from portal.models import IssuedDocument
from tests.documents.conftest import (  # noqa: F401
    certificate_files,
    document_settings,
    flip_one_byte,
    pdf_text,
)
from tests.followup.review_fixtures import PASSWORD, fill, member, submit

pytestmark = pytest.mark.django_db

SUMMARY = "Malå kommun och polisen höll alla planerade trygghetsvandringar under året."
# One of each assessment, in the order of the pledge's seven commitments.
ASSESSMENTS = [
    Assessment.DONE,
    Assessment.PARTLY,
    Assessment.ONGOING,
    Assessment.NOT_DONE,
    Assessment.NOT_APPLICABLE,
    Assessment.DONE,
    Assessment.PARTLY,
]


def one_line(text: str) -> str:
    """The text with every run of whitespace (line breaks of the PDF layout) as one space."""
    return " ".join(text.split())


@pytest.fixture
def mala_review(seeded) -> Review:
    """The Malå 2024 pledge's review, assessed, signed by both parties and published."""
    pledge = Pledge.objects.get(slug="mala-2024")
    mala = pledge.municipalities.get()
    coordinator = member(Membership.Role.COORDINATOR, mala)
    police = member(
        Membership.Role.SIGNATORY, pledge.police_area, first_name="Lena", last_name="Norrström"
    )
    councillor = member(Membership.Role.SIGNATORY, mala, first_name="Kim", last_name="Kommunsson")
    review = reviews.review_start(
        user=coordinator, document=pledge, period_start=datetime.date(2024, 1, 1)
    )
    items = list(review.items.all())
    assert len(items) == len(ASSESSMENTS)
    fill(
        review,
        coordinator,
        summary=SUMMARY,
        assessments={
            item.pk: (assessment, f"Kommentar {index}")
            for index, (item, assessment) in enumerate(zip(items, ASSESSMENTS, strict=True))
        },
    )
    submit(review, coordinator)
    for user, title in [(police, "lokalpolisområdeschef"), (councillor, "kommunalråd")]:
        review.refresh_from_db()
        signing.review_sign(
            user=user,
            review=review,
            password=PASSWORD,
            content_version=review.content_version,
            title=title,
        )
    review.refresh_from_db()
    assert review.state == ReviewState.PUBLISHED
    return review


def stored_pdf(review: Review) -> bytes:
    issued = IssuedDocument.objects.for_object(review).get()
    with issued.file.open("rb") as handle:
        return handle.read()


def test_pdf_shows_title_assessments_summary_and_every_signature(mala_review):
    pledge = mala_review.pledge
    text = one_line(pdf_text(stored_pdf(mala_review)))

    assert f"Årlig uppföljning 2024: {one_line(pledge.title)}" in text
    assert SUMMARY in text
    for label in ["Genomfört", "Delvis genomfört", "Pågår", "Ej genomfört", "Ej aktuellt"]:
        assert label in text
    assert "Inte bedömt ännu" not in text
    for item in mala_review.items.all():
        assert one_line(item.text)[:60] in text
    for sign_off in mala_review.sign_offs.all():
        assert sign_off.name in text
        assert sign_off.organisation in text
    assert "Lena Norrström" in text
    assert "Polisen, lokalpolisområde Skellefteå" in text
    assert "Kim Kommunsson" in text
    assert "Malå kommun" in text
    assert "kommunalråd" in text
    assert mala_review.content_sha256 in text.replace(" ", "")


def test_issued_record_names_the_review_and_its_signatories(mala_review):
    issued = IssuedDocument.objects.for_object(mala_review).get()

    assert issued.kind == IssuedDocument.Kind.SEALED
    assert issued.title == f"Årlig uppföljning 2024: {mala_review.pledge.title}"
    assert issued.document_path == f"/uppfoljning/{mala_review.pk}/"
    assert "Lena Norrström, lokalpolisområdeschef" in issued.signed_by
    assert "Kim Kommunsson, kommunalråd, Malå kommun" in issued.signed_by


def test_stored_pdf_seal_is_intact_and_breaks_when_one_byte_changes(mala_review):
    content = stored_pdf(mala_review)

    assert check_seal(content).state == SealState.INTACT
    changed = check_seal(flip_one_byte(content))
    assert not changed.intact
    assert changed.state == SealState.ALTERED


def test_signature_date_is_the_swedish_calendar_day(mala_review):
    review = review_for_page(mala_review.pk)
    # Signed 00:30 on New Year's Day in Stockholm, which is still 31 December in UTC.
    review.signed_off = [
        ReviewSignOff(
            name="Kim Kommunsson",
            title="kommunalråd",
            organisation="Malå kommun",
            signed_at=datetime.datetime(2024, 12, 31, 23, 30, tzinfo=datetime.UTC),
        )
    ]

    (line,) = REVIEW_PDF.describe(review).signatories

    assert line.signed_on == datetime.date(2025, 1, 1)
