"""A published review is corrected by a revision: a draft copy that goes through sign-off."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from followup.models import Review, ReviewState
from followup.reviews import services as reviews
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.followup.review_fixtures import SUMMARY, fill, issued_for, sign, submit

pytestmark = pytest.mark.django_db


def test_revision_of_a_published_review_is_a_draft_copy_and_goes_through_sign_off(
    published, granby_people
):
    people = granby_people

    revision = reviews.review_revise(user=people.coordinator, review=published)

    assert (revision.revision, revision.replaces_id) == (2, published.pk)
    assert revision.state == ReviewState.DRAFT
    assert revision.summary == published.summary
    assert revision.lessons == published.lessons
    copied = [(i.text, i.group, i.progress, i.assessment) for i in revision.items.all()]
    original = [(i.text, i.group, i.progress, i.assessment) for i in published.items.all()]
    assert copied == original
    assert {i.history.get().history_user for i in revision.items.all()} == {people.coordinator}
    published.refresh_from_db()
    assert published.state == ReviewState.PUBLISHED

    with pytest.raises(ValidationError) as refused:
        reviews.review_revise(user=people.coordinator, review=published)
    assert refused.value.messages == ["Det finns redan en rättelse av den här uppföljningen."]

    fill(revision, people.coordinator, summary="Rättad sammanfattning.")
    submit(revision, people.coordinator)
    for signatory in people.signatories:
        sign(revision, signatory)

    revision.refresh_from_db()
    assert revision.state == ReviewState.PUBLISHED
    assert len(issued_for(revision)) == 1
    published.refresh_from_db()
    assert published.state == ReviewState.PUBLISHED
    assert published.summary == SUMMARY
    assert len(issued_for(published)) == 1
    assert Review.objects.filter(pledge=published.pledge).count() == 2


def test_only_a_published_review_is_revised(submitted, granby_people):
    with pytest.raises(ValidationError):
        reviews.review_revise(user=granby_people.coordinator, review=submitted)

    assert Review.objects.count() == 1


def test_signatory_cannot_start_a_revision(published, granby_people):
    with pytest.raises(PermissionDenied):
        reviews.review_revise(user=granby_people.police, review=published)
