"""Forms of the annual follow-up: the draft, the signature and the return."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from followup.reviews.models import Assessment, Review, ReviewItem
from portal.forms import DescribedErrorsMixin

TEXT_MAX = 20_000


class ReviewForm(DescribedErrorsMixin, forms.Form):
    """The draft: summary, lessons, next year's intentions and one assessment per item."""

    summary = forms.CharField(
        label=_("Sammanfattning"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Hur gick året? Visas för invånarna när uppföljningen är publicerad."),
    )
    lessons = forms.CharField(
        label=_("Vad parterna har lärt sig"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    next_steps = forms.CharField(
        label=_("Vad parterna tänker göra nästa år"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    confirm_short_of_target = forms.BooleanField(
        label=_(
            "Bedömningarna stämmer, också där loggen visar färre tillfällen än målet "
            "(till exempel för att allt inte loggades i portalen)."
        ),
        required=False,
    )
    content_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    # Set by the view when the draft was saved but could not be sent: the page says so.
    submission_refused = False

    def __init__(self, *args, review: Review, items: list[ReviewItem], **kwargs):
        if "initial" not in kwargs:
            kwargs["initial"] = {
                "summary": review.summary,
                "lessons": review.lessons,
                "next_steps": review.next_steps,
                "content_version": review.content_version,
                **{f"item_{i.pk}_assessment": i.assessment for i in items},
                **{f"item_{i.pk}_comment": i.comment for i in items},
            }
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"item_{item.pk}_assessment"] = forms.ChoiceField(
                label=_("Bedömning"),
                required=False,
                choices=[("", _("Inte bedömt ännu")), *Assessment.choices],
                error_messages={"invalid_choice": _("Välj en bedömning från listan.")},
            )
            self.fields[f"item_{item.pk}_comment"] = forms.CharField(
                label=_("Kommentar"),
                required=False,
                max_length=TEXT_MAX,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    @property
    def item_rows(self):
        """(item, [assessment field, comment field]) for the template, in order."""
        return [
            (item, [self[f"item_{item.pk}_assessment"], self[f"item_{item.pk}_comment"]])
            for item in self.items
        ]

    @property
    def text_fields(self):
        return [self["summary"], self["lessons"], self["next_steps"]]

    def assessments(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {
            item.pk: (data[f"item_{item.pk}_assessment"], data[f"item_{item.pk}_comment"])
            for item in self.items
        }
