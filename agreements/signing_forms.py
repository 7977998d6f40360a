"""The forms of signing, the same for pledges, agreements and annual reviews: sign with
the step-up password, or send back with a comment."""

from __future__ import annotations

from django import forms
from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _

from agreements.signing import WRONG_PASSWORD
from portal.forms import DescribedErrorsMixin

COMMENT_MAX = 20_000


class SignForm(DescribedErrorsMixin, forms.Form):
    title = forms.CharField(
        label=_("Din titel"),
        required=False,
        max_length=150,
        help_text=_("Som den ska stå vid din underskrift, till exempel Kommunchef."),
    )
    password = forms.CharField(
        label=_("Ditt lösenord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Bekräfta att det är du som skriver under."),
        error_messages={"required": _("Skriv ditt lösenord för att skriva under.")},
    )
    content_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def is_confirmed(self, request) -> bool:
        """Valid, and the password is the signatory's own (counted by django-axes)."""
        if self.is_valid() and not password_confirmed(request, self.cleaned_data["password"]):
            self.add_error("password", WRONG_PASSWORD)
        return self.is_valid()


class ReturnForm(DescribedErrorsMixin, forms.Form):
    comment = forms.CharField(
        label=_("Vad behöver ändras?"),
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("De som skriver dokumentet ser kommentaren när det är tillbaka som utkast."),
        error_messages={"required": _("Skriv vad som behöver ändras.")},
    )


def password_confirmed(request, password: str) -> bool:
    """Check the signatory's password through the authentication backends, outside any
    transaction, so that django-axes counts a wrong guess as it does at login and locks
    the account (the lockout page) after repeated failures."""
    confirmed = authenticate(request, username=request.user.get_username(), password=password)
    return confirmed is not None and confirmed.pk == request.user.pk
