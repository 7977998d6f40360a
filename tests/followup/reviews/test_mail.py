"""Who is told what, by e-mail, on a follow-up's way to publication: the signatories
when it waits for them, the coordinators when it is sent back and when it is published."""

from __future__ import annotations

import pytest
from django.core import mail

from agreements.models import Membership
from followup.models import ReviewState
from followup.reviews import signing
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.followup.review_fixtures import fill, member, sign, start_granby, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(world, granby_people):
    """The Granby people with e-mail addresses and a named coordinator."""
    granby_people.coordinator.first_name = "Sam"
    granby_people.coordinator.last_name = "Samordnare"
    for user in [granby_people.coordinator, *granby_people.signatories]:
        user.email = f"{user.username}@example.se"
        user.save()
    return granby_people


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_submitting_a_follow_up_mails_the_signatories_of_every_party(
    world, people, django_capture_on_commit_callbacks
):
    review = start_granby(world, people)
    fill(review, people.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        submit(review, people.coordinator)

    assert recipients() == sorted(user.email for user in people.signatories)
    message = mail.outbox[0]
    assert "uppföljningen 2024" in message.subject
    assert "Sam Samordnare har skickat" in message.body
    assert f"/samordnare/uppfoljning/{review.pk}/" in message.body
    assert people.coordinator.username not in message.body


def test_a_return_mails_the_coordinators_with_the_comment(
    world, people, django_capture_on_commit_callbacks
):
    review = start_granby(world, people)
    fill(review, people.coordinator)
    submit(review, people.coordinator)
    review.refresh_from_db()
    police = people.police
    with django_capture_on_commit_callbacks(execute=True):
        signing.review_return(user=police, review=review, comment="Trafiken saknar siffror.")

    assert recipients() == [people.coordinator.email]
    assert "Lena Norrström har skickat tillbaka" in mail.outbox[0].body
    assert "Trafiken saknar siffror." in mail.outbox[0].body


def test_publication_mails_the_coordinators_once_each(
    world,
    people,
    document_settings,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    # A second coordinator, also coordinator for the police area: told once.
    other = member(
        Membership.Role.COORDINATOR,
        world.pledge.police_area,
        first_name="Ali",
        last_name="Andersson",
        email="ali@example.se",
    )
    Membership.objects.create(
        user=other, role=Membership.Role.COORDINATOR, municipality=world.pledge.municipalities.get()
    )
    review = start_granby(world, people)
    fill(review, people.coordinator)
    submit(review, people.coordinator)
    sign(review, people.signatories[0])
    with django_capture_on_commit_callbacks(execute=True):
        sign(review, people.signatories[1])

    review.refresh_from_db()
    assert review.state == ReviewState.PUBLISHED
    assert recipients() == sorted([people.coordinator.email, other.email])
    assert review.get_absolute_url() in mail.outbox[0].body
