"""Agreements are followed up per period of one or more years, one review item per duty."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from agreements.models import Agreement, Membership
from followup.reviews import services as reviews
from followup.reviews.periods import agreement_periods
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.followup.review_fixtures import fill, member, submit

pytestmark = pytest.mark.django_db


def test_agreement_followed_up_every_two_years_until_further_notice(seeded):
    asele = Agreement.objects.get(slug="asele-2019-2022")

    periods = agreement_periods(asele, today=datetime.date(2026, 11, 23))

    assert [p.label for p in periods] == ["2019–2020", "2021–2022", "2023–2024", "2025–2026"]
    assert periods[0].start == datetime.date(2019, 1, 1)
    assert periods[-1].end == datetime.date(2026, 12, 31)
    current = agreement_periods(asele)
    assert current[:2] == periods[:2]
    assert current[-1].start <= timezone.localdate() <= current[-1].end


def test_agreement_without_extension_stops_at_its_end(seeded):
    asele = Agreement.objects.get(slug="asele-2019-2022")
    asele.extends_until_further_notice = False

    periods = agreement_periods(asele, today=datetime.date(2026, 11, 23))

    assert [p.label for p in periods] == ["2019–2020", "2021–2022"]


def test_agreement_starting_on_a_leap_day_gets_its_periods(seeded):
    asele = Agreement.objects.get(slug="asele-2019-2022")
    asele.valid_from = datetime.date(2020, 2, 29)
    asele.follow_up_interval_years = 1

    periods = agreement_periods(asele, today=datetime.date(2022, 1, 1))

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
