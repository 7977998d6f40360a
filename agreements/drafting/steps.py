"""Steps the drafting services of every document type take: who may start a draft and
name its parties, and writing its parts (goals, duties, focus areas …) with history."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models

from agreements.drafting.rows import saved_pk
from agreements.drafting.selectors import is_editor
from agreements.models import Municipality, Party, PoliceArea
from agreements.permissions import User, can_edit_documents


def check_may_start(user: User, organisation: Municipality | PoliceArea) -> None:
    """Only an editor of ``organisation`` starts a draft for it."""
    if not is_editor(user):
        raise PermissionDenied
    own = (
        Party(police_area=organisation)
        if isinstance(organisation, PoliceArea)
        else Party(municipality=organisation)
    )
    if not can_edit_documents(user, parties=[own]):
        raise PermissionDenied


def check_named_parties(
    user: User, police_area: PoliceArea | None, municipalities: list[Municipality], message: str
) -> None:
    """The user stays an editor of at least one of the parties named (else ``message``)."""
    parties = [Party(municipality=m) for m in municipalities]
    if police_area is not None:
        parties.insert(0, Party(police_area=police_area))
    if not can_edit_documents(user, parties=parties):
        raise ValidationError(message)


def save_part(part: models.Model, user: User, label: str) -> None:
    """Check and save one part; its errors are named by ``label`` ("Mål 2: …")."""
    try:
        part.full_clean()
    except ValidationError as error:
        raise ValidationError([f"{label}: {message}" for message in error.messages]) from error
    part._history_user = user
    part.save()


def delete_part(part: models.Model, user: User) -> None:
    part._history_user = user
    part.delete()


def save_ordered_parts(
    *,
    existing: dict[int, models.Model],
    rows: list[Any],
    letter: str,
    make: Callable[[], models.Model],
    values: Callable[[Any], dict[str, Any]],
    label: str,
    user: User,
) -> bool:
    """Make the saved parts what ``rows`` say, in their order: remove the parts no row
    keeps, change the ones that differ, add the new ones. ``rows`` have a ``key``
    (``letter`` + pk for a saved part); ``values`` gives a row's field values without
    the order; ``label`` names a part in errors ("Mål %(n)d"). Whether anything changed."""
    wanted = {saved_pk(row.key, letter) for row in rows}
    changed = False
    for pk, part in existing.items():
        if pk not in wanted:
            delete_part(part, user)
            changed = True
    for order, row in enumerate(rows):
        part = existing.get(saved_pk(row.key, letter)) or make()
        new = {**values(row), "order": order}
        if part.pk is None or any(getattr(part, name) != value for name, value in new.items()):
            for name, value in new.items():
                setattr(part, name, value)
            save_part(part, user, label % {"n": order + 1})
            changed = True
    return changed
