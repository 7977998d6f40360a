"""The agreement's draft page's forms together: the main form, the goals and the duties
as rows, one error summary, and what they hold as the service's AgreementContent."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from agreements.drafting.editor import DocumentEditor, RowSection
from agreements.drafting.forms import DraftForm, DutyRowForm, GoalRowForm
from agreements.drafting.rows import RowList, RowSet
from agreements.drafting.services import (
    TEXT_FIELDS,
    AgreementContent,
    DutyText,
    GoalText,
    Validity,
)
from agreements.models import Agreement, PartyKind

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
    def from_document(cls, agreement: Agreement) -> AgreementRows:
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


GOALS = RowSection(
    what="goal",
    anchor="mal",
    add_anchor="lagg-till-mal",
    label=gettext_lazy("Mål %(n)d"),
    heading=gettext_lazy("Mål"),
    hint=gettext_lazy("Målen visas för invånarna som en numrerad lista i den ordning de står här."),
    empty=gettext_lazy("Inga mål ännu."),
    add=gettext_lazy("Lägg till ett mål"),
)
DUTIES = RowSection(
    what="duty",
    anchor="ataganden",
    add_anchor="lagg-till-atagande",
    label=gettext_lazy("Åtagande %(n)d"),
    heading=gettext_lazy("Parternas åtaganden"),
    hint=gettext_lazy(
        "Åtagandena visas för invånarna i den ordning de står här. Ett inledande stycke står "
        "före åtagandet och inleder en ny lista."
    ),
    empty=gettext_lazy("Inga åtaganden ännu."),
    add=gettext_lazy("Lägg till ett åtagande"),
)


class AgreementEditor(DocumentEditor):
    """The agreement's draft page's forms (see DocumentEditor)."""

    form_class = DraftForm
    rows_class = AgreementRows
    sections = (GOALS, DUTIES)

    def build_row_forms(self, **_options):
        return {
            "goal": self.rows.kinds["goal"].forms(GoalRowForm, bound=self.bound),
            "duty": self.rows.kinds["duty"].forms(DutyRowForm, bound=self.bound),
        }

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
                for f in self.row_forms["goal"]
            ],
            duties=[
                DutyText(
                    key=f.cleaned_data["key"],
                    text=f.cleaned_data["text"],
                    party=f.cleaned_data["party"],
                    lead_in=f.cleaned_data["lead_in"],
                )
                for f in self.row_forms["duty"]
            ],
        )
