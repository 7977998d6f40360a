"""A signatory returns a submitted review: a draft again, and every party signs anew."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from followup.models import Assessment, ReviewEvent, ReviewSignOff, ReviewState
from followup.reviews import signing
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.followup.review_fixtures import fill, sign, submit

pytestmark = pytest.mark.django_db


def test_coordinator_cannot_return_a_review(submitted, granby_people):
    with pytest.raises(PermissionDenied):
        signing.review_return(user=granby_people.coordinator, review=submitted, comment="Nej")

    submitted.refresh_from_db()
    assert submitted.state == ReviewState.SUBMITTED


def test_return_needs_a_comment(submitted, granby_people):
    with pytest.raises(ValidationError) as refused:
        signing.review_return(user=granby_people.police, review=submitted, comment="   ")

    assert refused.value.message_dict == {"comment": ["Skriv vad som behöver ändras."]}
    submitted.refresh_from_db()
    assert submitted.state == ReviewState.SUBMITTED


def test_returned_review_is_a_draft_again_and_earlier_signatures_no_longer_count(
    submitted, granby_people
):
    people = granby_people
    sign(submitted, people.police)

    signing.review_return(
        user=people.municipalities["Granby"],
        review=submitted,
        comment="Trafikkontrollerna ska bedömas som delvis genomförda.",
    )

    submitted.refresh_from_db()
    assert submitted.state == ReviewState.DRAFT
    assert submitted.content_sha256 == ""
    returned = submitted.events.get(kind=ReviewEvent.Kind.RETURNED)
    assert returned.comment == "Trafikkontrollerna ska bedömas som delvis genomförda."
    assert submitted.current_sign_offs() == []

    # Sent in again unchanged: the police's earlier signature still does not count.
    submit(submitted, people.coordinator)
    sign(submitted, people.municipalities["Granby"])

    submitted.refresh_from_db()
    # The police signed the earlier version only: they must sign again.
    assert submitted.state == ReviewState.SUBMITTED
    assert [p.name for p in submitted.missing_parties()] == ["Polisen, lokalpolisområde Norrskogen"]

    sign(submitted, people.police)

    submitted.refresh_from_db()
    assert submitted.state == ReviewState.PUBLISHED
    assert ReviewSignOff.objects.filter(review=submitted).count() == 3
    assert {s.content_version for s in submitted.current_sign_offs()} == {submitted.content_version}


def test_returned_review_is_corrected_and_signed_by_both_again(submitted, granby_people):
    people = granby_people
    sign(submitted, people.municipalities["Granby"])
    signing.review_return(user=people.police, review=submitted, comment="Delvis, inte helt.")

    fill(submitted, people.coordinator, assessment=Assessment.PARTLY)
    submit(submitted, people.coordinator)
    sign(submitted, people.police)

    submitted.refresh_from_db()
    assert submitted.state == ReviewState.SUBMITTED
    sign(submitted, people.municipalities["Granby"])
    submitted.refresh_from_db()
    assert submitted.state == ReviewState.PUBLISHED
    assert set(submitted.items.values_list("assessment", flat=True)) == {Assessment.PARTLY}
