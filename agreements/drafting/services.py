"""Writes of an agreement's drafting: agreement_start and agreement_draft_save, on the
steps every document type takes (agreements.drafting.steps): both check on the server
that the user is an editor of one of the parties they name, run in one transaction and
write history; saving locks the draft's row and refuses a content version another
editor has saved over (DocumentConflict)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.drafting.selectors import latest_published
from agreements.drafting.steps import DraftRules, save_ordered_parts, start_draft
from agreements.models import (
    Agreement,
    AgreementDuty,
    AgreementGoal,
    Municipality,
    PartyKind,
    PoliceArea,
)
from agreements.permissions import User
from agreements.publishing.agreement import AGREEMENT_PUBLISHING
from agreements.publishing.workflow import content_changed, locked_draft
from agreements.selectors import published_agreements

# What a new draft copies from the agreement it starts from (not the source note: it
# describes where a published text came from).
COPIED_FIELDS = (
    "police_party_name",
    "introduction",
    "goals_introduction",
    "strategy",
    "follow_up",
    "follow_up_interval_years",
    "followed_up_by",
)
TEXT_FIELDS = ("introduction", "goals_introduction", "strategy", "follow_up", "followed_up_by")


@dataclass(frozen=True)
class Validity:
    valid_from: datetime.date
    valid_until: datetime.date | None = None
    extends_until_further_notice: bool = False


@dataclass(frozen=True)
class GoalText:
    key: str
    text: str


@dataclass(frozen=True)
class DutyText:
    key: str
    text: str
    party: str = PartyKind.JOINT
    lead_in: str = ""


@dataclass(frozen=True)
class AgreementContent:
    """Everything the draft page edits, in the order shown."""

    title: str
    validity: Validity
    police_area: PoliceArea
    municipalities: list[Municipality]
    police_party_name: str = "Polismyndigheten"
    texts: dict[str, str] = field(default_factory=dict)
    follow_up_interval_years: int | None = None
    goals: list[GoalText] = field(default_factory=list)
    duties: list[DutyText] = field(default_factory=list)


def latest_published_agreement(organisation: Municipality | PoliceArea) -> Agreement | None:
    """The organisation's published agreement that started last, with all its parts."""
    return latest_published(
        AGREEMENT_PUBLISHING, published_agreements(), organisation, start_field="valid_from"
    )


AGREEMENT_DRAFTING = DraftRules(
    spec=AGREEMENT_PUBLISHING,
    copied_fields=COPIED_FIELDS,
    not_an_editor_of_a_party=gettext_lazy(
        "Du måste vara redaktör för minst en av parterna i överenskommelsen."
    ),
    no_predecessor=gettext_lazy(
        "Organisationen har ingen publicerad överenskommelse att utgå från."
    ),
    latest_published=latest_published_agreement,
)


@transaction.atomic
def agreement_start(
    *,
    user: User,
    organisation: Municipality | PoliceArea,
    title: str,
    police_area: PoliceArea,
    municipalities: list[Municipality],
    validity: Validity,
    from_predecessor: bool = False,
) -> Agreement:
    """Start a draft agreement; from the organisation's latest published agreement (its
    texts, goals and duties, not its paper signatories) when asked."""
    return start_draft(
        AGREEMENT_DRAFTING,
        user=user,
        organisation=organisation,
        title=title,
        police_area=police_area,
        municipalities=municipalities,
        from_predecessor=from_predecessor,
        dates={
            "valid_from": validity.valid_from,
            "valid_until": validity.valid_until,
            "extends_until_further_notice": validity.extends_until_further_notice,
        },
    )


@transaction.atomic
def agreement_draft_save(
    *, user: User, agreement: Agreement, content_version: int, content: AgreementContent
) -> Agreement:
    """Save the draft page: the agreement's fields, parties, goals and duties, as one new
    content version. Raises DocumentConflict if another editor saved since
    ``content_version``."""
    current = locked_draft(agreement, user=user, content_version=content_version)
    AGREEMENT_DRAFTING.check_named_parties(user, content.police_area, content.municipalities)
    loaded = AGREEMENT_PUBLISHING.load(current.pk)
    validity = content.validity
    values = {
        "title": content.title.strip(),
        "valid_from": validity.valid_from,
        "valid_until": validity.valid_until,
        "extends_until_further_notice": validity.extends_until_further_notice,
        "police_area_id": content.police_area.pk,
        "police_party_name": content.police_party_name.strip(),
        "follow_up_interval_years": content.follow_up_interval_years,
        **{name: content.texts.get(name, "").strip() for name in TEXT_FIELDS},
    }
    changed = any(getattr(current, name) != value for name, value in values.items())
    for name, value in values.items():
        setattr(current, name, value)
    current.full_clean()
    if {m.pk for m in content.municipalities} != {m.pk for m in loaded.municipalities.all()}:
        current.municipalities.set(content.municipalities)
        changed = True
    goals_changed = save_ordered_parts(
        existing={g.pk: g for g in loaded.goals.all()},
        rows=content.goals,
        letter="g",
        make=lambda: AgreementGoal(agreement=current),
        values=lambda row: {"text": row.text.strip()},
        label=_("Mål %(n)d"),
        user=user,
    )
    duties_changed = save_ordered_parts(
        existing={d.pk: d for d in loaded.duties.all()},
        rows=content.duties,
        letter="d",
        make=lambda: AgreementDuty(agreement=current),
        values=lambda row: {
            "lead_in": row.lead_in.strip(),
            "party": row.party,
            "text": row.text.strip(),
        },
        label=_("Åtagande %(n)d"),
        user=user,
    )
    if changed or goals_changed or duties_changed:
        content_changed(current, user)
    return current
