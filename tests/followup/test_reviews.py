"""The annual follow-up workflow: start, edit, submit, return, sign off, freeze, revise.

The last signature publishes with a sealed PDF, so the documents' autouse fixture seals
with the test certificate here too.

The world fixture's Granby pledge has two parties (police area Norrskogen and Granby);
the seed pledges bring three municipalities (Södra Fyrbodal), a pledge without a police
area (Nordmaling) and an agreement followed up every two years (Åsele).
"""

from __future__ import annotations

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from agreements.models import Agreement, Membership
from followup import reviews
from followup.models import (
    Assessment,
    Review,
    ReviewEvent,
    ReviewFrozenError,
    ReviewItem,
    ReviewSignOff,
    ReviewState,
)
from pledges.models import Commitment, Pledge
from portal.choices import PublicationStatus
from portal.models import IssuedDocument
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.factories import CommitmentFactory, FocusAreaFactory, PledgeFactory
from tests.followup.factories import ActivityFactory, UserFactory
from tests.followup.review_fixtures import (
    PASSWORD,
    SUMMARY,
    People,
    fill,
    member,
    people_for,
    publish_through_sign_off,
    sign,
    start_fill_submit,
    submit,
)

pytestmark = pytest.mark.django_db

JAN_2024 = datetime.date(2024, 1, 1)


@pytest.fixture
def granby_people(world) -> People:
    """The Granby pledge's coordinator, police signatory and municipal signatory."""
    return people_for(world.pledge)


def start_granby(world, people) -> Review:
    return reviews.review_start(
        user=people.coordinator, document=world.pledge, period_start=JAN_2024
    )


def issued_for(review: Review) -> list[IssuedDocument]:
    return list(IssuedDocument.objects.for_object(review))


# Start ----------------------------------------------------------------------------


@pytest.fixture
def two_year_pledge(world) -> Pledge:
    """Granby's 2023–2024 pledge with a yearly target and activities in both years."""
    pledge = PledgeFactory(
        slug="granby-2023-2024",
        title="Medborgarlöfte 2023–2024, Granby kommun",
        police_area=world.own_police_area,
        municipalities=[world.own_municipality],
        period_start=datetime.date(2023, 1, 1),
        period_end=datetime.date(2024, 12, 31),
    )
    area = FocusAreaFactory(pledge=pledge, title="Trafik")
    target = CommitmentFactory(
        pledge=pledge,
        focus_area=area,
        text="Vid minst sex tillfällen per år genomförs en trafikkontroll.",
        kind=Commitment.Kind.YEARLY_TARGET,
        yearly_target=6,
        responsible=Commitment.Responsible.POLICE,
    )
    CommitmentFactory(
        pledge=pledge,
        text="Kommunen arbetar förebyggande mot skadegörelse.",
        kind=Commitment.Kind.ONGOING,
        yearly_target=None,
        responsible=Commitment.Responsible.MUNICIPALITY,
    )
    ActivityFactory(commitment=target, date=datetime.date(2024, 3, 2), count=1, text="Mars")
    ActivityFactory(commitment=target, date=datetime.date(2024, 9, 20), count=3, text="Hösten")
    ActivityFactory(
        commitment=target,
        date=datetime.date(2024, 6, 1),
        count=5,
        text="Felregistrerad kontroll",
        withdrawn_at=datetime.datetime(2024, 6, 2, tzinfo=datetime.UTC),
    )
    ActivityFactory(commitment=target, date=datetime.date(2023, 8, 1), count=2, text="Förra året")
    return pledge


def test_start_prefills_one_item_per_commitment_with_text_heading_and_progress(
    world, two_year_pledge, granby_people
):
    review = reviews.review_start(
        user=granby_people.coordinator,
        document=two_year_pledge,
        period_start=JAN_2024,
        today=datetime.date(2024, 11, 1),
    )

    assert review.state == ReviewState.DRAFT
    assert (review.period_start, review.period_end) == (JAN_2024, datetime.date(2024, 12, 31))
    target, ongoing = review.items.all()
    assert target.text == "Vid minst sex tillfällen per år genomförs en trafikkontroll."
    assert target.group == "Trafik – Polisen"
    assert ongoing.text == "Kommunen arbetar förebyggande mot skadegörelse."
    assert ongoing.group == "Kommunen"
    # 1 + 3 logged in 2024; the withdrawn 5 and last year's 2 do not count.
    assert target.progress.splitlines()[0] == "4 av 6 tillfällen 2024."
    assert "– 2024-09-20: Hösten" in target.progress
    assert "– 2024-03-02: Mars" in target.progress
    assert "Felregistrerad" not in target.progress
    assert "Förra året" not in target.progress
    assert ongoing.progress == "0 tillfällen loggade 2024."
    assert [e.kind for e in review.events.all()] == [ReviewEvent.Kind.STARTED]


def test_start_of_an_earlier_year_counts_only_that_years_activities(
    world, two_year_pledge, granby_people
):
    review = reviews.review_start(
        user=granby_people.coordinator,
        document=two_year_pledge,
        period_start=datetime.date(2023, 1, 1),
    )

    target = review.items.first()
    # One activity done twice: the line says so, so the lines add up to the count.
    assert target.progress.splitlines() == [
        "2 av 6 tillfällen 2023.",
        "– 2023-08-01: Förra året (2 tillfällen)",
    ]


def test_on_request_commitment_is_prefilled_with_requests_received_and_answered(
    world, granby_people
):
    ActivityFactory(commitment=world.on_request, kind="request_received", count=3)
    ActivityFactory(commitment=world.on_request, kind="request_answered", count=2)

    review = start_granby(world, granby_people)

    item = review.items.get(commitment=world.on_request)
    assert item.progress.splitlines()[0] == "3 önskemål kom in och 2 besvarades 2024."


def test_progress_is_worded_in_singular_and_plural_like_the_pledge_page(world, granby_people):
    CommitmentFactory(pledge=world.pledge, text="En gemensam tillsyn varje år.", yearly_target=1)
    ongoing = CommitmentFactory(
        pledge=world.pledge,
        text="Polisen arbetar löpande mot narkotika.",
        kind=Commitment.Kind.ONGOING,
        yearly_target=None,
    )
    ActivityFactory(commitment=ongoing, text="Razzia")
    busy = CommitmentFactory(pledge=world.pledge, text="Trygghetsvandringar.", yearly_target=20)
    for day in range(1, 13):
        ActivityFactory(commitment=busy, date=datetime.date(2024, 3, day), text=f"Vandring {day}")

    review = start_granby(world, granby_people)

    progress = {item.text: item.progress.splitlines() for item in review.items.all()}
    assert progress["En gemensam tillsyn varje år."] == ["0 av 1 tillfälle 2024."]
    assert progress["Polisen arbetar löpande mot narkotika."] == [
        "1 tillfälle loggat 2024.",
        "– 2024-05-14: Razzia",
    ]
    busy_lines = progress["Trygghetsvandringar."]
    assert busy_lines[0] == "12 av 20 tillfällen 2024."
    # The ten latest are listed, the rest counted.
    assert busy_lines[1:3] == ["– 2024-03-12: Vandring 12", "– 2024-03-11: Vandring 11"]
    assert len(busy_lines) == 1 + 10 + 1
    assert busy_lines[-1] == "… och 2 aktiviteter till."


def test_starting_twice_returns_the_same_review(world, granby_people):
    first = start_granby(world, granby_people)
    second = start_granby(world, granby_people)

    assert second.pk == first.pk
    assert Review.objects.count() == 1
    assert ReviewItem.objects.count() == 2


def test_cannot_start_a_period_that_has_not_begun(world, two_year_pledge, granby_people):
    with pytest.raises(ValidationError) as refused:
        reviews.review_start(
            user=granby_people.coordinator,
            document=two_year_pledge,
            period_start=JAN_2024,
            today=datetime.date(2023, 12, 31),
        )

    assert refused.value.messages == [
        "Uppföljningen för 2024 kan börja först när perioden har börjat."
    ]
    assert not Review.objects.exists()


def test_cannot_start_a_period_outside_the_pledge(world, granby_people):
    with pytest.raises(ValidationError):
        reviews.review_start(
            user=granby_people.coordinator,
            document=world.pledge,
            period_start=datetime.date(2025, 1, 1),
        )
    assert not Review.objects.exists()


def test_unpublished_pledge_cannot_be_followed_up(world, granby_people):
    world.pledge.status = PublicationStatus.DRAFT
    world.pledge.save()

    with pytest.raises(ValidationError) as refused:
        start_granby(world, granby_people)

    assert refused.value.messages == ["Bara publicerade dokument följs upp."]
    assert not Review.objects.exists()


@pytest.mark.parametrize(
    ("role", "organisation"),
    [
        (Membership.Role.SIGNATORY, "own_municipality"),
        (Membership.Role.EDITOR, "own_municipality"),
        (Membership.Role.COORDINATOR, "other_municipality"),
        (Membership.Role.COORDINATOR, "other_police_area"),
    ],
)
def test_only_the_parties_coordinators_start_a_review(world, role, organisation):
    user = member(role, world.organisation(organisation))

    with pytest.raises(PermissionDenied):
        reviews.review_start(user=user, document=world.pledge, period_start=JAN_2024)
    assert not Review.objects.exists()


def test_police_coordinator_starts_the_review_too(world, colleague):
    review = reviews.review_start(user=colleague, document=world.pledge, period_start=JAN_2024)

    assert review.created_by == colleague


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

    with pytest.raises(reviews.ReviewConflict) as conflict:
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
    target, _on_request = review.items.all()
    fill(review, granby_people.coordinator, summary="", assessments={target.pk: ("done", "")})

    with pytest.raises(ValidationError) as refused:
        submit(review, granby_people.coordinator)

    assert refused.value.messages == [
        "Skriv en sammanfattning.",
        "Bedöm alla löften: 1 saknar bedömning.",
    ]
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
    assert review.content_sha256 == reviews.content_sha256(review, list(review.items.all()))
    assert submitted.content_sha256 == review.content_sha256
    assert ReviewEvent.objects.filter(review=review, kind=ReviewEvent.Kind.SUBMITTED).exists()


def test_fingerprint_changes_with_any_assessment(world, granby_people):
    review = start_granby(world, granby_people)
    fill(review, granby_people.coordinator)
    items = list(review.items.all())
    before = reviews.content_sha256(review, items)

    items[1].assessment = Assessment.PARTLY

    assert reviews.content_sha256(review, items) != before


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
        "En redaktör behöver ange lokalpolisområdet först."
    ]
    review.refresh_from_db()
    assert review.state == ReviewState.DRAFT


# Return ---------------------------------------------------------------------------


@pytest.fixture
def submitted(world, granby_people) -> Review:
    review = start_granby(world, granby_people)
    fill(review, granby_people.coordinator)
    submit(review, granby_people.coordinator)
    review.refresh_from_db()
    return review


def test_coordinator_cannot_return_a_review(submitted, granby_people):
    with pytest.raises(PermissionDenied):
        reviews.review_return(user=granby_people.coordinator, review=submitted, comment="Nej")

    submitted.refresh_from_db()
    assert submitted.state == ReviewState.SUBMITTED


def test_return_needs_a_comment(submitted, granby_people):
    with pytest.raises(ValidationError) as refused:
        reviews.review_return(user=granby_people.police, review=submitted, comment="   ")

    assert refused.value.message_dict == {"comment": ["Skriv vad som behöver ändras."]}
    submitted.refresh_from_db()
    assert submitted.state == ReviewState.SUBMITTED


def test_returned_review_is_a_draft_again_and_earlier_signatures_no_longer_count(
    submitted, granby_people
):
    people = granby_people
    sign(submitted, people.police)

    reviews.review_return(
        user=people.municipalities["Granby"],
        review=submitted,
        comment="Trafikkontrollerna ska bedömas som delvis genomförda.",
    )

    submitted.refresh_from_db()
    assert submitted.state == ReviewState.DRAFT
    assert submitted.content_sha256 == ""
    returned = submitted.events.get(kind=ReviewEvent.Kind.RETURNED)
    assert returned.comment == "Trafikkontrollerna ska bedömas som delvis genomförda."
    assert reviews.current_sign_offs(submitted) == []

    # Sent in again unchanged: the police's earlier signature still does not count.
    submit(submitted, people.coordinator)
    sign(submitted, people.municipalities["Granby"])

    submitted.refresh_from_db()
    # The police signed the earlier version only: they must sign again.
    assert submitted.state == ReviewState.SUBMITTED
    assert [
        p.name for p in reviews.missing_parties(submitted, list(submitted.sign_offs.all()))
    ] == ["Polisen, lokalpolisområde Norrskogen"]

    sign(submitted, people.police)

    submitted.refresh_from_db()
    assert submitted.state == ReviewState.PUBLISHED
    assert ReviewSignOff.objects.filter(review=submitted).count() == 3
    assert {s.content_version for s in reviews.current_sign_offs(submitted)} == {
        submitted.content_version
    }


# Sign -----------------------------------------------------------------------------


def test_returned_review_is_corrected_and_signed_by_both_again(submitted, granby_people):
    people = granby_people
    sign(submitted, people.municipalities["Granby"])
    reviews.review_return(user=people.police, review=submitted, comment="Delvis, inte helt.")

    fill(submitted, people.coordinator, assessment=Assessment.PARTLY)
    submit(submitted, people.coordinator)
    sign(submitted, people.police)

    submitted.refresh_from_db()
    assert submitted.state == ReviewState.SUBMITTED
    sign(submitted, people.municipalities["Granby"])
    submitted.refresh_from_db()
    assert submitted.state == ReviewState.PUBLISHED
    assert set(submitted.items.values_list("assessment", flat=True)) == {Assessment.PARTLY}


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


# Concurrency ----------------------------------------------------------------------


def test_signatory_with_a_stale_copy_still_counts_and_approval_happens_once(
    submitted, granby_people
):
    people = granby_people
    seen_by_municipality = Review.objects.get(pk=submitted.pk)
    seen_by_police = Review.objects.get(pk=submitted.pk)

    reviews.review_sign(
        user=people.police,
        review=seen_by_police,
        password=PASSWORD,
        content_version=seen_by_police.content_version,
    )
    reviews.review_sign(
        user=people.municipalities["Granby"],
        review=seen_by_municipality,
        password=PASSWORD,
        content_version=seen_by_municipality.content_version,
    )

    submitted.refresh_from_db()
    assert submitted.state == ReviewState.PUBLISHED
    assert ReviewSignOff.objects.filter(review=submitted).count() == 2
    assert submitted.events.filter(kind=ReviewEvent.Kind.APPROVED).count() == 1
    assert len(issued_for(submitted)) == 1


@pytest.mark.django_db(transaction=True)
def test_two_parties_signing_at_the_same_moment_both_count_once(world):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's in-memory test database is not shared between threads.")
    people = people_for(world.pledge)
    review = start_fill_submit(world.pledge, people, 2024)
    barrier = threading.Barrier(2, timeout=30)
    errors: list[BaseException] = []

    def sign_now(user) -> None:
        try:
            stale = Review.objects.get(pk=review.pk)
            barrier.wait()
            reviews.review_sign(
                user=user, review=stale, password=PASSWORD, content_version=stale.content_version
            )
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_now, args=(u,)) for u in people.signatories]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors
    review.refresh_from_db()
    assert review.state == ReviewState.PUBLISHED
    assert ReviewSignOff.objects.filter(review=review).count() == 2
    assert {s.user for s in review.sign_offs.all()} == set(people.signatories)
    assert review.events.filter(kind=ReviewEvent.Kind.SIGNED).count() == 2
    assert review.events.filter(kind=ReviewEvent.Kind.APPROVED).count() == 1
    assert len(issued_for(review)) == 1


@pytest.mark.django_db(transaction=True)
def test_two_signatories_of_one_party_at_the_same_moment_sign_once(world):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's in-memory test database is not shared between threads.")
    people = people_for(world.pledge)
    review = start_fill_submit(world.pledge, people, 2024)
    second_police = member(Membership.Role.SIGNATORY, world.own_police_area)
    barrier = threading.Barrier(2, timeout=30)
    outcomes: list[object] = []

    def sign_now(user) -> None:
        try:
            stale = Review.objects.get(pk=review.pk)
            barrier.wait()
            outcomes.append(
                reviews.review_sign(
                    user=user,
                    review=stale,
                    password=PASSWORD,
                    content_version=stale.content_version,
                )
            )
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_now, args=(u,)) for u in (people.police, second_police)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    signed = [o for o in outcomes if isinstance(o, list)]
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert (len(signed), len(refused)) == (1, 1), outcomes
    assert ReviewSignOff.objects.filter(review=review).count() == 1
    review.refresh_from_db()
    assert review.state == ReviewState.SUBMITTED


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_starting_at_the_same_moment_get_one_review(world, colleague):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's in-memory test database is not shared between threads.")
    people = people_for(world.pledge)
    barrier = threading.Barrier(2, timeout=30)
    outcomes: list[object] = []

    def start_now(user) -> None:
        try:
            barrier.wait()
            outcomes.append(
                reviews.review_start(user=user, document=world.pledge, period_start=JAN_2024)
            )
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            outcomes.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=start_now, args=(u,)) for u in (people.coordinator, colleague)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert all(isinstance(o, Review) for o in outcomes), outcomes
    assert len({o.pk for o in outcomes}) == 1
    assert Review.objects.count() == 1
    assert ReviewItem.objects.count() == 2
    assert ReviewEvent.objects.filter(kind=ReviewEvent.Kind.STARTED).count() == 1


# Freeze ---------------------------------------------------------------------------


@pytest.fixture
def published(world, granby_people) -> Review:
    review = publish_through_sign_off(world.pledge, granby_people, 2024)
    assert review.state == ReviewState.PUBLISHED
    return review


def test_published_review_refuses_save(published):
    published.summary = "Ändrad i efterhand"

    with pytest.raises(ReviewFrozenError):
        published.save()

    published.refresh_from_db()
    assert published.summary == SUMMARY


def test_published_review_refuses_a_save_dressed_as_publication(published):
    published.summary = "Ändrad i efterhand"

    with pytest.raises(ReviewFrozenError):
        published.save(update_fields=["state", "published_at"])


def test_published_review_refuses_delete(published):
    with pytest.raises(ReviewFrozenError):
        published.delete()

    assert Review.objects.filter(pk=published.pk).exists()


def test_published_review_refuses_queryset_update_and_delete(published):
    with pytest.raises(ReviewFrozenError):
        Review.objects.filter(pk=published.pk).update(summary="Ändrad")
    with pytest.raises(ReviewFrozenError):
        Review.objects.filter(pk=published.pk).update(state=ReviewState.DRAFT)
    with pytest.raises(ReviewFrozenError):
        Review.objects.all().delete()

    published.refresh_from_db()
    assert (published.summary, published.state) == (SUMMARY, ReviewState.PUBLISHED)


def test_items_of_a_published_review_refuse_save_and_delete(published):
    item = published.items.first()
    item.assessment = Assessment.NOT_DONE

    with pytest.raises(ReviewFrozenError):
        item.save()
    with pytest.raises(ReviewFrozenError):
        item.delete()
    with pytest.raises(ReviewFrozenError):
        ReviewItem(review=published, text="Ett löfte i efterhand").save()

    assert published.items.get(pk=item.pk).assessment == Assessment.DONE
    assert published.items.count() == 2


def test_items_of_a_published_review_refuse_queryset_update_and_delete(published):
    with pytest.raises(ReviewFrozenError):
        ReviewItem.objects.filter(review=published).update(assessment=Assessment.NOT_DONE)
    with pytest.raises(ReviewFrozenError):
        ReviewItem.objects.filter(review=published).delete()

    assert set(published.items.values_list("assessment", flat=True)) == {Assessment.DONE}


def test_sign_offs_refuse_save_update_and_delete(published, granby_people):
    sign_off = published.sign_offs.first()
    sign_off.name = "Någon annan"

    with pytest.raises(ReviewFrozenError):
        sign_off.save()
    with pytest.raises(ReviewFrozenError):
        sign_off.delete()
    with pytest.raises(ReviewFrozenError):
        ReviewSignOff.objects.filter(review=published).update(name="Någon annan")
    with pytest.raises(ReviewFrozenError):
        ReviewSignOff.objects.filter(review=published).delete()

    assert set(published.sign_offs.values_list("name", flat=True)) == {
        "Lena Norrström",
        "Kim Kommunsson 1",
    }


def test_a_published_review_takes_no_further_sign_off(published, granby_people):
    extra = ReviewSignOff(
        review=published,
        content_version=published.content_version + 1,
        content_sha256="b" * 64,
        police_area=published.pledge.police_area,
        user=granby_people.police,
        name="Sent påkommen",
        organisation="Polisen",
    )
    with pytest.raises(ReviewFrozenError):
        extra.save()
    assert published.sign_offs.count() == 2


def test_services_refuse_to_change_a_published_review(published, granby_people):
    with pytest.raises(ValidationError):
        fill(published, granby_people.coordinator, summary="Ändrad")
    with pytest.raises(ValidationError):
        reviews.review_return(user=granby_people.police, review=published, comment="Ångra")
    with pytest.raises(ValidationError):
        submit(published, granby_people.coordinator)

    published.refresh_from_db()
    assert (published.summary, published.state) == (SUMMARY, ReviewState.PUBLISHED)


def test_approved_review_whose_publication_failed_stays_frozen_and_staff_publish_it(
    world, granby_people, client, monkeypatch
):
    def seal_unavailable(**kwargs):
        raise ValueError("Certifikatet kunde inte läsas.")

    monkeypatch.setattr("followup.review_documents.review_issue_document", seal_unavailable)
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


def test_admin_cannot_change_or_delete_a_published_review(published, client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = f"/admin/followup/review/{published.pk}/change/"

    page = client.get(url)
    assert page.status_code == 200
    assert SUMMARY in page.content.decode()
    assert 'name="summary"' not in page.content.decode()

    response = client.post(url, {"summary": "Ändrad av personalen", "state": "draft"})
    assert response.status_code == 403
    delete = client.post(f"/admin/followup/review/{published.pk}/delete/", {"post": "yes"})
    assert delete.status_code == 403

    published.refresh_from_db()
    assert (published.summary, published.state) == (SUMMARY, ReviewState.PUBLISHED)


def test_admin_history_page_cannot_restore_an_earlier_version(world, granby_people, client):
    review = start_granby(world, granby_people)
    fill(review, granby_people.coordinator)
    started = review.history.earliest()
    assert started.summary == ""
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = f"/admin/followup/review/{review.pk}/history/{started.history_id}/"

    assert client.get(url).status_code == 200
    response = client.post(url, {})

    assert response.status_code == 403
    review.refresh_from_db()
    assert (review.summary, review.content_version) == (SUMMARY, 2)


def test_admin_history_page_cannot_restore_a_published_review(published, client):
    submitted_version = published.history.filter(state=ReviewState.SUBMITTED).earliest()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.post(
        f"/admin/followup/review/{published.pk}/history/{submitted_version.history_id}/", {}
    )

    assert response.status_code == 403
    published.refresh_from_db()
    assert published.state == ReviewState.PUBLISHED


# Revision -------------------------------------------------------------------------


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


# Agreement ------------------------------------------------------------------------


def test_agreement_followed_up_every_two_years_until_further_notice(seeded):
    asele = Agreement.objects.get(slug="asele-2019-2022")

    periods = reviews.agreement_periods(asele, today=datetime.date(2026, 11, 23))

    assert [p.label for p in periods] == ["2019–2020", "2021–2022", "2023–2024", "2025–2026"]
    assert periods[0].start == datetime.date(2019, 1, 1)
    assert periods[-1].end == datetime.date(2026, 12, 31)
    current = reviews.agreement_periods(asele)
    assert current[:2] == periods[:2]
    assert current[-1].start <= timezone.localdate() <= current[-1].end


def test_agreement_without_extension_stops_at_its_end(seeded):
    asele = Agreement.objects.get(slug="asele-2019-2022")
    asele.extends_until_further_notice = False

    periods = reviews.agreement_periods(asele, today=datetime.date(2026, 11, 23))

    assert [p.label for p in periods] == ["2019–2020", "2021–2022"]


def test_agreement_starting_on_a_leap_day_gets_its_periods(seeded):
    asele = Agreement.objects.get(slug="asele-2019-2022")
    asele.valid_from = datetime.date(2020, 2, 29)
    asele.follow_up_interval_years = 1

    periods = reviews.agreement_periods(asele, today=datetime.date(2022, 1, 1))

    assert (periods[0].start, periods[0].end) == (
        datetime.date(2020, 2, 29),
        datetime.date(2021, 2, 28),
    )
    assert periods[1].start == datetime.date(2021, 3, 1)


def test_agreement_review_has_one_item_per_duty_and_needs_a_police_area(seeded):
    asele = Agreement.objects.get(slug="asele-2019-2022")
    coordinator = member(Membership.Role.COORDINATOR, asele.municipalities.get())

    review = reviews.review_start(
        user=coordinator, document=asele, period_start=datetime.date(2021, 1, 1)
    )

    assert review.agreement == asele
    assert (review.period_start, review.period_end) == (
        datetime.date(2021, 1, 1),
        datetime.date(2022, 12, 31),
    )
    duties = list(asele.duties.all())
    assert [(i.duty, i.text) for i in review.items.all()] == [(d, d.text) for d in duties]
    fill(review, coordinator)
    with pytest.raises(ValidationError) as refused:
        submit(review, coordinator)
    assert refused.value.messages[0].startswith("Dokumentet anger inget lokalpolisområde")
