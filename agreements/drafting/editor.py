"""What every draft page's editor (its forms together) shares: one error summary for
the main form and the rows, and the main form's values as typed after a row action."""

from __future__ import annotations

from collections.abc import Iterator

from django import forms
from django.http import QueryDict

from agreements.drafting.rows import RowSet, SummaryField, row_buttons, row_summary


def main_initial_from_post(
    form_class: type[forms.Form], data: QueryDict, *, extra: tuple[str, ...] = ()
) -> dict:
    """The main form's values as typed, to show again unchanged after a row action: the
    declared fields and ``extra`` (fields added in __init__); lists stay lists."""
    initial = {}
    for name in [*form_class.base_fields, *extra]:
        values = data.getlist(name)
        initial[name] = values if name == "municipalities" else data.get(name, "")
    return initial


class DocumentEditor:
    """The draft page's forms. Bound to the posted data when saving; after adding,
    removing or moving a row, unbound and showing what was typed (nothing is checked
    until the editor saves). Subclasses build ``main`` and ``row_groups``."""

    main: forms.Form
    rows: RowSet
    bound: bool

    def row_groups(self) -> list[tuple[list[forms.Form], str]]:
        """Each kind of row's forms with its label in the summary ("Mål %(n)d")."""
        raise NotImplementedError

    def rows_valid(self) -> bool:
        """Checks across rows, after each row form is validated."""
        return True

    def is_valid(self) -> bool:
        main_valid = self.main.is_valid()
        rows = [form for group, _label in self.row_groups() for form in group]
        rows_valid = all([form.is_valid() for form in rows])
        return all([main_valid, rows_valid, self.rows_valid()])

    # The error summary (templates/includes/error_summary.html) reads these three.
    @property
    def errors(self) -> bool:
        rows = [form for group, _label in self.row_groups() for form in group]
        return self.bound and bool(self.main.errors or any(form.errors for form in rows))

    def __iter__(self) -> Iterator[SummaryField]:
        for field in self.main:
            yield SummaryField(field.auto_id, field.label, field.errors)
        yield from row_summary(self.row_groups())

    def non_field_errors(self):
        return self.main.non_field_errors()

    @staticmethod
    def buttons(forms_of_kind: list[forms.Form]) -> list[tuple]:
        return row_buttons(forms_of_kind)
