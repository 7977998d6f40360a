"""Forms of the people pages and of accepting an invitation."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from agreements.models import Membership
from portal.forms import DescribedErrorsMixin, ProfileForm

ROLES_REQUIRED = _("Välj minst en roll.")


class RolesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Roller"))
        super().__init__(
            choices=Membership.Role.choices,
            error_messages={
                "required": ROLES_REQUIRED,
                "invalid_choice": _("Välj bland rollerna i listan."),
            },
            **kwargs,
        )


class InvitationForm(DescribedErrorsMixin, forms.Form):
    """Invite a colleague by e-mail with one or more roles."""

    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        help_text=_("Personen får en länk som gäller i sju dagar och kan användas en gång."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": _("Skriv personens e-postadress."),
            "invalid": _("Skriv en e-postadress, till exempel namn@kommun.se."),
            "max_length": _("E-postadressen får vara högst %(limit_value)d tecken."),
        },
    )
    roles = RolesField()

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class RolesForm(DescribedErrorsMixin, forms.Form):
    """A person's roles in the organisation."""

    roles = RolesField()


class AcceptNewAccountForm(ProfileForm):
    """Accepting an invitation without an account: name, title and a password."""

    password1 = forms.CharField(
        label=_("Lösenord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Välj ett lösenord.")},
    )
    password2 = forms.CharField(
        label=_("Skriv lösenordet igen"),
        strip=False,
        help_text=_("Samma lösenord en gång till, så att inget skrivfel slinker med."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Skriv lösenordet en gång till.")},
    )

    def __init__(self, *args, email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.fields["password1"].help_text = " ".join(
            str(text) for text in password_validation.password_validators_help_texts()
        )

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Lösenorden är inte likadana."))
        elif first:
            candidate = get_user_model()(
                username=self.email,
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
