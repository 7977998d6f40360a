"""The draft page's forms together: the main form and the rows, one error summary for
all of them, and what they hold as the service's DraftContent."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict
from django.utils.translation import gettext as _

from agreements.models import Municipality, PoliceArea
from pledges.drafting.forms import DraftForm
from pledges.drafting.rows import DraftRows, RowForms
from pledges.drafting.services import CommitmentText, DraftContent, FocusAreaText
from pledges.models import Pledge


@dataclass(frozen=True)
class SummaryField:
    """What the error summary shows of one field: its id, a label naming its row, errors."""

    auto_id: str
    label: str
    errors: list[str]


def main_initial_from_post(data: QueryDict) -> dict:
    """The main form's values as typed, to show again unchanged after a row action."""
    names = [n for n in DraftForm.base_fields if n != "municipalities"]
    names += ["start_year", "end_year", "start_date", "end_date", "police_area"]
    initial = {name: data.get(name, "") for name in names}
    initial["municipalities"] = data.getlist("municipalities")
    return initial


class DraftEditor:
    """The draft page's forms. Bound to the posted data when saving; after adding,
    removing or moving a row, unbound and showing what was typed (nothing is checked
    until the editor saves)."""

    def __init__(
        self,
        *,
        rows: DraftRows,
        municipalities: list[Municipality],
        police_areas: list[PoliceArea],
        data: QueryDict | None = None,
        initial: dict | None = None,
    ):
        self.row_data = rows
        self.bound = data is not None
        self.main = DraftForm(
            data, initial=initial, municipalities=municipalities, police_areas=police_areas
        )
        chosen = data.getlist("municipalities") if data is not None else initial["municipalities"]
        names = {str(m.pk): m.official_name for m in municipalities}
        municipality_choices = [(pk, names[pk]) for pk in names if pk in set(chosen)]
        self.rows = RowForms.build(
            rows, municipality_choices=municipality_choices, bound=self.bound
        )

    @classmethod
    def for_pledge(cls, pledge: Pledge, **kwargs) -> DraftEditor:
        return cls(
            rows=DraftRows.from_pledge(pledge), initial=DraftForm.initial_for(pledge), **kwargs
        )

    def is_valid(self) -> bool:
        main_valid = self.main.is_valid()
        rows_valid = self.rows.is_valid()
        return main_valid and rows_valid

    # The error summary (templates/includes/error_summary.html) reads these three.
    @property
    def errors(self) -> bool:
        return self.bound and bool(self.main.errors or self.rows.has_errors)

    def __iter__(self):
        for field in self.main:
            yield SummaryField(field.auto_id, field.label, field.errors)
        groups = (
            (self.rows.areas, _("Fokusområde %(n)d")),
            (self.rows.commitments, _("Löfte %(n)d")),
        )
        for forms, row_label in groups:
            for n, form in enumerate(forms, start=1):
                for field in form:
                    label = f"{row_label % {'n': n}}, {str(field.label).lower()}"
                    yield SummaryField(field.auto_id, label, field.errors)

    def non_field_errors(self):
        return self.main.non_field_errors()

    def area_rows(self):
        return self._rows(self.rows.areas, "area")

    def commitment_rows(self):
        return self._rows(self.rows.commitments, "commitment")

    @staticmethod
    def _rows(forms, what: str):
        """(number, key, form, first, last) of each row, for the row's buttons."""
        last = len(forms)
        return [
            (n, (form["key"].value() or ""), form, n == 1, n == last)
            for n, form in enumerate(forms, start=1)
        ]

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
                for form in self.rows.areas
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
                for form in self.rows.commitments
            ],
        )
