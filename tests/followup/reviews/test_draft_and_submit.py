"""Editing the draft (texts, assessments, stale saves) and submitting it for signature."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError

from agreements.models import Membership
from followup.models import Assessment, ReviewEvent, ReviewState
from followup.reviews import services as reviews
from followup.reviews.content import content_sha256
from followup.reviews.workflow import ReviewConflict
from pledges.models import Pledge
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.followup.review_fixtures import SUMMARY, fill, member, start_granby, submit

pytestmark = pytest.mark.django_db


# Update ---------------------------------------------------------------------------


def test_update_saves_texts_and_assessments_and_bumps_the_version(world, granby_people):
    review = start_granby(world, granby_people)
    target, on_request = review.items.all()

    saved = reviews.review_update(
        user=granby_people.coordinator,
        review=review,
        content_version=1,
        summary="  Ett bra år.  ",
        lessons="Lärdom",
        next_steps="Nästa steg",
        assessments={
            target.pk: (Assessment.PARTLY, " Bara fyra kontroller. "),
            on_request.pk: (Assessment.NOT_APPLICABLE, ""),
        },
    )

    assert saved.content_version == 2
    review.refresh_from_db()
    assert (review.summary, review.lessons, review.next_steps) == (
        "Ett bra år.",
        "Lärdom",
        "Nästa steg",
    )
    target.refresh_from_db()
    assert (target.assessment, target.comment) == (Assessment.PARTLY, "Bara fyra kontroller.")
    assert review.items.get(pk=on_request.pk).assessment == Assessment.NOT_APPLICABLE


def test_stale_update_raises_conflict_and_keeps_the_first_save(world, granby_people, colleague):
    review = start_granby(world, granby_people)
    target, on_request = review.items.all()
    opened_by_both = review.content_version
    reviews.review_update(
        user=granby_people.coordinator,
        review=review,
        content_version=opened_by_both,
        summary="Den första versionen.",
        lessons="",
        next_steps="",
        assessments={target.pk: (Assessment.DONE, "Alla sex kontroller gjordes.")},
    )

    with pytest.raises(ReviewConflict) as conflict:
        reviews.review_update(
            user=colleague,
            review=review,
            content_version=opened_by_both,
            summary="Den andra versionen.",
            lessons="",
            next_steps="",
            assessments={target.pk: (Assessment.NOT_DONE, "")},
        )

    assert conflict.value.current.summary == "Den första versionen."
    review.refresh_from_db()
    assert review.summary == "Den första versionen."
    assert review.content_version == opened_by_both + 1
    target.refresh_from_db()
    assert (target.assessment, target.comment) == (Assessment.DONE, "Alla sex kontroller gjordes.")


def test_update_refuses_an_assessment_not_in_the_list(world, granby_people):
    review = start_granby(world, granby_people)
    target = review.items.first()

    with pytest.raises(ValidationError) as refused:
        reviews.review_update(
            user=granby_people.coordinator,
            review=review,
            content_version=1,
            summary="Sammanfattning",
            lessons="",
            next_steps="",
            assessments={target.pk: ("excellent", "")},
        )

    assert refused.value.messages == ["Välj en bedömning från listan."]
    review.refresh_from_db()
    assert (review.summary, review.content_version) == ("", 1)
    assert review.items.get(pk=target.pk).assessment == ""


def test_update_is_refused_once_submitted(world, granby_people):
    review = start_granby(world, granby_people)
    fill(review, granby_people.coordinator)
    submit(review, granby_people.coordinator)
    review.refresh_from_db()

    with pytest.raises(ValidationError) as refused:
        fill(review, granby_people.coordinator, summary="Ändrad efter inskickning")

    assert refused.value.messages == [
        "Uppföljningen är inskickad för underskrift och kan inte ändras."
    ]
    review.refresh_from_db()
    assert review.summary == SUMMARY


def test_signatory_cannot_edit_the_draft(world, granby_people):
    review = start_granby(world, granby_people)

    with pytest.raises(PermissionDenied):
        fill(review, granby_people.police)
    review.refresh_from_db()
    assert review.summary == ""


# Submit ---------------------------------------------------------------------------


def test_submit_without_summary_or_assessments_is_refused_in_swedish(world, granby_people):
    review = start_granby(world, granby_people)
    target, on_request = review.items.all()
    fill(review, granby_people.coordinator, summary="", assessments={target.pk: ("done", "")})

    with pytest.raises(ValidationError) as refused:
        submit(review, granby_people.coordinator)

    # Each problem on the field it concerns, so that the form marks it.
    assert refused.value.message_dict == {
        NON_FIELD_ERRORS: ["Bedöm alla löften: 1 saknar bedömning."],
        "summary": ["Skriv en sammanfattning."],
        f"item_{on_request.pk}_assessment": [
            "Välj en bedömning för ”Om det uppkommer önskemål om trygghetsvandringar bistår kom…”."
        ],
    }
    review.refresh_from_db()
    assert review.state == ReviewState.DRAFT
    assert review.content_sha256 == ""


def test_submit_fixes_the_content_and_its_fingerprint(world, granby_people):
    review = start_granby(world, granby_people)
    fill(review, granby_people.coordinator)

    submitted = submit(review, granby_people.coordinator)

    review.refresh_from_db()
    assert review.state == ReviewState.SUBMITTED
    assert review.submitted_at is not None
    assert len(review.content_sha256) == 64
    assert review.content_sha256 == content_sha256(review, list(review.items.all()))
    assert submitted.content_sha256 == review.content_sha256
    assert ReviewEvent.objects.filter(review=review, kind=ReviewEvent.Kind.SUBMITTED).exists()


def test_fingerprint_changes_with_any_assessment(world, granby_people):
    review = start_granby(world, granby_people)
    fill(review, granby_people.coordinator)
    items = list(review.items.all())
    before = content_sha256(review, items)

    items[1].assessment = Assessment.PARTLY

    assert content_sha256(review, items) != before


def test_pledge_without_police_area_cannot_be_submitted(seeded):
    nordmaling = Pledge.objects.get(slug="nordmaling-2023-2025")
    coordinator = member(Membership.Role.COORDINATOR, nordmaling.municipalities.get())
    review = reviews.review_start(
        user=coordinator, document=nordmaling, period_start=datetime.date(2024, 1, 1)
    )
    fill(review, coordinator)

    with pytest.raises(ValidationError) as refused:
        submit(review, coordinator)

    assert refused.value.messages == [
        "Dokumentet anger inget lokalpolisområde, så polisen kan inte skriva under. "
        "Kommunens administratör och lokalpolisområdet namnger först i portalen vilket "
        "lokalpolisområde som svarar för kommunen (under ”Ansvarigt lokalpolisområde” på "
        "startsidan för inloggade)."
    ]
    review.refresh_from_db()
    assert review.state == ReviewState.DRAFT
