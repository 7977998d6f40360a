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

WRONG_PASSWORD = gettext_lazy(
    "Lösenordet stämmer inte. Skriv ditt eget lösenord för att skriva under."
)


def check_signing_password(user: User, password: str) -> None:
    """The step-up confirmation: the signatory types their own password now."""
    if not user.check_password(password or ""):
        raise ValidationError({"password": WRONG_PASSWORD})


def signer_name(user: User) -> str:
    """The name a signature records: the person's full name (their login name only where
    an account has none yet; issue 11 makes a full name required)."""
    return user.get_full_name() or user.get_username()


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
    when the user's parties have all signed already.
    """
    to_sign = parties_with_role(
        user, missing_parties(parties, current_sign_offs), Membership.Role.SIGNATORY
    )
    if not to_sign:
        raise ValidationError(_("Din part har redan skrivit under den här versionen."))
    created = []
    for party in to_sign:
        sign_off = make(party)
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
