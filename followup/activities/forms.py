"""Forms of the activity log; the model's clean() gives the Swedish messages."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from followup.activities.models import Activity, PlannedActivity
from pledges.models import Commitment
from portal.forms import DescribedErrorsMixin


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


REQUEST_KINDS = [
    (Activity.Kind.REQUEST_RECEIVED.value, Activity.Kind.REQUEST_RECEIVED.label),
    (Activity.Kind.REQUEST_ANSWERED.value, Activity.Kind.REQUEST_ANSWERED.label),
]


class EachMessageOnceMixin:
    """Give a field each of its messages once, for the error summary and for the field.

    ModelForm runs the model's clean() even when a field failed already, so an empty
    "Vad gjordes?" was "required" for the form and blank for the model, with the same words:
    the summary listed it twice and the field showed it twice under one id.
    """

    def add_error(self, field, error):
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            unseen = {}
            for name, errors in error.error_dict.items():
                shown = set(self.errors.get(name, []))  # the messages, as strings
                errors = [e for e in errors if not set(e) <= shown]
                if errors:
                    unseen[name] = errors
            if not unseen:
                return
            error = ValidationError(unseen)
        super().add_error(field, error)


class ActivityForm(EachMessageOnceMixin, DescribedErrorsMixin, forms.ModelForm):
    """Log or correct an activity. ``instance.commitment`` must be set."""

    link = forms.URLField(
        label=_("Länk"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Till exempel en nyhet om aktiviteten. Frivilligt."),
        error_messages={"invalid": _("Ange en fullständig webbadress, till exempel https://…")},
    )

    class Meta:
        model = Activity
        fields = ["kind", "date", "text", "count", "place", "link", "internal_note"]
        widgets = {
            "date": DateInput(),
            "text": forms.Textarea(attrs={"rows": 3}),
            "internal_note": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"text": _("Vad gjordes?")}
        error_messages = {
            "date": {
                "required": _("Ange datumet då aktiviteten genomfördes."),
                "invalid": _("Ange ett giltigt datum, till exempel 2024-05-14."),
            },
            "text": {"required": _("Beskriv vad som gjordes.")},
            "count": {
                "required": _("Ange hur många gånger (minst 1)."),
                "invalid": _("Ange antalet som en siffra."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        commitment: Commitment = self.instance.commitment
        self.fields["count"].min_value = 1
        self.fields["count"].widget.attrs.update({"min": 1, "inputmode": "numeric"})
        self.fields["count"].error_messages["min_value"] = _("Antal tillfällen måste vara minst 1.")
        self.fields["date"].widget.attrs.update(
            {
                "min": commitment.pledge.period_start.isoformat(),
                "max": commitment.pledge.period_end.isoformat(),
            }
        )
        if commitment.kind == Commitment.Kind.ON_REQUEST:
            self.fields["kind"].choices = REQUEST_KINDS
            self.fields["kind"].label = _("Vad gäller det?")
            if not self.instance.pk:
                self.initial.setdefault("kind", Activity.Kind.REQUEST_RECEIVED)
        else:
            del self.fields["kind"]

    def clean_count(self):
        count = self.cleaned_data.get("count")
        if count is not None and count < 1:
            raise forms.ValidationError(_("Antal tillfällen måste vara minst 1."))
        return count


class ActivityCorrectForm(ActivityForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class PlannedActivityForm(EachMessageOnceMixin, DescribedErrorsMixin, forms.ModelForm):
    class Meta:
        model = PlannedActivity
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"text": {"required": _("Beskriv den planerade aktiviteten.")}}
