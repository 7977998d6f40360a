"""Reads for an organisation's people page: its people with their roles, its invitations."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone

from agreements.models import Invitation, Membership, Municipality, Party, PoliceArea
from agreements.permissions import roles_of


def party_filter(party: Party) -> dict:
    """The lookup for rows (memberships, invitations) that belong to ``party``."""
    if party.is_police:
        return {"police_area": party.police_area}
    return {"municipality": party.municipality}


@dataclass
class Person:
    """A person of an organisation and their roles there."""

    user: AbstractBaseUser
    title: str = ""
    roles: list[str] = field(default_factory=list)

    @property
    def role_labels(self) -> list[str]:
        return [str(Membership.Role(role).label) for role in self.roles]


def organisation_people(*, party: Party) -> list[Person]:
    """The organisation's people, by name, with their roles there (two queries)."""
    memberships = Membership.objects.filter(**party_filter(party)).order_by("role")
    users = (
        get_user_model()
        .objects.filter(memberships__in=memberships)
        .distinct()
        .select_related("profile")
        .prefetch_related(Prefetch("memberships", queryset=memberships, to_attr="here"))
        .order_by("last_name", "first_name", "username")
    )
    order = {role: index for index, role in enumerate(Membership.Role.values)}
    return [
        Person(
            user=user,
            title=getattr(getattr(user, "profile", None), "title", ""),
            roles=sorted((m.role for m in user.here), key=order.__getitem__),
        )
        for user in users
    ]


def pending_invitations(*, party: Party) -> QuerySet[Invitation]:
    """The organisation's invitations still waiting for an answer, newest first."""
    return Invitation.objects.filter(
        **party_filter(party),
        accepted_at__isnull=True,
        withdrawn_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("invited_by")


def administrator_count(*, party: Party) -> int:
    return Membership.objects.filter(
        **party_filter(party), role=Membership.Role.ADMINISTRATOR
    ).count()


@dataclass(frozen=True)
class AdministeredOrganisation:
    name: str
    people_url: str


def administered_organisations(user: AbstractBaseUser) -> list[AdministeredOrganisation]:
    """The organisations ``user`` administers, with their people page (at most two
    queries, none without an administrator role)."""
    held = roles_of(user)
    role = Membership.Role.ADMINISTRATOR
    found = []
    for kind, model, ids in (
        ("lokalpolisomrade", PoliceArea, held.police_area_ids(role)),
        ("kommun", Municipality, held.municipality_ids(role)),
    ):
        for organisation in model.objects.filter(pk__in=ids) if ids else []:
            party = (
                Party(police_area=organisation)
                if model is PoliceArea
                else Party(municipality=organisation)
            )
            url = reverse("agreements:people", kwargs={"kind": kind, "slug": organisation.slug})
            found.append(AdministeredOrganisation(name=party.name, people_url=url))
    return found
