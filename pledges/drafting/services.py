"""Writes of a pledge's drafting: pledge_start and pledge_draft_save, on the steps every
document type takes (agreements.drafting.steps). A pledge's focus areas are saved here:
commitments name them by row key, and two areas may swap titles in one save."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.drafting.rows import saved_pk
from agreements.drafting.steps import DraftRules, delete_part, save_part, start_draft
from agreements.models import Municipality, PoliceArea
from agreements.permissions import User
from agreements.publishing.workflow import content_changed, locked_draft
from pledges.drafting.selectors import latest_published_pledge
from pledges.models import Commitment, FocusArea, Pledge
from pledges.publishing import PLEDGE_PUBLISHING

TEXT_FIELDS = ("background", "basis", "goal", "effects", "feedback", "follow_up")


@dataclass(frozen=True)
class FocusAreaText:
    key: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class CommitmentText:
    key: str
    text: str
    focus_area_key: str = ""
    responsible: str = Commitment.Responsible.JOINT
    responsible_municipality_id: int | None = None
    kind: str = ""
    yearly_target: int | None = None


@dataclass(frozen=True)
class DraftContent:
    """Everything the draft page edits, in the order shown."""

    title: str
    period_start: datetime.date
    period_end: datetime.date
    police_area: PoliceArea
    municipalities: list[Municipality]
    texts: dict[str, str] = field(default_factory=dict)
    focus_areas: list[FocusAreaText] = field(default_factory=list)
    commitments: list[CommitmentText] = field(default_factory=list)


PLEDGE_DRAFTING = DraftRules(
    spec=PLEDGE_PUBLISHING,
    copied_fields=TEXT_FIELDS,
    not_an_editor_of_a_party=gettext_lazy(
        "Du måste vara redaktör för minst en av parterna i medborgarlöftet."
    ),
    no_predecessor=gettext_lazy(
        "Organisationen har inget publicerat medborgarlöfte att utgå från."
    ),
    latest_published=latest_published_pledge,
)


@transaction.atomic
def pledge_start(
    *,
    user: User,
    organisation: Municipality | PoliceArea,
    title: str,
    police_area: PoliceArea,
    municipalities: list[Municipality],
    period_start: datetime.date,
    period_end: datetime.date,
    from_predecessor: bool = False,
) -> Pledge:
    """Start a draft pledge; from the organisation's latest published pledge (its texts,
    focus areas and commitments, not its paper signatories) when asked."""
    return start_draft(
        PLEDGE_DRAFTING,
        user=user,
        organisation=organisation,
        title=title,
        police_area=police_area,
        municipalities=municipalities,
        from_predecessor=from_predecessor,
        dates={"period_start": period_start, "period_end": period_end},
    )


def _save_focus_areas(
    pledge: Pledge, existing: dict[int, FocusArea], rows: list[FocusAreaText], user: User
) -> tuple[dict[str, FocusArea], bool]:
    """Update, add and remove focus areas; returns them by row key and whether any changed."""
    wanted = {saved_pk(row.key, "a") for row in rows} - {None}
    changed = False
    for pk, area in existing.items():
        if pk not in wanted:
            delete_part(area, user)
            changed = True
    kept = {pk: area for pk, area in existing.items() if pk in wanted}
    # Two areas swapping titles would meet the one-title-per-pledge constraint halfway:
    # the renamed ones step aside first.
    renamed = [
        area
        for row in rows
        if (area := kept.get(saved_pk(row.key, "a"))) and area.title != row.title.strip()
    ]
    old_titles = {area.title for area in kept.values()}
    if any(row.title.strip() in old_titles for row in rows) and renamed:
        for area in renamed:
            area.title = f"\u2063{area.pk}"
            area._history_user = user
            area.save(update_fields=["title"])
    by_key = {}
    for order, row in enumerate(rows):
        area = kept.get(saved_pk(row.key, "a")) or FocusArea(pledge=pledge)
        values = (row.title.strip(), row.description.strip(), order)
        if area.pk is None or (area.title, area.description, area.order) != values:
            area.title, area.description, area.order = values
            label = _("Fokusområde %(n)d") % {"n": order + 1}
            save_part(area, user, label)
            changed = True
        by_key[row.key] = area
    return by_key, changed


def _save_commitments(
    pledge: Pledge,
    existing: dict[int, Commitment],
    rows: list[CommitmentText],
    areas: dict[str, FocusArea],
    user: User,
) -> bool:
    """Update and add commitments (removed ones are gone already); whether any changed."""
    changed = False
    for order, row in enumerate(rows):
        commitment = existing.get(saved_pk(row.key, "c")) or Commitment(pledge=pledge)
        area = areas.get(row.focus_area_key)
        values = (
            row.text.strip(),
            area.pk if area else None,
            row.responsible,
            row.responsible_municipality_id,
            row.kind,
            row.yearly_target,
            order,
        )
        before = (
            commitment.text,
            commitment.focus_area_id,
            commitment.responsible,
            commitment.responsible_municipality_id,
            commitment.kind,
            commitment.yearly_target,
            commitment.order,
        )
        if commitment.pk is None or before != values:
            commitment.text = values[0]
            commitment.focus_area = area
            (
                commitment.responsible,
                commitment.responsible_municipality_id,
                commitment.kind,
                commitment.yearly_target,
                commitment.order,
            ) = values[2:]
            save_part(commitment, user, _("Löfte %(n)d") % {"n": order + 1})
            changed = True
    return changed


@transaction.atomic
def pledge_draft_save(
    *, user: User, pledge: Pledge, content_version: int, content: DraftContent
) -> Pledge:
    """Save the draft page: the pledge's fields, its parties, focus areas and commitments,
    as one new content version. Raises DocumentConflict if another editor saved since
    ``content_version``."""
    current = locked_draft(pledge, user=user, content_version=content_version)
    PLEDGE_DRAFTING.check_named_parties(user, content.police_area, content.municipalities)
    loaded = PLEDGE_PUBLISHING.load(current.pk)
    values = {
        "title": content.title.strip(),
        "period_start": content.period_start,
        "period_end": content.period_end,
        "police_area_id": content.police_area.pk,
        **{name: content.texts.get(name, "").strip() for name in TEXT_FIELDS},
    }
    changed = any(getattr(current, name) != value for name, value in values.items())
    for name, value in values.items():
        setattr(current, name, value)
    current.full_clean()
    wanted = {m.pk for m in content.municipalities}
    if wanted != {m.pk for m in loaded.municipalities.all()}:
        current.municipalities.set(content.municipalities)
        changed = True
    # Commitments first: removing a focus area must not touch a commitment that goes too.
    commitments = {c.pk: c for c in loaded.commitments.all()}
    removed = set(commitments) - {saved_pk(row.key, "c") for row in content.commitments}
    for pk in removed:
        delete_part(commitments.pop(pk), user)
        changed = True
    existing_areas = {a.pk: a for a in loaded.focus_areas.all()}
    areas, areas_changed = _save_focus_areas(current, existing_areas, content.focus_areas, user)
    # A removed area's commitments lost their area (SET_NULL): compare with the database.
    for commitment in commitments.values():
        if commitment.focus_area_id and commitment.focus_area_id not in {
            a.pk for a in areas.values()
        }:
            commitment.focus_area_id = None
    commitments_changed = _save_commitments(current, commitments, content.commitments, areas, user)
    if changed or areas_changed or commitments_changed:
        content_changed(current, user)
    return current
