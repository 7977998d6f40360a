from django import forms
from django.utils.translation import gettext_lazy as _


class FollowForm(forms.Form):
    """An address to send the news of one place to. Its ids start with "folj-": the form
    sits on the municipality and police area pages beside their other content."""

    epost = forms.EmailField(
        label=_("Din e-postadress"),
        max_length=254,
        error_messages={
            "required": _("Skriv din e-postadress."),
            "invalid": _("Skriv en e-postadress i formen namn@exempel.se."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("auto_id", "folj-%s")
        super().__init__(*args, **kwargs)
