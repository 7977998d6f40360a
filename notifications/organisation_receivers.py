"""Who is told what about an organisation's people and its police area.

- an invitation accepted: the organisation's administrators (but the person who joined);
- a police area proposed for a municipality: the side that answers it (the municipality's
  administrators, or the police area's editors and administrators);
- a proposal accepted: the side that proposed it.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from agreements.models import Membership, Party
from agreements.naming.selectors import naming_url
from agreements.naming.services import MUNICIPALITY_ROLES, POLICE_ROLES
from agreements.people.access import party_kind
from notifications.mail import portal_url, tell
from portal.people import full_name, name_and_title

Role = Membership.Role


def invitation_accepted(sender, *, invitation, user, **kwargs) -> None:
    party = invitation.party
    context = {
        "person": name_and_title(user),
        "name": full_name(user),
        "email": invitation.email,
        "organisation": party.name,
        "roles": ", ".join(label.lower() for label in invitation.role_labels),
        "parties": party.name,
        "url": portal_url(
            reverse(
                "agreements:people",
                kwargs={"kind": party_kind(party), "slug": party.organisation.slug},
            )
        ),
    }
    tell(
        template="invitation_accepted",
        subject=_("%(name)s har tackat ja till inbjudan till %(organisation)s") % context,
        parties=[party],
        role=Role.ADMINISTRATOR,
        context=context,
        exclude=user,
    )


def _sides(naming) -> tuple[Party, Party]:
    police = Party(police_area=naming.police_area)
    municipality = Party(municipality=naming.municipality)
    return (police, municipality) if naming.proposed_by_police else (municipality, police)


def _naming_context(naming, user, url_party: Party) -> dict:
    police, municipality = (
        Party(police_area=naming.police_area),
        Party(municipality=naming.municipality),
    )
    return {
        "actor": name_and_title(user),
        "area": police.name,
        "municipality": municipality.name,
        "parties": f"{police.name} {_('och')} {municipality.name}",
        "url": portal_url(naming_url(url_party)),
    }


def _roles(party: Party) -> tuple[str, ...]:
    return POLICE_ROLES if party.is_police else MUNICIPALITY_ROLES


def police_area_proposed(sender, *, naming, user, **kwargs) -> None:
    proposing, answering = _sides(naming)
    context = _naming_context(naming, user, answering)
    context["proposing"] = proposing.name
    tell(
        template="police_area_proposed",
        subject=_("Att godkänna: %(area)s för %(municipality)s") % context,
        parties=[answering],
        role=_roles(answering),
        context=context,
        exclude=user,
    )


def police_area_accepted(sender, *, naming, user, **kwargs) -> None:
    proposing, answering = _sides(naming)
    context = _naming_context(naming, user, proposing)
    tell(
        template="police_area_accepted",
        subject=_("Godkänt: %(area)s svarar för %(municipality)s") % context,
        parties=[proposing],
        role=_roles(proposing),
        context=context,
        exclude=user,
    )
