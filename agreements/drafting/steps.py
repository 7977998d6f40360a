"""Steps the drafting services of every document type take: who may start a draft and
name its parties, starting one (perhaps from the latest published document), and
writing its parts (goals, duties, focus areas …) with history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone

from agreements.drafting.rows import saved_pk
from agreements.drafting.selectors import is_editor
from agreements.models import DatedDocument, DocumentEvent, Municipality, Party, PoliceArea
from agreements.permissions import User, can_edit_documents
from agreements.publishing.spec import PublishingSpec
from agreements.publishing.workflow import draft_slug, record_event, save_with_history
from portal.choices import PublicationStatus


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


@dataclass(frozen=True)
class DraftRules:
    """What starting and saving a draft of one document type needs to know."""

    spec: PublishingSpec
    # What a new draft copies from the document it starts from.
    copied_fields: tuple[str, ...]
    # "Du måste vara redaktör för minst en av parterna i …"
    not_an_editor_of_a_party: str
    # "Organisationen har ingen publicerad … att utgå från."
    no_predecessor: str
    # The organisation's latest published document, with all its parts.
    latest_published: Callable[[Municipality | PoliceArea], DatedDocument | None]

    def check_named_parties(
        self, user: User, police_area: PoliceArea | None, municipalities: list[Municipality]
    ) -> None:
        check_named_parties(user, police_area, municipalities, str(self.not_an_editor_of_a_party))


def start_draft(
    rules: DraftRules,
    *,
    user: User,
    organisation: Municipality | PoliceArea,
    title: str,
    police_area: PoliceArea,
    municipalities: list[Municipality],
    from_predecessor: bool,
    dates: dict[str, Any],
) -> DatedDocument:
    """Start a draft with ``dates`` (the model's date fields); from the organisation's
    latest published document (its texts and parts, not its paper signatories) when
    asked. The caller runs it in a transaction."""
    check_may_start(user, organisation)
    rules.check_named_parties(user, police_area, municipalities)
    source = rules.latest_published(organisation) if from_predecessor else None
    if from_predecessor and source is None:
        raise ValidationError({"start_from": str(rules.no_predecessor)})
    model = rules.spec.model
    now = timezone.now()
    document = model(
        title=title.strip(),
        slug=draft_slug(),
        status=PublicationStatus.DRAFT,
        police_area=police_area,
        **dates,
        created_by=user,
        created_at=now,
        updated_at=now,
    )
    if source is not None:
        for name in rules.copied_fields:
            setattr(document, name, getattr(source, name))
        # A document has one successor: a second draft from the same one only copies it.
        if not model.objects.filter(predecessor=source).exists():
            document.predecessor = source
    document.full_clean()
    save_with_history(document, user)
    document.municipalities.set(municipalities)
    if source is not None:
        rules.spec.copy_parts(source, document, signatories=False)
    record_event(document, DocumentEvent.Kind.STARTED, user)
    return document


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
