"""Demo only: the police areas of Nordmaling and Åsele, named through the portal's own
services, marked as example data.

The texts of Nordmaling's and Åsele's pledges name no police area, and the seed data
stays true to them. So that their follow-ups can be signed in the demo, this command
adds the local police areas that answer for them (Umeå and Lycksele, in police region
Nord), and names them the way people do in the portal: the police area's editor
proposes, the municipality's administrator accepts. The pages then say that the police
area was named in the portal, and mark it as example data. Idempotent: a municipality
that already has a police area is left alone.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from agreements.models import Membership, Municipality, PoliceArea, PoliceRegion
from agreements.naming.services import naming_accept, naming_propose
from followup.management.commands.create_demo_accounts import demo_account

# municipality slug: (police area slug, name)
DEMO_POLICE_AREAS = {
    "nordmaling": ("umea", "Umeå"),
    "asele": ("lycksele", "Lycksele"),
}


class Command(BaseCommand):
    help = (
        "Demo only (PORTAL_DEMO=true): name the police areas of Nordmaling and Åsele through "
        "the portal's naming services, marked as example data."
    )

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError("Only in demo mode (PORTAL_DEMO=true); never in production.")
        named = []
        with transaction.atomic():
            for slug, (area_slug, area_name) in DEMO_POLICE_AREAS.items():
                municipality = Municipality.objects.filter(slug=slug).first()
                if municipality is None or municipality.police_area_id:
                    continue
                area, _ = PoliceArea.objects.get_or_create(
                    slug=area_slug, defaults={"name": area_name, "region": PoliceRegion.NORD}
                )
                naming = naming_propose(
                    user=demo_account(Membership.Role.EDITOR, area),
                    municipality=municipality,
                    police_area=area,
                    by_police=True,
                    is_example=True,
                )
                naming_accept(
                    user=demo_account(Membership.Role.ADMINISTRATOR, municipality), naming=naming
                )
                named.append(f"{area_name} for {municipality.name}")
        if named:
            self.stdout.write(
                "Police areas named in the portal (example data): " + ", ".join(named) + "."
            )
