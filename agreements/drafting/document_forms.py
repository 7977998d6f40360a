"""The two forms every document type's drafting builds on: the start form (for which
organisation, with which parties, title, dates and starting text) and the draft page's
main form (title, dates, parties, texts). A document type adds its dates with a mixin
that declares ``DATE_FIELDS``, ``add_date_fields`` and ``clean_dates``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from agreements.drafting.fields import (
    TITLE_MAX,
    OrganisationMixin,
    PartiesMixin,
    drop_maxlength,
    title_field,
)
from agreements.models import Municipality, PoliceArea
from portal.forms import DescribedErrorsMixin


class DatesMixin:
    """What a document type's dates mixin provides (validity, period)."""

    DATE_FIELDS: tuple[str, ...] = ()

    def add_date_fields(self) -> None:
        raise NotImplementedError

    def clean_dates(self, cleaned: dict) -> None:
        raise NotImplementedError


class DocumentStartForm(
    DatesMixin, PartiesMixin, OrganisationMixin, DescribedErrorsMixin, forms.Form
):
    """A new draft: for which organisation, with which parties, dates and starting text."""

    EMPTY = "empty"
    PREDECESSOR = "predecessor"
    # "Utgå från förra …: organisationens senast publicerade …" in the document's words.
    predecessor_label: str
    # The fields shown after the title, before "Börja från".
    after_title: tuple[str, ...] = ()

    title = title_field(_("Rubrik"), TITLE_MAX)
    start_from = forms.ChoiceField(
        label=_("Börja från"),
        widget=forms.RadioSelect,
        initial=EMPTY,
        error_messages={"required": _("Välj hur utkastet ska börja.")},
    )

    def __init__(
        self,
        *args,
        organisations: list[Municipality | PoliceArea],
        municipalities: list[Municipality],
        police_areas: list[PoliceArea],
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.fields["start_from"].choices = [
            (self.EMPTY, _("Ett tomt utkast")),
            (self.PREDECESSOR, self.predecessor_label),
        ]
        self.add_organisation_field(organisations)
        self.add_party_fields(municipalities, police_areas)
        self.add_date_fields()
        drop_maxlength(self)
        # Field order on the page: who, parties, title, dates, start.
        self.order_fields(["party", "police_area", "municipalities", "title", *self.after_title])

    def clean(self):
        cleaned = super().clean()
        self.clean_dates(cleaned)
        self.clean_parties(cleaned)
        self.clean_organisation(cleaned)
        return cleaned

    def from_predecessor(self) -> bool:
        return self.cleaned_data["start_from"] == self.PREDECESSOR


class DocumentDraftForm(DatesMixin, PartiesMixin, DescribedErrorsMixin, forms.Form):
    """The draft's own fields: title, dates, parties and texts (``TEXTS``)."""

    TEXTS: tuple[str, ...] = ()

    title = title_field(_("Rubrik"), TITLE_MAX)

    def __init__(
        self, *args, municipalities: list[Municipality], police_areas: list[PoliceArea], **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.add_party_fields(municipalities, police_areas)
        self.add_date_fields()
        drop_maxlength(self)

    @classmethod
    def added_fields(cls) -> tuple[str, ...]:
        """The fields __init__ adds to the declared ones."""
        return ("police_area", "municipalities", *cls.DATE_FIELDS)

    def party_fields(self):
        return [self["police_area"], self["municipalities"]]

    def text_fields(self):
        return [self[n] for n in self.TEXTS]

    def clean(self):
        cleaned = super().clean()
        self.clean_dates(cleaned)
        self.clean_parties(cleaned)
        return cleaned
