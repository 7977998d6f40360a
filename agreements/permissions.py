"""Who may do what for which party: plain functions over memberships.

The parties are passed in as `Party` values, so that this app never needs to know about
pledges or follow-ups; pledges and followup work out a document's parties and ask here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q

from agreements.models import Membership, Party
from agreements.models.parties import POLICE_AREA, HasParties, document_parties

Role = Membership.Role
User = AbstractBaseUser | AnonymousUser


@dataclass(frozen=True)
class Roles:
    """A user's organisations per role, loaded once per request."""

    municipalities: dict[str, frozenset[int]] = field(default_factory=dict)
    police_areas: dict[str, frozenset[int]] = field(default_factory=dict)

    def municipality_ids(self, role: str) -> frozenset[int]:
        return self.municipalities.get(role, frozenset())

    def police_area_ids(self, role: str) -> frozenset[int]:
        return self.police_areas.get(role, frozenset())

    def has_any(self, role: str) -> bool:
        return bool(self.municipality_ids(role) or self.police_area_ids(role))

    def holds(self, role: str, party: Party) -> bool:
        """Whether the user holds ``role`` in ``party``."""
        kind, pk = party.key
        ids = self.police_area_ids(role) if kind == POLICE_AREA else self.municipality_ids(role)
        return pk in ids


_CACHE_ATTRIBUTE = "_portal_roles"


def roles_of(user: User) -> Roles:
    """The user's roles (one query, cached on the user object for the request)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Roles()
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    municipalities: dict[str, set[int]] = {}
    police_areas: dict[str, set[int]] = {}
    for role, municipality_id, police_area_id in Membership.objects.filter(user=user).values_list(
        "role", "municipality_id", "police_area_id"
    ):
        if municipality_id:
            municipalities.setdefault(role, set()).add(municipality_id)
        if police_area_id:
            police_areas.setdefault(role, set()).add(police_area_id)
    roles = Roles(
        municipalities={k: frozenset(v) for k, v in municipalities.items()},
        police_areas={k: frozenset(v) for k, v in police_areas.items()},
    )
    setattr(user, _CACHE_ATTRIBUTE, roles)
    return roles


def forget_roles(user: User) -> None:
    """Drop the cached roles, e.g. after memberships change within one request or test."""
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)


def parties_with_role(user: User, parties: Iterable[Party], role: str) -> list[Party]:
    """The parties among ``parties`` in which ``user`` holds ``role``."""
    held = roles_of(user)
    return [party for party in parties if held.holds(role, party)]


def has_role_for_parties(user: User, *, role: str, parties: Iterable[Party]) -> bool:
    """Whether ``user`` holds ``role`` in one of ``parties``."""
    return bool(parties_with_role(user, parties, role))


def user_parties(user: User, document: HasParties, role: str) -> list[Party]:
    """The document's parties in which ``user`` holds ``role``."""
    return parties_with_role(user, document_parties(document), role)


def documents_filter(user: User, roles: Iterable[str], prefix: str = "") -> Q | None:
    """Documents (pledges or agreements, reached through ``prefix``) where ``user`` holds
    one of ``roles`` in a party; None when the user holds none of them anywhere."""
    held = roles_of(user)
    municipality_ids: set[int] = set()
    police_area_ids: set[int] = set()
    for role in roles:
        municipality_ids |= held.municipality_ids(role)
        police_area_ids |= held.police_area_ids(role)
    if not municipality_ids and not police_area_ids:
        return None
    return Q(**{f"{prefix}municipalities__in": municipality_ids}) | Q(
        **{f"{prefix}police_area__in": police_area_ids}
    )


def followup_documents_filter(user: User, roles: Iterable[str], prefix: str = "") -> Q | None:
    """Like ``documents_filter``, for following documents up: a police area also follows up
    the documents whose text names no police area where the portal named it for one of
    their municipalities (see ``followup_parties``). Filter ids with it: the join may
    repeat rows."""
    found = documents_filter(user, roles, prefix)
    if found is None:
        return None
    held = roles_of(user)
    police_area_ids = set().union(*(held.police_area_ids(role) for role in roles))
    if not police_area_ids:
        return found
    return found | Q(
        **{
            f"{prefix}police_area__isnull": True,
            f"{prefix}municipalities__police_area__in": police_area_ids,
        }
    )


def can_log_activity(user: User, *, parties: Iterable[Party]) -> bool:
    """Coordinators of one of the parties log what was done and follow it up."""
    return has_role_for_parties(user, role=Role.COORDINATOR, parties=parties)


def can_edit_documents(user: User, *, parties: Iterable[Party]) -> bool:
    """Editors of one of the parties enter pledges, agreements and planned activities."""
    return has_role_for_parties(user, role=Role.EDITOR, parties=parties)


def can_sign_off(user: User, *, parties: Iterable[Party]) -> bool:
    """Signatories of one of the parties sign off annual follow-ups."""
    return has_role_for_parties(user, role=Role.SIGNATORY, parties=parties)
