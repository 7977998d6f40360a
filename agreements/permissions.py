"""Who may do what for which organisation: plain functions over memberships.

The organisations are passed in (municipality ids, police area id) so that this app
never needs to know about pledges; pledges and followup pass their parties here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from agreements.models import Membership

Role = Membership.Role


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


_CACHE_ATTRIBUTE = "_portal_roles"


def roles_of(user) -> Roles:
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


def forget_roles(user) -> None:
    """Drop the cached roles, e.g. after memberships change within one request or test."""
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)


def has_role_for_parties(
    user, *, role: str, municipality_ids: Iterable[int], police_area_id: int | None
) -> bool:
    """Whether ``user`` holds ``role`` in one of the given parties."""
    roles = roles_of(user)
    if police_area_id is not None and police_area_id in roles.police_area_ids(role):
        return True
    return not roles.municipality_ids(role).isdisjoint(municipality_ids)


def can_log_activity(user, *, municipality_ids: Iterable[int], police_area_id: int | None) -> bool:
    """Coordinators of one of the parties log what was done."""
    return has_role_for_parties(
        user,
        role=Role.COORDINATOR,
        municipality_ids=municipality_ids,
        police_area_id=police_area_id,
    )


def can_change_activity(
    user, *, municipality_ids: Iterable[int], police_area_id: int | None
) -> bool:
    """Coordinators of the parties correct or withdraw logged activities."""
    return can_log_activity(user, municipality_ids=municipality_ids, police_area_id=police_area_id)


def can_edit_documents(
    user, *, municipality_ids: Iterable[int], police_area_id: int | None
) -> bool:
    """Editors of one of the parties enter pledges, agreements and planned activities."""
    return has_role_for_parties(
        user, role=Role.EDITOR, municipality_ids=municipality_ids, police_area_id=police_area_id
    )


def can_sign_off(user, *, municipality_ids: Iterable[int], police_area_id: int | None) -> bool:
    """Signatories of one of the parties sign off annual follow-ups."""
    return has_role_for_parties(
        user,
        role=Role.SIGNATORY,
        municipality_ids=municipality_ids,
        police_area_id=police_area_id,
    )
