"""What every draft page's editor (its forms together) shares: the main form and the
kinds of row built from the saved draft or from what was posted, one error summary for
all of them, and the main form's values as typed after a row action."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django import forms
from django.http import QueryDict

from agreements.drafting.rows import RowSet, SummaryField, row_buttons, row_summary
from agreements.models import DatedDocument, Municipality, PoliceArea


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


@dataclass(frozen=True)
class RowSection:
    """How the draft page shows one kind of row: a section with a heading and a hint,
    the rows as fieldsets, and a button that adds one."""

    what: str  # the kind's name in the buttons' actions ("goal": add_goal, up_goal:<key>)
    anchor: str  # the section's id, where removing a row comes back to ("mal")
    add_anchor: str  # the add button's paragraph's id ("lagg-till-mal")
    label: str  # a row's legend and its name in the error summary ("Mål %(n)d")
    heading: str
    hint: str
    empty: str  # shown when there is no row ("Inga mål ännu.")
    add: str  # the add button ("Lägg till ett mål")


@dataclass(frozen=True)
class ShownRows:
    """One section as the template shows it: its texts, its rows' forms and the form
    prefix that names their fields ("mal", posted with the count as "mal-antal")."""

    section: RowSection
    prefix: str
    forms: list[forms.Form]

    def rows(self) -> list[tuple]:
        """(name, key, form, first, last) of each row: its legend and its buttons."""
        return [
            (self.section.label % {"n": n}, key, form, first, last)
            for n, key, form, first, last in row_buttons(self.forms)
        ]


class DocumentEditor:
    """The draft page's forms. Bound to the posted data when saving; after adding,
    removing or moving a row, unbound and showing what was typed (nothing is checked
    until the editor saves). Subclasses name the main form, the rows and their
    sections, and build each kind's row forms."""

    form_class: type[forms.Form]  # with initial_for(document) and added_fields()
    rows_class: type[RowSet]  # with from_document(document)
    sections: tuple[RowSection, ...]  # in the order shown

    def __init__(
        self,
        *,
        rows: RowSet,
        municipalities: list[Municipality],
        police_areas: list[PoliceArea],
        data: QueryDict | None = None,
        initial: dict | None = None,
    ):
        self.rows = rows
        self.bound = data is not None
        self.main = self.form_class(
            data, initial=initial, municipalities=municipalities, police_areas=police_areas
        )
        self.row_forms = self.build_row_forms(
            municipalities=municipalities, data=data, initial=initial
        )

    @classmethod
    def for_document(cls, document: DatedDocument, **options) -> DocumentEditor:
        """The editor showing the saved draft."""
        return cls(
            rows=cls.rows_class.from_document(document),
            initial=cls.form_class.initial_for(document),
            **options,
        )

    @classmethod
    def main_initial(cls, data: QueryDict) -> dict:
        """The main form's values as typed, to show again unchanged after a row action."""
        return main_initial_from_post(cls.form_class, data, extra=cls.form_class.added_fields())

    def build_row_forms(
        self, *, municipalities: list[Municipality], data: QueryDict | None, initial: dict | None
    ) -> dict[str, list[forms.Form]]:
        """Each kind of row's forms, by the kind's name ("goal")."""
        raise NotImplementedError

    def row_groups(self) -> list[tuple[list[forms.Form], str]]:
        """Each kind of row's forms with its label in the summary ("Mål %(n)d")."""
        return [(self.row_forms[section.what], section.label) for section in self.sections]

    def shown_sections(self) -> list[ShownRows]:
        return [
            ShownRows(section, self.rows.kinds[section.what].prefix, self.row_forms[section.what])
            for section in self.sections
        ]

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
