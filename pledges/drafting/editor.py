"""The pledge's draft page's forms together: the main form and the rows, one error
summary for all of them, and what they hold as the service's DraftContent."""

from __future__ import annotations

from django.http import QueryDict
from django.utils.translation import gettext_lazy

from agreements.drafting.editor import DocumentEditor, RowSection
from agreements.models import Municipality
from pledges.drafting.forms import DraftForm
from pledges.drafting.rows import (
    DraftRows,
    commitment_forms,
    focus_area_forms,
    unique_area_titles,
)
from pledges.drafting.services import CommitmentText, DraftContent, FocusAreaText

FOCUS_AREAS = RowSection(
    what="area",
    anchor="fokusomraden",
    add_anchor="lagg-till-fokusomrade",
    label=gettext_lazy("Fokusområde %(n)d"),
    heading=gettext_lazy("Fokusområden"),
    hint=gettext_lazy(
        "Till exempel Trafik, Droger eller Grannsamverkan. Löftena kan sedan kopplas till ett "
        "fokusområde."
    ),
    empty=gettext_lazy("Inga fokusområden ännu."),
    add=gettext_lazy("Lägg till ett fokusområde"),
)
COMMITMENTS = RowSection(
    what="commitment",
    anchor="loften",
    add_anchor="lagg-till-lofte",
    label=gettext_lazy("Löfte %(n)d"),
    heading=gettext_lazy("Löften"),
    hint=gettext_lazy(
        "Löftena visas för invånarna i den ordning de står här, under sitt fokusområde och den "
        "som ansvarar."
    ),
    empty=gettext_lazy("Inga löften ännu."),
    add=gettext_lazy("Lägg till ett löfte"),
)


class DraftEditor(DocumentEditor):
    """The pledge's draft page's forms (see DocumentEditor)."""

    form_class = DraftForm
    rows_class = DraftRows
    sections = (FOCUS_AREAS, COMMITMENTS)

    def build_row_forms(
        self, *, municipalities: list[Municipality], data: QueryDict | None, initial: dict | None
    ):
        # A commitment's responsible municipality is one of the parties chosen now.
        chosen = data.getlist("municipalities") if data is not None else initial["municipalities"]
        names = {str(m.pk): m.official_name for m in municipalities}
        municipality_choices = [(pk, names[pk]) for pk in names if pk in set(chosen)]
        return {
            "area": focus_area_forms(self.rows, bound=self.bound),
            "commitment": commitment_forms(
                self.rows, municipality_choices=municipality_choices, bound=self.bound
            ),
        }

    def rows_valid(self) -> bool:
        return unique_area_titles(self.row_forms["area"])

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
                for form in self.row_forms["area"]
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
                for form in self.row_forms["commitment"]
            ],
        )
