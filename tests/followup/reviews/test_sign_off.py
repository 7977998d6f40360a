"""Signing, approval at the last signature, publication with a sealed PDF, and sealing failure."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from agreements.models import Membership
from followup.models import ReviewEvent, ReviewFrozenError, ReviewSignOff, ReviewState
from pledges.models import Pledge
from portal.models import IssuedDocument
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.followup.factories import UserFactory
from tests.followup.review_fixtures import (
    SUMMARY,
    issued_for,
    member,
    people_for,
    publish_through_sign_off,
    sign,
    start_fill_submit,
    start_granby,
)

pytestmark = pytest.mark.django_db


# Sign -----------------------------------------------------------------------------


def test_wrong_password_is_refused_and_nothing_is_recorded(submitted, granby_people):
    with pytest.raises(ValidationError) as refused:
        sign(submitted, granby_people.police, password="fel-losenord")

    assert list(refused.value.message_dict) == ["password"]
    assert not ReviewSignOff.objects.exists()
    assert not submitted.events.filter(kind=ReviewEvent.Kind.SIGNED).exists()


def test_coordinator_cannot_sign(submitted, granby_people):
    with pytest.raises(PermissionDenied):
        sign(submitted, granby_people.coordinator)

    assert not ReviewSignOff.objects.exists()


@pytest.mark.parametrize("organisation", ["other_municipality", "other_police_area"])
def test_signatory_of_another_party_cannot_sign(world, submitted, organisation):
    stranger = member(Membership.Role.SIGNATORY, world.organisation(organisation))

    with pytest.raises(PermissionDenied):
        sign(submitted, stranger)

    assert not ReviewSignOff.objects.exists()


def test_draft_cannot_be_signed(world, granby_people):
    review = start_granby(world, granby_people)

    with pytest.raises(ValidationError):
        sign(review, granby_people.police)

    assert not ReviewSignOff.objects.exists()


def test_same_party_signing_twice_counts_once(world, submitted, granby_people):
    police_colleague = member(Membership.Role.SIGNATORY, world.own_police_area)
    sign(submitted, granby_people.police)

    with pytest.raises(ValidationError) as refused:
        sign(submitted, granby_people.police)
    with pytest.raises(ValidationError):
        sign(submitted, police_colleague)

    assert refused.value.messages == ["Din part har redan skrivit under den här versionen."]
    assert ReviewSignOff.objects.filter(review=submitted).count() == 1
    submitted.refresh_from_db()
    assert submitted.state == ReviewState.SUBMITTED


def test_sign_off_records_who_when_and_exactly_what(submitted, granby_people):
    before = submitted.content_version, submitted.content_sha256

    (sign_off,) = sign(submitted, granby_people.police)

    stored = ReviewSignOff.objects.get(pk=sign_off.pk)
    assert stored.user == granby_people.police
    assert stored.name == "Lena Norrström"
    assert stored.organisation == "Polisen, lokalpolisområde Norrskogen"
    assert stored.police_area_id == submitted.pledge.police_area_id
    assert stored.municipality is None
    assert stored.signed_at is not None
    assert (stored.content_version, stored.content_sha256) == before


def test_last_signature_of_three_municipalities_and_the_police_publishes(seeded):
    pledge = Pledge.objects.get(slug="sodra-fyrbodal-2023-2024")
    people = people_for(pledge)
    assert len(people.signatories) == 4
    review = start_fill_submit(pledge, people, 2024)

    for signatory in people.signatories[:-1]:
        sign(review, signatory)
        review.refresh_from_db()
        assert review.state == ReviewState.SUBMITTED
        assert review.approved_at is None
    assert not issued_for(review)

    sign(review, people.signatories[-1])

    review.refresh_from_db()
    assert review.state == ReviewState.PUBLISHED
    assert review.approved_at is not None
    assert review.published_at is not None
    (issued,) = issued_for(review)
    assert issued.kind == IssuedDocument.Kind.SEALED
    assert issued.title == "Årlig uppföljning 2024: " + pledge.title
    sign_offs = list(review.sign_offs.all())
    assert {s.organisation for s in sign_offs} == {
        "Polisen, lokalpolisområde Södra Fyrbodal",
        "Orust kommun",
        "Stenungsunds kommun",
        "Tjörns kommun",
    }
    assert {s.user for s in sign_offs} == set(people.signatories)
    for sign_off in sign_offs:
        assert sign_off.content_version == review.content_version
        assert sign_off.content_sha256 == review.content_sha256
    assert [e.kind for e in review.events.order_by("at", "pk")] == [
        ReviewEvent.Kind.STARTED,
        ReviewEvent.Kind.SUBMITTED,
        *[ReviewEvent.Kind.SIGNED] * 4,
        ReviewEvent.Kind.APPROVED,
        ReviewEvent.Kind.PUBLISHED,
    ]


# Publication ----------------------------------------------------------------------


def test_approved_review_whose_publication_failed_stays_frozen_and_staff_publish_it(
    world, granby_people, client, monkeypatch
):
    def seal_unavailable(**kwargs):
        raise ValueError("Certifikatet kunde inte läsas.")

    monkeypatch.setattr("followup.reviews.signing.document_issue", seal_unavailable)
    review = publish_through_sign_off(world.pledge, granby_people, 2024)
    assert review.state == ReviewState.APPROVED
    assert review.published_at is None
    review.summary = "Ändrad"
    with pytest.raises(ReviewFrozenError):
        review.save()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    publish = {"action": "publish", "_selected_action": [review.pk], "index": 0}

    still_failing = client.post("/admin/followup/review/", publish, follow=True)

    assert "publicerades inte. PDF:en kunde inte förseglas" in still_failing.content.decode()
    review.refresh_from_db()
    assert review.state == ReviewState.APPROVED

    monkeypatch.undo()
    response = client.post("/admin/followup/review/", publish)

    assert response.status_code == 302
    review.refresh_from_db()
    assert review.state == ReviewState.PUBLISHED
    assert review.summary == SUMMARY
    assert len(issued_for(review)) == 1


def test_admin_publish_action_leaves_a_review_not_yet_signed_by_all(submitted, client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.post(
        "/admin/followup/review/",
        {"action": "publish", "_selected_action": [submitted.pk], "index": 0},
        follow=True,
    )

    assert "alla parter har inte skrivit under" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.state == ReviewState.SUBMITTED
    assert not issued_for(submitted)
