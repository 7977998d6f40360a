"""Rows of a draft page (focus areas, commitments, goals, duties) edited without
JavaScript: every button posts the whole form, and adding, removing or moving a row
re-renders the page with everything typed kept.

A row is named by a key that stays the same while the page is edited: a letter and the
pk for a saved row (``a12``, ``c34``), ``n…`` for a new row. The buttons post an action
``add_<kind>``, ``remove_<kind>:<key>``, ``up_<kind>:<key>`` or ``down_<kind>:<key>``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django import forms
from django.http import QueryDict

# More rows than any document has: a bound on what one post makes the server build.
MAX_ROWS = 300


def new_key() -> str:
    return f"n{uuid.uuid4().hex[:10]}"


def saved_pk(key: str, letter: str) -> int | None:
    """The pk in a saved row's key (``a12`` → 12), None for a new row."""
    if key[:1] == letter and key[1:].isdigit():
        return int(key[1:])
    return None


@dataclass
class RowList:
    """One kind of row as typed (raw strings), in the order shown.

    ``prefix`` names the fields in the form ("lofte-0-text", and "lofte-antal" for the
    count), ``letter`` the saved rows' keys, ``defaults`` a new row's values."""

    prefix: str
    letter: str
    names: tuple[str, ...]
    defaults: dict[str, str] = field(default_factory=dict)
    rows: list[dict[str, str]] = field(default_factory=list)

    def read(self, data: QueryDict) -> RowList:
        """The rows posted in ``data`` (at most MAX_ROWS)."""
        try:
            count = min(int(data.get(f"{self.prefix}-antal", "0")), MAX_ROWS)
        except ValueError:
            count = 0
        self.rows = []
        for i in range(count):
            row = {name: data.get(f"{self.prefix}-{i}-{name}", "") for name in self.names}
            row["key"] = row["key"] or new_key()
            self.rows.append(row)
        return self

    def load(self, rows: list[dict[str, str]]) -> RowList:
        """Saved rows, each with its ``key`` made from ``letter`` and its pk."""
        self.rows = rows
        return self

    def add(self) -> str:
        row = {**dict.fromkeys(self.names, ""), **self.defaults, "key": new_key()}
        self.rows.append(row)
        return row["key"]

    def index(self, key: str) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row["key"] == key), None)

    def remove(self, index: int) -> str:
        """Remove a row; the key of the row to show after it (the one before), "" if none."""
        self.rows.pop(index)
        return "" if not self.rows else self.rows[max(index - 1, 0)]["key"]

    def move(self, index: int, step: int) -> None:
        other = index + step
        if 0 <= other < len(self.rows):
            self.rows[index], self.rows[other] = self.rows[other], self.rows[index]

    def drop_empty_new_rows(self, typed: tuple[str, ...]) -> None:
        """A row added and left blank is not an error: it is left out when saving."""
        self.rows = [
            row
            for row in self.rows
            if saved_pk(row["key"], self.letter) or any(row[name].strip() for name in typed)
        ]

    def as_data(self) -> dict[str, str]:
        """The rows as form data, numbered in the order shown."""
        data = {f"{self.prefix}-antal": str(len(self.rows))}
        for i, row in enumerate(self.rows):
            data.update({f"{self.prefix}-{i}-{name}": value for name, value in row.items()})
        return data

    def forms(self, form_class: type[forms.Form], *, bound: bool, **kwargs) -> list[forms.Form]:
        """A form per row, bound to the rows as typed or (after a move) unbound."""
        data = self.as_data() if bound else None
        return [
            form_class(data, initial=None if bound else row, prefix=f"{self.prefix}-{i}", **kwargs)
            for i, row in enumerate(self.rows)
        ]


class RowSet:
    """The kinds of row of one draft page, by the name the buttons use."""

    def __init__(self, **kinds: RowList):
        self.kinds = kinds

    @classmethod
    def from_document(cls, document) -> RowSet:
        """The saved draft's rows."""
        raise NotImplementedError

    def read(self, data: QueryDict) -> RowSet:
        for rows in self.kinds.values():
            rows.read(data)
        return self

    def apply(self, action: str) -> str | None:
        """Add, remove or move a row; returns the key of the row to show, None if the
        action is not one of these."""
        verb, _sep, key = action.partition(":")
        kind, _sep, what = verb.partition("_")
        rows = self.kinds.get(what)
        if rows is None:
            return None
        if kind == "add":
            return rows.add()
        index = rows.index(key)
        if index is None:
            return None
        if kind == "remove":
            self.removed(what, key)
            return rows.remove(index)
        if kind in ("up", "down"):
            rows.move(index, -1 if kind == "up" else 1)
            return key
        return None

    def removed(self, what: str, key: str) -> None:
        """A hook: what else changes when a row of kind ``what`` goes."""

    def drop_empty_new_rows(self) -> None:
        """Rows added and left blank are left out when saving (blank: nothing typed
        but the values a new row starts with)."""
        for rows in self.kinds.values():
            typed = tuple(n for n in rows.names if n != "key" and n not in rows.defaults)
            rows.drop_empty_new_rows(typed)

    def as_data(self) -> dict[str, str]:
        data = {}
        for rows in self.kinds.values():
            data.update(rows.as_data())
        return data


@dataclass(frozen=True)
class SummaryField:
    """What the error summary shows of one field: its id, a label naming its row, errors."""

    auto_id: str
    label: str
    errors: list[str]


def row_summary(
    groups: list[tuple[list[forms.Form], str]],
) -> list[SummaryField]:
    """The rows' fields for the error summary, labelled "Mål 2, text"; ``groups`` pairs
    each kind's forms with its row label ("Mål %(n)d")."""
    found = []
    for forms_of_kind, row_label in groups:
        for n, form in enumerate(forms_of_kind, start=1):
            for bound in form:
                label = f"{row_label % {'n': n}}, {str(bound.label).lower()}"
                found.append(SummaryField(bound.auto_id, label, bound.errors))
    return found


def row_buttons(forms_of_kind: list[forms.Form]) -> list[tuple]:
    """(number, key, form, first, last) of each row, for the row's buttons."""
    last = len(forms_of_kind)
    return [
        (n, (form["key"].value() or ""), form, n == 1, n == last)
        for n, form in enumerate(forms_of_kind, start=1)
    ]
