"""The agreement's draft page's forms together: the main form, the goals and the duties
as rows, one error summary, and what they hold as the service's AgreementContent."""

from __future__ import annotations

from django.http import QueryDict
from django.utils.translation import gettext as _

from agreements.drafting.editor import DocumentEditor
from agreements.drafting.forms import DraftForm, DutyRowForm, GoalRowForm
from agreements.drafting.rows import RowList, RowSet
from agreements.drafting.services import (
    TEXT_FIELDS,
    AgreementContent,
    DutyText,
    GoalText,
    Validity,
)
from agreements.models import Agreement, Municipality, PartyKind, PoliceArea

GOAL_PREFIX, DUTY_PREFIX = "mal", "atagande"


class AgreementRows(RowSet):
    """The goals and duties as typed (raw strings), in the order shown."""

    def __init__(self):
        super().__init__(
            goal=RowList(GOAL_PREFIX, "g", ("key", "text")),
            duty=RowList(
                DUTY_PREFIX,
                "d",
                ("key", "lead_in", "party", "text"),
                defaults={"party": PartyKind.JOINT},
            ),
        )

    @classmethod
    def from_agreement(cls, agreement: Agreement) -> AgreementRows:
        rows = cls()
        rows.kinds["goal"].load(
            [{"key": f"g{g.pk}", "text": g.text} for g in agreement.goals.all()]
        )
        rows.kinds["duty"].load(
            [
                {"key": f"d{d.pk}", "lead_in": d.lead_in, "party": d.party, "text": d.text}
                for d in agreement.duties.all()
            ]
        )
        return rows


class AgreementEditor(DocumentEditor):
    """The agreement's draft page's forms (see DocumentEditor)."""

    def __init__(
        self,
        *,
        rows: AgreementRows,
        municipalities: list[Municipality],
        police_areas: list[PoliceArea],
        data: QueryDict | None = None,
        initial: dict | None = None,
    ):
        self.rows = rows
        self.bound = data is not None
        self.main = DraftForm(
            data, initial=initial, municipalities=municipalities, police_areas=police_areas
        )
        self.goal_forms = rows.kinds["goal"].forms(GoalRowForm, bound=self.bound)
        self.duty_forms = rows.kinds["duty"].forms(DutyRowForm, bound=self.bound)

    @classmethod
    def for_agreement(cls, agreement: Agreement, **kwargs) -> AgreementEditor:
        return cls(
            rows=AgreementRows.from_agreement(agreement),
            initial=DraftForm.initial_for(agreement),
            **kwargs,
        )

    def row_groups(self):
        return [(self.goal_forms, _("Mål %(n)d")), (self.duty_forms, _("Åtagande %(n)d"))]

    def goal_rows(self):
        return self.buttons(self.goal_forms)

    def duty_rows(self):
        return self.buttons(self.duty_forms)

    def content(self) -> AgreementContent:
        """What the (valid) forms hold, for agreement_draft_save."""
        main = self.main.cleaned_data
        return AgreementContent(
            title=main["title"],
            validity=Validity(
                valid_from=main["valid_from"],
                valid_until=main["valid_until"],
                extends_until_further_notice=main["extends_until_further_notice"],
            ),
            police_area=main["police_area"],
            municipalities=main["municipalities"],
            police_party_name=main["police_party_name"],
            texts={name: main[name] for name in TEXT_FIELDS},
            follow_up_interval_years=main["follow_up_interval_years"],
            goals=[
                GoalText(key=f.cleaned_data["key"], text=f.cleaned_data["text"])
                for f in self.goal_forms
            ],
            duties=[
                DutyText(
                    key=f.cleaned_data["key"],
                    text=f.cleaned_data["text"],
                    party=f.cleaned_data["party"],
                    lead_in=f.cleaned_data["lead_in"],
                )
                for f in self.duty_forms
            ],
        )
