"""An address not confirmed within 7 days is deleted by `manage.py purge_followers`; a
confirmed one stays until it unsubscribes."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from following.models import Follower
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def entered(email: str, ago: datetime.timedelta, *, confirmed: bool = False) -> Follower:
    moment = timezone.now() - ago
    return Follower.objects.create(
        email=email,
        municipality=MunicipalityFactory(),
        created_at=moment,
        confirmed_at=moment if confirmed else None,
    )


def test_unconfirmed_addresses_are_purged_after_seven_days_but_not_before():
    entered("gammal@example.se", datetime.timedelta(days=7, minutes=1))
    entered("ny@example.se", datetime.timedelta(days=6, hours=23))
    entered("bekraftad@example.se", datetime.timedelta(days=400), confirmed=True)

    out = StringIO()
    call_command("purge_followers", stdout=out)

    assert out.getvalue() == "1 unconfirmed address(es) deleted.\n"
    assert sorted(Follower.objects.values_list("email", flat=True)) == [
        "bekraftad@example.se",
        "ny@example.se",
    ]
    # Run again: nothing more to delete.
    out = StringIO()
    call_command("purge_followers", stdout=out)
    assert out.getvalue() == "0 unconfirmed address(es) deleted.\n"
