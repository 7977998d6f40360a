"""Staff upload the follow-up of a period from before the portal: its scanned original."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement
from followup.reviews.models import Review
from followup.reviews.periods import period_starting
from pledges.models import Pledge
from portal.documents.scanned import read_scanned_original_upload


def document_choices() -> list[tuple[str, str]]:
    """Every published pledge and agreement, as "pledge:12" / "agreement:3"."""
    pledges = [(f"pledge:{p.pk}", str(p)) for p in Pledge.objects.published().order_by("title")]
    agreements = [
        (f"agreement:{a.pk}", str(a)) for a in Agreement.objects.published().order_by("title")
    ]
    return [
        (_("Medborgarlöften"), pledges),
        (_("Samverkansöverenskommelser"), agreements),
    ]


class ScannedReviewForm(forms.ModelForm):
    """A follow-up signed on paper: the document, the period and the scanned PDF."""

    target = forms.ChoiceField(label=_("Dokument som följdes upp"), choices=())
    period_start = forms.DateField(
        label=_("Periodens första dag"),
        help_text=_(
            "För ett medborgarlöfte den 1 januari det år som följdes upp, till exempel "
            "2017-01-01; för en överenskommelse uppföljningsperiodens första dag."
        ),
        error_messages={"invalid": _("Ange ett datum, till exempel 2017-01-01.")},
    )
    upload = forms.FileField(
        label=_("PDF-fil"),
        allow_empty_file=True,
        help_text=_("Den undertecknade uppföljningen, inskannad som PDF."),
    )
    signed_by = forms.CharField(
        label=_("Undertecknad av"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("En rad per person: namn, titel, organisation."),
    )
    note = forms.CharField(label=_("Anteckning"), required=False, max_length=500)

    class Meta:
        model = Review
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", "---------"), *document_choices()]

    def clean_target(self) -> Pledge | Agreement:
        kind, _sep, pk = self.cleaned_data["target"].partition(":")
        model = {"pledge": Pledge, "agreement": Agreement}.get(kind)
        document = model.objects.published().filter(pk=pk).first() if model else None
        if document is None:
            raise ValidationError(_("Välj ett publicerat medborgarlöfte eller en överenskommelse."))
        return document

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        read_scanned_original_upload(upload)  # a clear Swedish message for anything but a plain PDF
        return upload

    def clean(self):
        cleaned = super().clean()
        document, start = cleaned.get("target"), cleaned.get("period_start")
        if document is None or start is None:
            return cleaned
        if period_starting(document, start) is None:
            self.add_error(
                "period_start", _("Ingen uppföljningsperiod för dokumentet börjar den dagen.")
            )
        else:
            field = "pledge" if isinstance(document, Pledge) else "agreement"
            if Review.objects.filter(**{field: document}, period_start=start).exists():
                self.add_error(
                    "period_start", _("Det finns redan en uppföljning för perioden i portalen.")
                )
        return cleaned
