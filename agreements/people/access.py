"""The organisation an administrator's people pages are about, or 404/403."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from agreements.models import Invitation, Municipality, Party, PoliceArea
from agreements.people.selectors import party_filter
from agreements.people.services import can_administer

KINDS = {"kommun": Municipality, "lokalpolisomrade": PoliceArea}


def party_kind(party: Party) -> str:
    return "lokalpolisomrade" if party.is_police else "kommun"


def organisation_at(kind: str, slug: str) -> Party:
    """The organisation an address names (``kommun``/``lokalpolisomrade`` and a slug), or 404."""
    model = KINDS.get(kind)
    if model is None:
        raise Http404
    organisation = get_object_or_404(model, slug=slug)
    if model is PoliceArea:
        return Party(police_area=organisation)
    return Party(municipality=organisation)


def get_party_for_administrator(user: AbstractBaseUser, kind: str, slug: str) -> Party:
    """The organisation at ``kind``/``slug``: 404 when there is none, 403 unless ``user``
    administers it."""
    party = organisation_at(kind, slug)
    if not can_administer(user, party):
        raise PermissionDenied
    return party


def get_invitation_for_administrator(
    user: AbstractBaseUser, kind: str, slug: str, pk: int
) -> tuple[Party, Invitation]:
    """One of the organisation's invitations (404 for another organisation's)."""
    party = get_party_for_administrator(user, kind, slug)
    invitation = get_object_or_404(Invitation, pk=pk, **party_filter(party))
    return party, invitation
