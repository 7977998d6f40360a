"""People and steps for the annual follow-up tests.

``member`` gives a fictional user a role in one organisation; ``fill``, ``submit`` and
``sign`` take a review through the services the way the pages do.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from agreements.models import Agreement, Membership, Municipality, PoliceArea
from followup.models import Assessment, Review, ReviewSignOff
from followup.reviews import services as reviews
from followup.reviews import signing
from pledges.models import Pledge
from portal.models import IssuedDocument
from tests.followup.factories import MembershipFactory, UserFactory

# UserFactory's password for every test user.
PASSWORD = "ett-langt-testlosenord"

SUMMARY = "Året gav fler trygghetsvandringar än planerat; trafikkontrollerna blev färre."

# The first year of the world fixture's Granby pledge.
JAN_2024 = datetime.date(2024, 1, 1)


def member(role: str, organisation: Municipality | PoliceArea, **user_fields):
    """A new user holding ``role`` in ``organisation`` (a municipality or a police area)."""
    user = UserFactory(**user_fields)
    where = (
        {"police_area": organisation, "municipality": None}
        if isinstance(organisation, PoliceArea)
        else {"municipality": organisation, "police_area": None}
    )
    MembershipFactory(user=user, role=role, **where)
    return user


@dataclass
class People:
    """A coordinator of the document and one signatory per party, police first."""

    coordinator: object
    police: object | None
    municipalities: dict[str, object] = field(default_factory=dict)

    @property
    def signatories(self) -> list:
        return [u for u in [self.police, *self.municipalities.values()] if u is not None]


def people_for(document: Pledge | Agreement) -> People:
    """A coordinator in the first municipality and a named signatory for every party."""
    municipalities = list(document.municipalities.order_by("name"))
    police = None
    if document.police_area_id:
        police = member(
            Membership.Role.SIGNATORY,
            document.police_area,
            first_name="Lena",
            last_name="Norrström",
        )
    signers = {
        m.name: member(
            Membership.Role.SIGNATORY,
            m,
            first_name="Kim",
            last_name=f"Kommunsson {index}",
        )
        for index, m in enumerate(municipalities, start=1)
    }
    coordinator = member(Membership.Role.COORDINATOR, municipalities[0])
    return People(coordinator=coordinator, police=police, municipalities=signers)


def start_granby(world, people) -> Review:
    return reviews.review_start(
        user=people.coordinator, document=world.pledge, period_start=JAN_2024
    )


def issued_for(review: Review) -> list[IssuedDocument]:
    return list(IssuedDocument.objects.for_object(review))


def fill(
    review: Review,
    user,
    *,
    summary: str = SUMMARY,
    assessment: str = Assessment.DONE,
    assessments: dict[int, tuple[str, str]] | None = None,
) -> Review:
    """Save the draft with a summary and the same assessment for every item."""
    review.refresh_from_db()
    if assessments is None:
        assessments = {item.pk: (assessment, "") for item in review.items.all()}
    return reviews.review_update(
        user=user,
        review=review,
        content_version=review.content_version,
        summary=summary,
        lessons="Samverkan fungerar bäst när vi planerar tillsammans.",
        next_steps="Fler kontroller under våren.",
        assessments=assessments,
    )


def submit(review: Review, user, *, confirmed_short: bool = True) -> Review:
    """Send the draft; by default the coordinators confirm "Genomfört" where the log
    shows fewer times than the target (the fixtures log little)."""
    review.refresh_from_db()
    return reviews.review_submit(
        user=user,
        review=review,
        content_version=review.content_version,
        confirmed_short=confirmed_short,
    )


def sign(review: Review, user, *, password: str = PASSWORD) -> list[ReviewSignOff]:
    review.refresh_from_db()
    return signing.review_sign(
        user=user, review=review, password=password, content_version=review.content_version
    )


def start_fill_submit(document: Pledge | Agreement, people: People, year: int) -> Review:
    review = reviews.review_start(
        user=people.coordinator, document=document, period_start=datetime.date(year, 1, 1)
    )
    fill(review, people.coordinator)
    submit(review, people.coordinator)
    review.refresh_from_db()
    return review


def publish_through_sign_off(document: Pledge | Agreement, people: People, year: int) -> Review:
    """A review started, filled, submitted and signed by every party: published."""
    review = start_fill_submit(document, people, year)
    for signatory in people.signatories:
        sign(review, signatory)
    review.refresh_from_db()
    return review
