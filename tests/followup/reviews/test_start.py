"""Starting an annual review: who may start one, for which period, and how it is prefilled."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from agreements.models import Membership
from followup.models import Review, ReviewEvent, ReviewItem, ReviewState
from followup.reviews import services as reviews
from pledges.models import Commitment, Pledge
from portal.choices import PublicationStatus
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.factories import CommitmentFactory, FocusAreaFactory, PledgeFactory
from tests.followup.factories import ActivityFactory
from tests.followup.review_fixtures import JAN_2024, member, start_granby

pytestmark = pytest.mark.django_db


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


@pytest.mark.parametrize("world_pledge", [{"status": PublicationStatus.DRAFT}], ids=["draft"])
def test_unpublished_pledge_cannot_be_followed_up(world, granby_people):
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


def test_start_prefills_the_items_in_the_written_order_of_the_commitments(world, granby_people):
    # A municipal commitment between two police ones keeps its place.
    for order, responsible in enumerate(["police", "municipality", "police"], start=10):
        CommitmentFactory(
            pledge=world.pledge,
            focus_area=world.focus_area,
            text=f"Löfte {order}",
            responsible=responsible,
            kind=Commitment.Kind.ONGOING,
            yearly_target=None,
            order=order,
        )

    review = start_granby(world, granby_people)

    items = [(i.text, i.group) for i in review.items.all() if i.text.startswith("Löfte")]
    assert items == [
        ("Löfte 10", "Trafik – Polisen"),
        ("Löfte 11", "Trafik – Kommunen"),
        ("Löfte 12", "Trafik – Polisen"),
    ]
