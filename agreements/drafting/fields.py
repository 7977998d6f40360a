"""Form fields and form pieces every draft page uses: long texts and titles whose limits
are told, never cut; years and dates; the parties; the organisation an editor writes for."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from agreements.models import Municipality, PoliceArea

TITLE_MAX = 200
TEXT_MAX = 10_000
FIRST_YEAR, LAST_YEAR = 1990, 2100

TOO_LONG = _("Texten får vara högst %(limit_value)d tecken (den har %(show_value)d).")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def text_field(label, help_text="", *, required=False, max_length=TEXT_MAX, rows=5):
    """A long text: its limit is enforced with a message, never by cutting what was typed."""
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"max_length": TOO_LONG},
    )


def title_field(label, max_length: int) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        error_messages={
            "required": _("Skriv en rubrik."),
            "max_length": _(
                "Rubriken får vara högst %(limit_value)d tecken (den har %(show_value)d)."
            ),
        },
    )


def drop_maxlength(form: forms.BaseForm) -> None:
    """The browser's maxlength would cut a pasted text without a word: the form says it."""
    for field in form.fields.values():
        field.widget.attrs.pop("maxlength", None)


def year_field(label) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={
            "invalid": _("Ange ett årtal med fyra siffror, till exempel 2026."),
            "min_value": _("Ange ett årtal från %(limit_value)s."),
            "max_value": _("Ange ett årtal till och med %(limit_value)s."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


def date_field(label, *, required: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        error_messages={
            "invalid": _("Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2026-01-01."),
            "required": _("Ange ett datum."),
        },
    )


class PartiesMixin:
    """The police area and the municipalities, chosen among the ones the editor works with."""

    municipalities_help = _("Kryssa i varje kommun som är part.")

    def add_party_fields(
        self, municipalities: list[Municipality], police_areas: list[PoliceArea]
    ) -> None:
        self.municipality_by_pk = {str(m.pk): m for m in municipalities}
        self.police_area_by_pk = {str(a.pk): a for a in police_areas}
        self.fields["police_area"] = forms.ChoiceField(
            label=_("Lokalpolisområde"),
            choices=[("", _("Välj lokalpolisområde")), *((a.pk, a.name) for a in police_areas)],
            error_messages={
                "required": _("Välj lokalpolisområdet som är part."),
                "invalid_choice": _("Välj ett lokalpolisområde i listan."),
            },
        )
        self.fields["municipalities"] = forms.MultipleChoiceField(
            label=_("Kommuner"),
            choices=[(m.pk, m.official_name) for m in municipalities],
            widget=forms.CheckboxSelectMultiple,
            help_text=self.municipalities_help,
            error_messages={
                "required": _("Välj minst en kommun."),
                "invalid_choice": _("Välj kommuner i listan."),
            },
        )

    def clean_parties(self, cleaned: dict) -> None:
        if "police_area" in cleaned:
            cleaned["police_area"] = self.police_area_by_pk[cleaned["police_area"]]
        if "municipalities" in cleaned:
            cleaned["municipalities"] = [
                self.municipality_by_pk[pk] for pk in cleaned["municipalities"]
            ]


def organisation_name(organisation: Municipality | PoliceArea) -> str:
    if isinstance(organisation, PoliceArea):
        return _("Lokalpolisområde %(name)s") % {"name": organisation.name}
    return organisation.official_name


def organisation_key(organisation: Municipality | PoliceArea) -> str:
    prefix = "lokalpolisomrade" if isinstance(organisation, PoliceArea) else "kommun"
    return f"{prefix}-{organisation.pk}"


class OrganisationMixin:
    """ "Du skriver för": the organisation a new draft is started for, which must be
    one of the parties it names."""

    # "%(name)s måste vara part i …: välj den bland parterna." in the document's words.
    organisation_not_party = _("%(name)s måste vara part i dokumentet: välj den bland parterna.")

    def add_organisation_field(self, organisations: list[Municipality | PoliceArea]) -> None:
        self.organisations = {organisation_key(o): o for o in organisations}
        self.fields["party"] = forms.ChoiceField(
            label=_("Du skriver för"),
            widget=forms.RadioSelect,
            choices=[(key, organisation_name(o)) for key, o in self.organisations.items()],
            error_messages={"required": _("Välj organisationen du skriver för.")},
        )
        if len(organisations) == 1:
            self.fields["party"].initial = next(iter(self.organisations))

    def clean_organisation(self, cleaned: dict) -> None:
        """After clean_parties: the organisation as an object, named among the parties."""
        if "party" not in cleaned:
            return
        cleaned["party"] = organisation = self.organisations[cleaned["party"]]
        named = [cleaned.get("police_area"), *cleaned.get("municipalities", [])]
        if "police_area" in cleaned and "municipalities" in cleaned and organisation not in named:
            raise ValidationError(
                self.organisation_not_party % {"name": organisation_name(organisation)}
            )
