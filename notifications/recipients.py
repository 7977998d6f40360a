"""Who is told: the people holding a role in one of a document's parties."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q

from agreements.models import Party


def people_with_role(parties: Iterable[Party], role: str | Iterable[str]) -> list[AbstractBaseUser]:
    """Active accounts with an e-mail address holding ``role`` (or one of several roles) in
    one of ``parties``, each once however many parties and roles they hold (one query)."""
    parties = list(parties)
    roles = [role] if isinstance(role, str) else list(role)
    municipality_ids = [p.municipality.pk for p in parties if not p.is_police]
    police_area_ids = [p.police_area.pk for p in parties if p.is_police]
    if not municipality_ids and not police_area_ids:
        return []
    # One filter() call: the role and the party are conditions on the same membership.
    in_a_party = Q(memberships__municipality_id__in=municipality_ids) | Q(
        memberships__police_area_id__in=police_area_ids
    )
    return list(
        get_user_model()
        .objects.filter(in_a_party, memberships__role__in=roles, is_active=True)
        .exclude(email="")
        .select_related("profile")
        .distinct()
        .order_by("pk")
    )
