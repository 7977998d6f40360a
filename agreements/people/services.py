"""Writes on an organisation's people: invitations, roles, removal.

Every service checks that the acting user administers the organisation (staff may invite
an organisation's first administrator), runs in a transaction and leaves history.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.models import Invitation, Membership, Party
from agreements.models.invitations import INVITATION_VALID_FOR, new_token
from agreements.people.selectors import administrator_count, party_filter
from agreements.people.signals import invitation_accepted
from agreements.permissions import forget_roles, roles_of
from portal.people import profile_update

Role = Membership.Role

LAST_ADMINISTRATOR = _(
    "Du är organisationens enda administratör och kan inte ta bort dig själv eller din "
    "administratörsroll. Ge först någon annan rollen administratör."
)
NOT_PENDING = _("Inbjudan gäller inte längre.")


def can_administer(user: AbstractBaseUser, party: Party) -> bool:
    """Administrators of ``party`` run its people."""
    return roles_of(user).holds(Role.ADMINISTRATOR, party)


def _require_administrator(user: AbstractBaseUser, party: Party, *, staff_ok=False) -> None:
    if staff_ok and user.is_active and user.is_staff:
        return
    if not can_administer(user, party):
        raise PermissionDenied


def _history_user(row, user: AbstractBaseUser | None) -> None:
    row._history_user = user


@transaction.atomic
def invitation_create(
    *, invited_by: AbstractBaseUser, party: Party, email: str, roles: Iterable[str]
) -> tuple[Invitation, str]:
    """Invite ``email`` to ``party`` with ``roles``; the invitation and its secret token."""
    _require_administrator(invited_by, party, staff_ok=True)
    token, digest = new_token()
    now = timezone.now()
    invitation = Invitation(
        **party_filter(party),
        email=email,
        roles=list(dict.fromkeys(roles)),
        invited_by=invited_by,
        created_at=now,
        expires_at=now + INVITATION_VALID_FOR,
        token_hash=digest,
    )
    invitation.full_clean()
    _history_user(invitation, invited_by)
    invitation.save()
    return invitation, token


@transaction.atomic
def invitation_renew(*, invitation: Invitation, renewed_by: AbstractBaseUser) -> str:
    """A new link for a pending or expired invitation, valid for seven days from now; the
    old link stops working. Returns the new token."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _require_administrator(renewed_by, invitation.party)
    if invitation.accepted_at or invitation.withdrawn_at:
        raise ValidationError(NOT_PENDING)
    token, invitation.token_hash = new_token()
    invitation.expires_at = timezone.now() + INVITATION_VALID_FOR
    _history_user(invitation, renewed_by)
    invitation.save()
    return token


@transaction.atomic
def invitation_withdraw(*, invitation: Invitation, withdrawn_by: AbstractBaseUser) -> None:
    """Withdraw an invitation that has not been accepted: its link stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _require_administrator(withdrawn_by, invitation.party)
    if invitation.accepted_at or invitation.withdrawn_at:
        raise ValidationError(NOT_PENDING)
    invitation.withdrawn_at = timezone.now()
    _history_user(invitation, withdrawn_by)
    invitation.save()


def invitation_mark_sent(*, invitation: Invitation) -> None:
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())


def _mark_accepted(invitation: Invitation, user: AbstractBaseUser) -> None:
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    _history_user(invitation, user)
    invitation.save()
    invitation_accepted.send(sender=Invitation, invitation=invitation, user=user)


def _grant(invitation: Invitation, user: AbstractBaseUser) -> None:
    for role in invitation.roles:
        membership, created = Membership.objects.get_or_create(
            user=user, role=role, **party_filter(invitation.party)
        )
    forget_roles(user)


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: AbstractBaseUser) -> Invitation:
    """An existing account, logged in with the invited address, accepts the invitation."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise ValidationError(NOT_PENDING)
    if (user.email or "").strip().lower() != invitation.email.lower():
        raise PermissionDenied
    _grant(invitation, user)
    _mark_accepted(invitation, user)
    return invitation


def _free_username(email: str) -> str:
    User = get_user_model()
    base = email[:150]
    username, number = base, 1
    while User.objects.filter(username__iexact=username).exists():
        number += 1
        username = f"{base[: 150 - len(str(number)) - 1]}-{number}"
    return username


@transaction.atomic
def invitation_accept_new_account(
    *, invitation: Invitation, first_name: str, last_name: str, title: str, password: str
) -> AbstractBaseUser:
    """The invited person, without an account, makes one: name, title, password (already
    checked by Django's password validators in the form) and the invitation's roles."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise ValidationError(NOT_PENDING)
    User = get_user_model()
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("Det finns redan ett konto med den e-postadressen. Logga in."))
    user = User(username=_free_username(invitation.email), email=invitation.email)
    user.set_password(password)
    user.save()
    profile_update(user=user, first_name=first_name, last_name=last_name, title=title)
    _grant(invitation, user)
    _mark_accepted(invitation, user)
    return user


@transaction.atomic
def membership_roles_set(
    *, party: Party, person: AbstractBaseUser, roles: Iterable[str], changed_by: AbstractBaseUser
) -> None:
    """Give ``person`` exactly ``roles`` in ``party`` (at least one; removal is its own
    service). The last administrator keeps that role."""
    _require_administrator(changed_by, party)
    roles = set(roles)
    if not roles or roles - set(Role.values):
        raise ValidationError({"roles": _("Välj minst en roll.")})
    here = Membership.objects.select_for_update().filter(user=person, **party_filter(party))
    held = {m.role: m for m in here}
    if not held:
        raise PermissionDenied
    if Role.ADMINISTRATOR in held and Role.ADMINISTRATOR not in roles:
        _refuse_last_administrator(party)
    for role, membership in held.items():
        if role not in roles:
            _history_user(membership, changed_by)
            membership.delete()
    for role in roles - set(held):
        membership = Membership(user=person, role=role, **party_filter(party))
        membership.full_clean()
        _history_user(membership, changed_by)
        membership.save()
    forget_roles(person)
    forget_roles(changed_by)


@transaction.atomic
def member_remove(*, party: Party, person: AbstractBaseUser, removed_by: AbstractBaseUser) -> None:
    """Remove ``person`` from ``party``: their memberships there go; their account, their
    history and their signatures stay, with their name."""
    _require_administrator(removed_by, party)
    here = list(Membership.objects.select_for_update().filter(user=person, **party_filter(party)))
    if not here:
        raise PermissionDenied
    if any(m.role == Role.ADMINISTRATOR for m in here):
        _refuse_last_administrator(party)
    for membership in here:
        _history_user(membership, removed_by)
        membership.delete()
    forget_roles(person)
    forget_roles(removed_by)


def _refuse_last_administrator(party: Party) -> None:
    # The rows are locked by the caller's select_for_update on this person only; lock
    # every administrator row of the party so that two removals cannot both pass.
    list(
        Membership.objects.select_for_update().filter(
            **party_filter(party), role=Role.ADMINISTRATOR
        )
    )
    if administrator_count(party=party) <= 1:
        raise ValidationError(LAST_ADMINISTRATOR)
