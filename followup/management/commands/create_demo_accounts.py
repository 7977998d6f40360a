"""Demo accounts: one per role for each seed municipality and police area (demo mode only)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from agreements.models import Membership, Municipality, PoliceArea

ROLE_PREFIX = {
    Membership.Role.COORDINATOR: "samordnare",
    Membership.Role.SIGNATORY: "undertecknare",
    Membership.Role.EDITOR: "redaktor",
    Membership.Role.ADMINISTRATOR: "administrator",
}


def demo_username(role: str, organisation: Municipality | PoliceArea) -> str:
    """ "samordnare-mala" for a municipality, "samordnare-polisen-skelleftea" for a police area."""
    prefix = ROLE_PREFIX[role]
    if isinstance(organisation, PoliceArea):
        return f"{prefix}-polisen-{organisation.slug}"
    return f"{prefix}-{organisation.slug}"


def demo_account(role: str, organisation: Municipality | PoliceArea):
    """The demo account with ``role`` in ``organisation``, made if missing (no password: the
    command below sets a new one on every run)."""
    username = demo_username(role, organisation)
    user, _ = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": str(Membership.Role(role).label),
            "last_name": str(organisation),
            # An address at example.org (reserved for examples): the portal's messages
            # to demo accounts print in `make run`'s terminal (console mail backend).
            "email": f"{username}@example.org",
        },
    )
    lookup = (
        {"police_area": organisation}
        if isinstance(organisation, PoliceArea)
        else {"municipality": organisation}
    )
    Membership.objects.get_or_create(user=user, role=role, **lookup)
    return user


class Command(BaseCommand):
    help = (
        "Create one demo account per role (samordnare, undertecknare, redaktor, "
        "administrator) for every municipality and police area, with a new random password "
        "each run, and print the credentials. Refuses unless PORTAL_DEMO "
        "(settings.DEMO_MODE) is on."
    )

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError(
                "Demo accounts are only created in demo mode (PORTAL_DEMO=true); never in "
                "production."
            )
        with transaction.atomic():
            rows = self.create_accounts()
        self.stdout.write("Demo accounts (example data; passwords change on every run):")
        width = max(len(username) for username, _, _ in rows) if rows else 0
        for username, password, label in rows:
            self.stdout.write(f"  {username:<{width}}  {password}  {label}")

    def create_accounts(self) -> list[tuple[str, str, str]]:
        organisations = [
            *Municipality.objects.order_by("name"),
            *PoliceArea.objects.order_by("name"),
        ]
        rows = []
        for organisation in organisations:
            for role in ROLE_PREFIX:
                user = demo_account(role, organisation)
                password = secrets.token_urlsafe(9)
                user.set_password(password)
                user.email = user.email or f"{user.username}@example.org"
                user.save()
                label = f"{Membership.Role(role).label}, {organisation}"
                rows.append((user.username, password, label))
        return rows
