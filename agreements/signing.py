"""Signing, the one mechanism that pledges, agreements and annual reviews share.

A signatory confirms their own password at the moment of signing (step-up), then signs
once for each of the document's parties they may sign for and that has not yet signed
this content version. Each signature records who, when, for which party, and the content
version and fingerprint they saw; the database lets each party sign each version once,
however many click at the same moment.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.models import Membership, Party, SignOff
from agreements.permissions import User, parties_with_role
from portal.people import full_name, has_full_name, profile_title

WRONG_PASSWORD = gettext_lazy(
    "Lösenordet stämmer inte. Skriv ditt eget lösenord för att skriva under."
)
NAME_REQUIRED = gettext_lazy(
    "Ange ditt namn och din titel innan du skriver under: en underskrift visar "
    "undertecknarens för- och efternamn."
)


def check_signing_password(user: User, password: str) -> None:
    """The step-up confirmation: the signatory types their own password now."""
    if not user.check_password(password or ""):
        raise ValidationError({"password": WRONG_PASSWORD})


def signer_name(user: User) -> str:
    """The name a signature or event records: the person's full name, never their login
    name ("" for an account without one, which may not sign)."""
    return full_name(user)


def require_full_name(user: User) -> None:
    """A signature names a person: an account without a full name may not sign."""
    if not has_full_name(user):
        raise ValidationError(NAME_REQUIRED, code="name_required")


def missing_parties(parties: Iterable[Party], sign_offs: Iterable[SignOff]) -> list[Party]:
    """The parties in ``parties`` with no signature among ``sign_offs``."""
    signed = {s.party_key for s in sign_offs}
    return [p for p in parties if p.key not in signed]


def sign_for_parties(
    *,
    user: User,
    parties: Iterable[Party],
    current_sign_offs: Iterable[SignOff],
    make: Callable[[Party], SignOff],
    on_signed: Callable[[SignOff, Party], None] | None = None,
) -> list[SignOff]:
    """Sign for each of ``parties`` that ``user`` may sign for and that has not signed.

    ``make`` builds the unsaved sign-off for one party (its document, content version,
    fingerprint); ``on_signed`` records the step (an event). Raises a ValidationError
    when the account has no full name or the user's parties have all signed already. A
    signature without a title of its own takes the title from the person's profile.
    """
    require_full_name(user)
    to_sign = parties_with_role(
        user, missing_parties(parties, current_sign_offs), Membership.Role.SIGNATORY
    )
    if not to_sign:
        raise ValidationError(_("Din part har redan skrivit under den här versionen."))
    created = []
    default_title = None
    for party in to_sign:
        sign_off = make(party)
        if not sign_off.title:
            if default_title is None:
                default_title = profile_title(user)
            sign_off.title = default_title
        sign_off.user = user
        sign_off.name = signer_name(user)
        sign_off.organisation = party.name
        sign_off.municipality = party.municipality
        sign_off.police_area = party.police_area
        try:
            with transaction.atomic():
                sign_off.save()
        except IntegrityError:
            # Someone for the same party signed at the same moment: it counts once.
            continue
        created.append(sign_off)
        if on_signed is not None:
            on_signed(sign_off, party)
    return created
