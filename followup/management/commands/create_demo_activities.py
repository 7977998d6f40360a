"""Example activities for the demo, marked as example data wherever they are shown."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from followup.activities import services
from followup.models import Activity
from pledges.models import Commitment, Pledge

# (start of the commitment's text, kind, day, text, count). Invented, and shown as such.
EXAMPLES = [
    (
        "Vid minst sex tillfällen",
        "done",
        (2024, 2, 9),
        "Exempel: kontroll av mopeder vid skolan",
        1,
    ),
    (
        "Vid minst sex tillfällen",
        "done",
        (2024, 4, 19),
        "Exempel: insats mot langning vid idrottsplatsen",
        2,
    ),
    (
        "Vid minst sex tillfällen",
        "done",
        (2024, 9, 6),
        "Exempel: kvällsinsats under skolstarten",
        1,
    ),
    (
        "Om det uppkommer önskemål om trygghetsvandringar",
        "request_received",
        (2024, 5, 3),
        "Exempel: önskemål om trygghetsvandring i centrum",
        1,
    ),
    (
        "Om det uppkommer önskemål om trygghetsvandringar",
        "request_answered",
        (2024, 5, 28),
        "Exempel: trygghetsvandring i centrum med boende",
        1,
    ),
]


class Command(BaseCommand):
    help = (
        "Log a few example activities (marked as example data) on Malå's 2024 pledge, as the "
        "demo coordinator samordnare-mala. Demo mode only; does nothing if examples exist."
    )

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError("Example activities are only created in demo mode (PORTAL_DEMO).")
        pledge = Pledge.objects.filter(slug="mala-2024").first()
        user = get_user_model().objects.filter(username="samordnare-mala").first()
        if pledge is None or user is None:
            raise CommandError("Run load_seed_documents and create_demo_accounts first.")
        if Activity.objects.filter(commitment__pledge=pledge, is_example=True).exists():
            self.stdout.write("Example activities already exist.")
            return
        created = 0
        for start, kind, day, text, count in EXAMPLES:
            commitment = Commitment.objects.select_related("pledge").get(
                pledge=pledge, text__startswith=start
            )
            services.activity_log(
                user=user,
                commitment=commitment,
                date=datetime.date(*day),
                text=text,
                count=count,
                kind=kind,
                is_example=True,
            )
            created += 1
        self.stdout.write(f"Example activities (marked Exempeldata) logged: {created}.")
