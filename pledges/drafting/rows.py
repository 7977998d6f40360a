"""The focus areas and commitments of a pledge's draft as rows of one page (see
agreements.drafting.rows). A commitment names its focus area by the area row's key, so
it can belong to an area typed on the same page and not saved yet.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.drafting.fields import drop_maxlength, text_field, title_field
from agreements.drafting.rows import RowList, RowSet
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


class DraftRows(RowSet):
    """The focus areas and commitments as typed (raw strings), in the order shown."""

    def __init__(self):
        super().__init__(
            area=RowList(AREA_PREFIX, "a", AREA_FIELDS),
            commitment=RowList(
                COMMITMENT_PREFIX,
                "c",
                COMMITMENT_FIELDS,
                defaults={"responsible": Commitment.Responsible.JOINT},
            ),
        )

    @property
    def areas(self) -> list[dict[str, str]]:
        return self.kinds["area"].rows

    @property
    def commitments(self) -> list[dict[str, str]]:
        return self.kinds["commitment"].rows

    @classmethod
    def from_document(cls, pledge: Pledge) -> DraftRows:
        rows = cls()
        rows.kinds["area"].load(
            [
                {"key": f"a{a.pk}", "title": a.title, "description": a.description}
                for a in pledge.focus_areas.all()
            ]
        )
        rows.kinds["commitment"].load(
            [
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
            ]
        )
        return rows

    def removed(self, what: str, key: str) -> None:
        if what == "area":
            for commitment in self.commitments:
                if commitment["focus_area"] == key:
                    commitment["focus_area"] = ""

    def area_choices(self) -> list[tuple[str, str]]:
        return [
            (row["key"], row["title"].strip() or _("Fokusområde %(n)d (utan rubrik)") % {"n": i})
            for i, row in enumerate(self.areas, start=1)
        ]


def focus_area_forms(rows: DraftRows, *, bound: bool) -> list[FocusAreaRowForm]:
    return rows.kinds["area"].forms(FocusAreaRowForm, bound=bound)


def commitment_forms(
    rows: DraftRows, *, municipality_choices, bound: bool
) -> list[CommitmentRowForm]:
    return rows.kinds["commitment"].forms(
        CommitmentRowForm,
        bound=bound,
        area_choices=rows.area_choices(),
        municipality_choices=municipality_choices,
    )


def unique_area_titles(areas: list[FocusAreaRowForm]) -> bool:
    """Two focus areas of one pledge cannot have the same title (told on the second)."""
    valid = True
    seen: set[str] = set()
    for form in areas:
        title = form.cleaned_data.get("title", "").strip().casefold()
        if not title:
            continue
        if title in seen:
            form.add_error("title", _("Två fokusområden kan inte ha samma rubrik."))
            valid = False
        seen.add(title)
    return valid
