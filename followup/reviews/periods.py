"""The periods a document is followed up for: calendar years of a pledge, or an
agreement's follow-up interval."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from agreements.models import Agreement
from followup.reviews.models import Review
from pledges.models import Pledge


@dataclass(frozen=True)
class ReviewPeriod:
    """One period of follow-up: a calendar year of a pledge, or an agreement's interval."""

    start: datetime.date
    end: datetime.date

    @property
    def label(self) -> str:
        return Review(period_start=self.start, period_end=self.end).period_label


def pledge_periods(pledge: Pledge) -> list[ReviewPeriod]:
    """One period per calendar year of the pledge, cut to the pledge's own dates."""
    return [
        ReviewPeriod(
            max(pledge.period_start, datetime.date(year, 1, 1)),
            min(pledge.period_end, datetime.date(year, 12, 31)),
        )
        for year in pledge.years
    ]


def _years_later(day: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` later; 29 February becomes 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return datetime.date(day.year + years, 3, 1)


def agreement_periods(
    agreement: Agreement, today: datetime.date | None = None
) -> list[ReviewPeriod]:
    """Periods of ``follow_up_interval_years`` from the agreement's start.

    An agreement that runs on until further notice gets further periods up to today.
    """
    today = today or timezone.localdate()
    interval = agreement.follow_up_interval_years or 1
    last_day = agreement.valid_until or today
    if agreement.extends_until_further_notice or agreement.valid_until is None:
        last_day = max(last_day, today)
    periods = []
    start = agreement.valid_from
    while start <= last_day and len(periods) < 50:
        end = _years_later(start, interval) - datetime.timedelta(days=1)
        if agreement.valid_until and not agreement.extends_until_further_notice:
            end = min(end, agreement.valid_until)
        periods.append(ReviewPeriod(start, end))
        start = end + datetime.timedelta(days=1)
    return periods


def document_periods(document: Pledge | Agreement) -> list[ReviewPeriod]:
    """Every follow-up period of a pledge or agreement, oldest first."""
    if isinstance(document, Pledge):
        return pledge_periods(document)
    return agreement_periods(document)


def period_starting(document: Pledge | Agreement, start: datetime.date) -> ReviewPeriod | None:
    """The document's period that begins on ``start``, if there is one."""
    return next((p for p in document_periods(document) if p.start == start), None)
