"""Comparing moments known as dates or as datetimes."""

from __future__ import annotations

import datetime

from django.utils import timezone


def latest_moment(*moments: datetime.datetime | datetime.date | None) -> datetime.datetime | None:
    """The latest of ``moments`` as an aware datetime (a date counts from its midnight,
    local time); None when none is known."""
    known = []
    for moment in moments:
        if moment is None:
            continue
        if not isinstance(moment, datetime.datetime):
            moment = timezone.make_aware(datetime.datetime.combine(moment, datetime.time()))
        known.append(moment)
    return max(known, default=None)
