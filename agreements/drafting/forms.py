"""The forms of an agreement's draft: starting one, its main fields (validity, parties,
texts, follow-up), and its goals and duties as rows."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from agreements.drafting.document_forms import DatesMixin, DocumentDraftForm, DocumentStartForm
from agreements.drafting.fields import TOO_LONG, date_field, drop_maxlength, text_field
from agreements.models import Agreement, PartyKind
from portal.forms import DescribedErrorsMixin

MUNICIPALITIES_HELP = _("Kryssa i varje kommun som är part i överenskommelsen.")
UNTIL_BEFORE_FROM = _("Slutdatum kan inte ligga före startdatum.")
VALIDITY_FIELDS = ("valid_from", "valid_until", "extends_until_further_notice")


class ValidityMixin(DatesMixin):
    """Valid from a date, until a date or for now without one, perhaps extended until
    further notice: the model's rule (until not before from) as a message on the field."""

    DATE_FIELDS = VALIDITY_FIELDS

    def add_date_fields(self) -> None:
        self.fields["valid_from"] = date_field(_("Gäller från"), required=True)
        self.fields["valid_from"].error_messages["required"] = _(
            "Ange vilken dag överenskommelsen börjar gälla."
        )
        self.fields["valid_until"] = date_field(_("Gäller till och med"))
        self.fields["valid_until"].help_text = _("Lämnas tomt om inget slutdatum är bestämt.")
        self.fields["extends_until_further_notice"] = forms.BooleanField(
            label=_("Förlängs tills vidare"),
            required=False,
            help_text=_("Gäller vidare efter slutdatum om ingen ny överenskommelse har tecknats."),
        )

    @staticmethod
    def validity_initial(agreement: Agreement) -> dict:
        return {name: getattr(agreement, name) for name in VALIDITY_FIELDS}

    def clean_dates(self, cleaned: dict) -> None:
        start, end = cleaned.get("valid_from"), cleaned.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", UNTIL_BEFORE_FROM)


class StartForm(ValidityMixin, DocumentStartForm):
    """A new draft: for which organisation, with which parties, validity and starting text."""

    municipalities_help = MUNICIPALITIES_HELP
    organisation_not_party = _(
        "%(name)s måste vara part i överenskommelsen: välj den bland parterna."
    )
    predecessor_label = _(
        "Utgå från förra överenskommelsen: organisationens senast publicerade "
        "samverkansöverenskommelse (texter, mål och åtaganden, men inte undertecknarna)"
    )
    after_title = VALIDITY_FIELDS


class DraftForm(ValidityMixin, DocumentDraftForm):
    """The draft's own fields: title, validity, parties, texts and follow-up."""

    municipalities_help = MUNICIPALITIES_HELP
    TEXTS = ("introduction", "goals_introduction", "strategy", "follow_up")

    police_party_name = forms.CharField(
        label=_("Polisens part som den skrivs i dokumentet"),
        max_length=120,
        help_text=_("Till exempel Polismyndigheten. Högst 120 tecken."),
        error_messages={
            "required": _("Skriv hur polisen namnges i överenskommelsen."),
            "max_length": TOO_LONG,
        },
    )
    introduction = text_field(_("Inledning"), _("Högst 10 000 tecken."))
    goals_introduction = text_field(
        _("Inledning till målen"), _("Står före listan med mål. Högst 10 000 tecken."), rows=3
    )
    strategy = text_field(
        _("Strategiska förutsättningar för samverkan"),
        _("Står före parternas åtaganden. Högst 10 000 tecken."),
    )
    follow_up = text_field(
        _("Uppföljning"), _("Hur överenskommelsen följs upp. Högst 10 000 tecken."), rows=3
    )
    follow_up_interval_years = forms.IntegerField(
        label=_("Uppföljning vart n:e år"),
        required=False,
        min_value=1,
        max_value=10,
        help_text=_("1 för varje år, 2 för vartannat år. Lämnas tomt om det inte anges."),
        error_messages={
            "invalid": _("Ange ett heltal, till exempel 1."),
            "min_value": _("Uppföljningsintervallet måste vara minst ett år."),
            "max_value": _("Ange högst %(limit_value)s år."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    followed_up_by = forms.CharField(
        label=_("Vem som följer upp"),
        required=False,
        max_length=200,
        help_text=_("Till exempel Styrgruppen för samverkan. Högst 200 tecken."),
        error_messages={"max_length": TOO_LONG},
    )
    content_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    @classmethod
    def initial_for(cls, agreement: Agreement) -> dict:
        names = ("title", "police_party_name", *cls.TEXTS, "followed_up_by", "content_version")
        return {
            **{name: getattr(agreement, name) for name in names},
            **cls.validity_initial(agreement),
            "follow_up_interval_years": agreement.follow_up_interval_years,
            "police_area": agreement.police_area_id or "",
            "municipalities": [str(m.pk) for m in agreement.municipalities.all()],
        }

    def party_fields(self):
        return [self["police_area"], self["police_party_name"], self["municipalities"]]

    def follow_up_fields(self):
        return [self["follow_up"], self["follow_up_interval_years"], self["followed_up_by"]]


class GoalRowForm(DescribedErrorsMixin, forms.Form):
    key = forms.CharField(widget=forms.HiddenInput, max_length=20)
    text = text_field(_("Mål"), _("Högst 10 000 tecken."), required=True, rows=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = _("Skriv målet.")
        drop_maxlength(self)


class DutyRowForm(DescribedErrorsMixin, forms.Form):
    key = forms.CharField(widget=forms.HiddenInput, max_length=20)
    lead_in = text_field(
        _("Inledande stycke"),
        _("Stycket som står före åtagandet, om något. Högst 10 000 tecken."),
        rows=2,
    )
    party = forms.ChoiceField(
        label=_("Part"),
        choices=PartyKind.choices,
        error_messages={
            "required": _("Välj vilken part som åtar sig detta."),
            "invalid_choice": _("Välj ett alternativ i listan."),
        },
    )
    text = text_field(_("Åtagande"), _("Högst 10 000 tecken."), required=True, rows=3)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = _("Skriv vad parten åtar sig.")
        drop_maxlength(self)
