"""The pledge's draft page's forms together: the main form and the rows, one error
summary for all of them, and what they hold as the service's DraftContent."""

from __future__ import annotations

from django.http import QueryDict
from django.utils.translation import gettext as _

from agreements.drafting.editor import DocumentEditor
from agreements.drafting.editor import main_initial_from_post as initial_from_post
from agreements.models import Municipality, PoliceArea
from pledges.drafting.forms import DraftForm
from pledges.drafting.rows import (
    DraftRows,
    commitment_forms,
    focus_area_forms,
    unique_area_titles,
)
from pledges.drafting.services import CommitmentText, DraftContent, FocusAreaText
from pledges.models import Pledge

ADDED_FIELDS = ("start_year", "end_year", "start_date", "end_date", "police_area", "municipalities")


def main_initial_from_post(data: QueryDict) -> dict:
    """The main form's values as typed, to show again unchanged after a row action."""
    return initial_from_post(DraftForm, data, extra=ADDED_FIELDS)


class DraftEditor(DocumentEditor):
    """The pledge's draft page's forms (see DocumentEditor)."""

    def __init__(
        self,
        *,
        rows: DraftRows,
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
        chosen = data.getlist("municipalities") if data is not None else initial["municipalities"]
        names = {str(m.pk): m.official_name for m in municipalities}
        municipality_choices = [(pk, names[pk]) for pk in names if pk in set(chosen)]
        self.area_forms = focus_area_forms(rows, bound=self.bound)
        self.commitment_forms = commitment_forms(
            rows, municipality_choices=municipality_choices, bound=self.bound
        )

    @classmethod
    def for_pledge(cls, pledge: Pledge, **kwargs) -> DraftEditor:
        return cls(
            rows=DraftRows.from_pledge(pledge), initial=DraftForm.initial_for(pledge), **kwargs
        )

    def row_groups(self):
        return [
            (self.area_forms, _("Fokusområde %(n)d")),
            (self.commitment_forms, _("Löfte %(n)d")),
        ]

    def rows_valid(self) -> bool:
        return unique_area_titles(self.area_forms)

    def area_rows(self):
        return self.buttons(self.area_forms)

    def commitment_rows(self):
        return self.buttons(self.commitment_forms)

    def content(self) -> DraftContent:
        """What the (valid) forms hold, for pledge_draft_save."""
        main = self.main.cleaned_data
        return DraftContent(
            title=main["title"],
            period_start=main["period_start"],
            period_end=main["period_end"],
            police_area=main["police_area"],
            municipalities=main["municipalities"],
            texts={name: main[name] for name in DraftForm.TEXTS},
            focus_areas=[
                FocusAreaText(
                    key=form.cleaned_data["key"],
                    title=form.cleaned_data["title"],
                    description=form.cleaned_data["description"],
                )
                for form in self.area_forms
            ],
            commitments=[
                CommitmentText(
                    key=form.cleaned_data["key"],
                    text=form.cleaned_data["text"],
                    focus_area_key=form.cleaned_data["focus_area"],
                    responsible=form.cleaned_data["responsible"],
                    responsible_municipality_id=(
                        int(form.cleaned_data["responsible_municipality"])
                        if form.cleaned_data["responsible_municipality"]
                        else None
                    ),
                    kind=form.cleaned_data["kind"],
                    yearly_target=form.cleaned_data["yearly_target"],
                )
                for form in self.commitment_forms
            ],
        )
