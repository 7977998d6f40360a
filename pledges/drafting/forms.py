"""The forms of a pledge's draft: starting one, and its main fields (texts, period,
parties). The focus areas and commitments are rows (rows.py)."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from agreements.drafting.document_forms import DatesMixin, DocumentDraftForm, DocumentStartForm
from agreements.drafting.fields import date_field, text_field, year_field

MUNICIPALITIES_HELP = _("Kryssa i varje kommun som är part i medborgarlöftet.")

END_BEFORE_START = _("Periodens slut kan inte ligga före dess början.")
PERIOD_FIELDS = ("start_year", "end_year", "start_date", "end_date")


class PeriodMixin(DatesMixin):
    """The period as whole calendar years or as exact dates; cleaned into
    ``period_start`` and ``period_end`` (dates) whichever way it was given."""

    DATE_FIELDS = PERIOD_FIELDS

    def add_date_fields(self) -> None:
        self.fields["start_year"] = year_field(_("Första år"))
        self.fields["end_year"] = year_field(_("Sista år"))
        self.fields["start_date"] = date_field(_("Första dag"))
        self.fields["end_date"] = date_field(_("Sista dag"))
        self.fields["start_year"].help_text = _("Till exempel 2026. Perioden börjar 1 januari.")
        self.fields["end_year"].help_text = _("Samma som första år för ett ettårigt löfte.")
        self.fields["start_date"].help_text = _(
            "Bara om perioden inte följer kalenderår; annars lämnas datumen tomma."
        )

    @staticmethod
    def period_initial(start: datetime.date, end: datetime.date) -> dict:
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            return {"start_year": start.year, "end_year": end.year}
        return {"start_date": start, "end_date": end}

    def clean_dates(self, cleaned: dict) -> None:
        if any(name in self.errors for name in PERIOD_FIELDS):
            return
        start_date, end_date = cleaned.get("start_date"), cleaned.get("end_date")
        start_year, end_year = cleaned.get("start_year"), cleaned.get("end_year")
        if start_date or end_date:
            if not start_date:
                self.add_error("start_date", _("Ange periodens första dag."))
                return
            if not end_date:
                self.add_error("end_date", _("Ange periodens sista dag."))
                return
            start, end, end_field = start_date, end_date, "end_date"
        else:
            if start_year is None and end_year is None:
                self.add_error(
                    "start_year", _("Ange periodens första och sista år, eller exakta datum.")
                )
                return
            if start_year is None:
                self.add_error("start_year", _("Ange periodens första år."))
                return
            if end_year is None:
                self.add_error("end_year", _("Ange periodens sista år."))
                return
            start = datetime.date(start_year, 1, 1)
            end = datetime.date(end_year, 12, 31)
            end_field = "end_year"
        if end < start:
            self.add_error(end_field, END_BEFORE_START)
            return
        cleaned["period_start"], cleaned["period_end"] = start, end


class StartForm(PeriodMixin, DocumentStartForm):
    """A new draft: for which organisation, with which parties, period and starting text."""

    municipalities_help = MUNICIPALITIES_HELP
    organisation_not_party = _(
        "%(name)s måste vara part i medborgarlöftet: välj den bland parterna."
    )
    predecessor_label = _(
        "Utgå från förra löftet: organisationens senast publicerade medborgarlöfte "
        "(texter, fokusområden och löften, men inte undertecknarna)"
    )
    # Only the years are placed: the exact dates follow "Börja från" in the error summary.
    after_title = ("start_year", "end_year")


class DraftForm(PeriodMixin, DocumentDraftForm):
    """The draft's own fields: title, period, parties and texts."""

    municipalities_help = MUNICIPALITIES_HELP

    background = text_field(_("Bakgrund"), _("Högst 10 000 tecken."))
    basis = text_field(
        _("Underlag"),
        _(
            "Vad löftet bygger på: medborgardialoger, trygghetsundersökning, lägesbilder … "
            "Högst 10 000 tecken."
        ),
    )
    goal = text_field(_("Mål"), _("Högst 10 000 tecken."))
    effects = text_field(
        _("Förväntade effekter"),
        _("Vad parterna väntar sig att löftet ska leda till. Högst 10 000 tecken."),
    )
    feedback = text_field(
        _("Återkoppling till invånarna"),
        _("Hur invånarna får veta hur arbetet går. Högst 10 000 tecken."),
        rows=3,
    )
    follow_up = text_field(
        _("Uppföljning"), _("Hur och när löftet följs upp. Högst 10 000 tecken."), rows=3
    )
    content_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    TEXTS = ("background", "basis", "goal", "effects", "feedback", "follow_up")

    @classmethod
    def initial_for(cls, pledge) -> dict:
        return {
            "title": pledge.title,
            **cls.period_initial(pledge.period_start, pledge.period_end),
            "police_area": pledge.police_area_id or "",
            "municipalities": [str(m.pk) for m in pledge.municipalities.all()],
            **{name: getattr(pledge, name) for name in cls.TEXTS},
            "content_version": pledge.content_version,
        }
