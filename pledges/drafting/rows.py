"""The focus areas and commitments of a draft as rows of one page, edited without
JavaScript: every button posts the whole form, and adding, removing or moving a row
re-renders the page with everything typed kept.

A row is named by a key that stays the same while the page is edited: ``a12``/``c34`` for
a saved focus area or commitment, ``n…`` for a new row. A commitment names its focus
area by that key, so it can belong to an area typed on the same page and not saved yet.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pledges.drafting.forms import drop_maxlength, text_field, title_field
from pledges.models import Commitment, Pledge
from portal.forms import DescribedErrorsMixin

AREA_FIELDS = ("key", "title", "description")
COMMITMENT_FIELDS = (
    "key",
    "text",
    "focus_area",
    "responsible",
    "responsible_municipality",
    "kind",
    "yearly_target",
)
AREA_PREFIX, COMMITMENT_PREFIX = "omrade", "lofte"
# More rows than any pledge has: a bound on what one post makes the server build.
MAX_ROWS = 300


def new_key() -> str:
    return f"n{uuid.uuid4().hex[:10]}"


def saved_pk(key: str, letter: str) -> int | None:
    """The pk in a saved row's key (``a12`` → 12), None for a new row."""
    if key[:1] == letter and key[1:].isdigit():
        return int(key[1:])
    return None


class FocusAreaRowForm(DescribedErrorsMixin, forms.Form):
    key = forms.CharField(widget=forms.HiddenInput, max_length=20)
    title = title_field(gettext_lazy("Rubrik"), 160)
    description = text_field(
        gettext_lazy("Beskrivning"), gettext_lazy("Högst 10 000 tecken."), rows=3
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        drop_maxlength(self)


class CommitmentRowForm(DescribedErrorsMixin, forms.Form):
    key = forms.CharField(widget=forms.HiddenInput, max_length=20)
    text = text_field(
        gettext_lazy("Löfte"), gettext_lazy("Högst 10 000 tecken."), required=True, rows=3
    )
    focus_area = forms.ChoiceField(label=gettext_lazy("Fokusområde"), required=False)
    responsible = forms.ChoiceField(
        label=gettext_lazy("Ansvarig"),
        choices=Commitment.Responsible.choices,
        error_messages={"required": gettext_lazy("Välj vem som är ansvarig.")},
    )
    responsible_municipality = forms.ChoiceField(
        label=gettext_lazy("Ansvarig kommun"),
        required=False,
        help_text=gettext_lazy("Bara när en namngiven kommun är ansvarig."),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Typ"),
        required=False,
        choices=[("", gettext_lazy("Ingen typ angiven")), *Commitment.Kind.choices],
    )
    yearly_target = forms.IntegerField(
        label=gettext_lazy("Antal per år"),
        required=False,
        min_value=1,
        max_value=10_000,
        help_text=gettext_lazy(
            "Bara för typen Mål per år, till exempel 6 för ”minst sex tillfällen”."
        ),
        error_messages={
            "invalid": gettext_lazy("Ange ett heltal, till exempel 6."),
            "min_value": gettext_lazy("Ange hur många gånger per år (minst 1)."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args, area_choices, municipality_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = _("Skriv vad som lovas.")
        self.fields["focus_area"].choices = [("", _("Inget fokusområde")), *area_choices]
        self.fields["responsible_municipality"].choices = [
            ("", _("Ingen namngiven kommun")),
            *municipality_choices,
        ]
        invalid = _("Välj ett alternativ i listan.")
        for name in ("focus_area", "responsible", "responsible_municipality", "kind"):
            self.fields[name].error_messages["invalid_choice"] = invalid
        drop_maxlength(self)

    def clean(self):
        # The model's clean() rules, as messages on the fields they concern.
        cleaned = super().clean()
        kind, target = cleaned.get("kind"), cleaned.get("yearly_target")
        if "yearly_target" not in self.errors:
            if kind == Commitment.Kind.YEARLY_TARGET and not target:
                self.add_error("yearly_target", _("Ange hur många gånger per år (minst 1)."))
            elif kind != Commitment.Kind.YEARLY_TARGET and target is not None:
                self.add_error(
                    "yearly_target", _("Antal per år anges bara för löften med mål per år.")
                )
        responsible = cleaned.get("responsible")
        municipality = cleaned.get("responsible_municipality")
        if responsible == Commitment.Responsible.NAMED_MUNICIPALITY and not municipality:
            self.add_error("responsible_municipality", _("Välj vilken kommun som är ansvarig."))
        elif (
            responsible
            and responsible != Commitment.Responsible.NAMED_MUNICIPALITY
            and municipality
        ):
            self.add_error(
                "responsible_municipality",
                _("Ansvarig kommun anges bara när en namngiven kommun är ansvarig."),
            )
        return cleaned


@dataclass
class DraftRows:
    """The rows as typed (raw strings), in the order shown."""

    areas: list[dict[str, str]] = field(default_factory=list)
    commitments: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def from_pledge(cls, pledge: Pledge) -> DraftRows:
        return cls(
            areas=[
                {"key": f"a{a.pk}", "title": a.title, "description": a.description}
                for a in pledge.focus_areas.all()
            ],
            commitments=[
                {
                    "key": f"c{c.pk}",
                    "text": c.text,
                    "focus_area": f"a{c.focus_area_id}" if c.focus_area_id else "",
                    "responsible": c.responsible,
                    "responsible_municipality": str(c.responsible_municipality_id or ""),
                    "kind": c.kind,
                    "yearly_target": "" if c.yearly_target is None else str(c.yearly_target),
                }
                for c in pledge.commitments.all()
            ],
        )

    @classmethod
    def from_post(cls, data: QueryDict) -> DraftRows:
        def rows(prefix: str, names: tuple[str, ...]) -> list[dict[str, str]]:
            try:
                count = min(int(data.get(f"{prefix}-antal", "0")), MAX_ROWS)
            except ValueError:
                count = 0
            found = []
            for i in range(count):
                row = {name: data.get(f"{prefix}-{i}-{name}", "") for name in names}
                row["key"] = row["key"] or new_key()
                found.append(row)
            return found

        return cls(
            areas=rows(AREA_PREFIX, AREA_FIELDS),
            commitments=rows(COMMITMENT_PREFIX, COMMITMENT_FIELDS),
        )

    def apply(self, action: str) -> str | None:
        """Add, remove or move a row; returns the key of the row to show, None if the
        action is not one of these."""
        verb, _sep, key = action.partition(":")
        if verb == "add_area":
            self.areas.append({"key": new_key(), "title": "", "description": ""})
            return self.areas[-1]["key"]
        if verb == "add_commitment":
            row = dict.fromkeys(COMMITMENT_FIELDS, "")
            row.update(key=new_key(), responsible=Commitment.Responsible.JOINT)
            self.commitments.append(row)
            return row["key"]
        kind, _sep, what = verb.partition("_")
        rows = {"area": self.areas, "commitment": self.commitments}.get(what)
        index = next((i for i, row in enumerate(rows or []) if row["key"] == key), None)
        if index is None:
            return None
        if kind == "remove":
            rows.pop(index)
            if what == "area":
                for commitment in self.commitments:
                    if commitment["focus_area"] == key:
                        commitment["focus_area"] = ""
            return "" if not rows else rows[max(index - 1, 0)]["key"]
        other = index - 1 if kind == "up" else index + 1 if kind == "down" else None
        if other is None or not 0 <= other < len(rows):
            return key
        rows[index], rows[other] = rows[other], rows[index]
        return key

    def drop_empty_new_rows(self) -> None:
        """A row added and left blank is not an error: it is left out when saving."""
        self.areas = [
            r
            for r in self.areas
            if saved_pk(r["key"], "a") or r["title"].strip() or r["description"].strip()
        ]
        typed = ("text", "focus_area", "responsible_municipality", "kind", "yearly_target")
        self.commitments = [
            r
            for r in self.commitments
            if saved_pk(r["key"], "c") or any(r[name].strip() for name in typed)
        ]

    def as_data(self) -> dict[str, str]:
        """The rows as form data, numbered in the order shown."""
        data = {
            f"{AREA_PREFIX}-antal": str(len(self.areas)),
            f"{COMMITMENT_PREFIX}-antal": str(len(self.commitments)),
        }
        for prefix, rows in ((AREA_PREFIX, self.areas), (COMMITMENT_PREFIX, self.commitments)):
            for i, row in enumerate(rows):
                data.update({f"{prefix}-{i}-{name}": value for name, value in row.items()})
        return data

    def area_choices(self) -> list[tuple[str, str]]:
        return [
            (row["key"], row["title"].strip() or _("Fokusområde %(n)d (utan rubrik)") % {"n": i})
            for i, row in enumerate(self.areas, start=1)
        ]


@dataclass
class RowForms:
    """The row forms of one page, bound to the typed data or (after a move) unbound."""

    areas: list[FocusAreaRowForm]
    commitments: list[CommitmentRowForm]

    @classmethod
    def build(cls, rows: DraftRows, *, municipality_choices, bound: bool) -> RowForms:
        data = rows.as_data() if bound else None
        area_choices = rows.area_choices()

        def initial(row):
            return None if bound else row

        return cls(
            areas=[
                FocusAreaRowForm(data, initial=initial(row), prefix=f"{AREA_PREFIX}-{i}")
                for i, row in enumerate(rows.areas)
            ],
            commitments=[
                CommitmentRowForm(
                    data,
                    initial=initial(row),
                    prefix=f"{COMMITMENT_PREFIX}-{i}",
                    area_choices=area_choices,
                    municipality_choices=municipality_choices,
                )
                for i, row in enumerate(rows.commitments)
            ],
        )

    def is_valid(self) -> bool:
        valid = all([form.is_valid() for form in [*self.areas, *self.commitments]])
        seen: dict[str, FocusAreaRowForm] = {}
        for form in self.areas:
            title = form.cleaned_data.get("title", "").strip().casefold()
            if not title:
                continue
            if title in seen:
                form.add_error("title", _("Två fokusområden kan inte ha samma rubrik."))
                valid = False
            seen[title] = form
        return valid

    @property
    def has_errors(self) -> bool:
        return any(form.errors for form in [*self.areas, *self.commitments])
