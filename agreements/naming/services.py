"""Naming the police area that answers for a municipality: propose, accept, decline, withdraw.

Either side proposes: an editor or administrator of the police area, or an administrator
of the municipality. Only the other side accepts or declines; only the proposing side
withdraws. Accepting sets ``Municipality.police_area`` and ends the earlier naming. Every
write checks the user's role on the server, runs in a transaction with the municipality
locked, and leaves history with the user.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Membership, Municipality, Party, PoliceArea, PoliceAreaNaming
from agreements.naming.signals import police_area_accepted, police_area_proposed
from agreements.permissions import roles_of

Role = Membership.Role
Status = PoliceAreaNaming.Status

# Who may act for each side.
POLICE_ROLES = (Role.EDITOR, Role.ADMINISTRATOR)
MUNICIPALITY_ROLES = (Role.ADMINISTRATOR,)


def can_act_for(user: AbstractBaseUser, party: Party) -> bool:
    """Whether ``user`` may propose or answer namings for ``party``."""
    held = roles_of(user)
    roles = POLICE_ROLES if party.is_police else MUNICIPALITY_ROLES
    return any(held.holds(role, party) for role in roles)


def can_answer(user: AbstractBaseUser, naming: PoliceAreaNaming) -> bool:
    """The side that did not propose accepts or declines."""
    return naming.is_open and can_act_for(user, _other_side(naming))


def can_withdraw(user: AbstractBaseUser, naming: PoliceAreaNaming) -> bool:
    return naming.is_open and can_act_for(user, _proposing_side(naming))


def _proposing_side(naming: PoliceAreaNaming) -> Party:
    if naming.proposed_by_police:
        return Party(police_area=naming.police_area)
    return Party(municipality=naming.municipality)


def _other_side(naming: PoliceAreaNaming) -> Party:
    if naming.proposed_by_police:
        return Party(municipality=naming.municipality)
    return Party(police_area=naming.police_area)


def _lock(municipality: Municipality) -> Municipality:
    return Municipality.objects.select_for_update(of=("self",)).get(pk=municipality.pk)


@transaction.atomic
def naming_propose(
    *,
    user: AbstractBaseUser,
    municipality: Municipality,
    police_area: PoliceArea,
    by_police: bool,
    is_example: bool = False,
) -> PoliceAreaNaming:
    """Propose that ``police_area`` answers for ``municipality``, for the police side
    (``by_police``) or the municipality's."""
    side = Party(police_area=police_area) if by_police else Party(municipality=municipality)
    if not can_act_for(user, side):
        raise PermissionDenied
    municipality = _lock(municipality)
    if municipality.police_area_id == police_area.pk:
        raise ValidationError(
            _("%(area)s svarar redan för %(municipality)s.")
            % {"area": Party(police_area=police_area).name, "municipality": municipality.name}
        )
    if PoliceAreaNaming.objects.filter(municipality=municipality, status=Status.PROPOSED).exists():
        raise ValidationError(
            _(
                "Det finns redan ett förslag för %(municipality)s som väntar på svar. Det "
                "behöver besvaras eller återtas innan ett nytt kan lämnas."
            )
            % {"municipality": municipality.name}
        )
    naming = PoliceAreaNaming(
        municipality=municipality,
        police_area=police_area,
        proposed_by_police=by_police,
        proposed_by=user,
        is_example=is_example,
    )
    naming._history_user = user
    naming.save()
    police_area_proposed.send(sender=PoliceAreaNaming, naming=naming, user=user)
    return naming


def _lock_open(naming: PoliceAreaNaming) -> PoliceAreaNaming:
    _lock(naming.municipality)
    naming = PoliceAreaNaming.objects.select_related("municipality", "police_area").get(
        pk=naming.pk
    )
    if not naming.is_open:
        raise ValidationError(_("Förslaget har redan besvarats eller återtagits."))
    return naming


def _decide(naming: PoliceAreaNaming, user: AbstractBaseUser, status: str) -> None:
    naming.status = status
    naming.decided_by = user
    naming.decided_at = timezone.now()
    naming._history_user = user
    naming.save(update_fields=["status", "decided_by", "decided_at"])


@transaction.atomic
def naming_accept(*, user: AbstractBaseUser, naming: PoliceAreaNaming) -> PoliceAreaNaming:
    """Accept a proposal of the other side: the police area now answers for the
    municipality, and the naming it replaces ends."""
    if not can_act_for(user, _other_side(naming)):
        raise PermissionDenied
    naming = _lock_open(naming)
    now = timezone.now()
    for earlier in PoliceAreaNaming.objects.filter(
        municipality=naming.municipality, status=Status.ACCEPTED
    ):
        earlier.status = Status.ENDED
        earlier.ended_at = now
        earlier._history_user = user
        earlier.save(update_fields=["status", "ended_at"])
    _decide(naming, user, Status.ACCEPTED)
    municipality = naming.municipality
    municipality.police_area = naming.police_area
    municipality._history_user = user
    municipality.save(update_fields=["police_area"])
    police_area_accepted.send(sender=PoliceAreaNaming, naming=naming, user=user)
    return naming


@transaction.atomic
def naming_decline(*, user: AbstractBaseUser, naming: PoliceAreaNaming) -> PoliceAreaNaming:
    if not can_act_for(user, _other_side(naming)):
        raise PermissionDenied
    naming = _lock_open(naming)
    _decide(naming, user, Status.DECLINED)
    return naming


@transaction.atomic
def naming_withdraw(*, user: AbstractBaseUser, naming: PoliceAreaNaming) -> PoliceAreaNaming:
    if not can_act_for(user, _proposing_side(naming)):
        raise PermissionDenied
    naming = _lock_open(naming)
    _decide(naming, user, Status.WITHDRAWN)
    return naming
