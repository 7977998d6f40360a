"""Forms of the portal's shared pages."""

from __future__ import annotations

import re

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.contrib.auth.password_validation import password_validators_help_texts
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.documents.uploads import read_pdf_upload
from portal.people import FIRST_NAME_REQUIRED, LAST_NAME_REQUIRED

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


class DescribedErrorsMixin:
    """Tie each field's error message to its input (aria-describedby), with the hint."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            ids = [f"{bound.auto_id}_error"]
            if self.fields[name].help_text:
                ids.append(f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field where it names one."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


class LoginForm(AuthenticationForm):
    """Django's login form without ``autofocus``.

    A field that takes focus on load puts the first Tab after the skip link, which
    keyboard users expect to reach first (WCAG 2.4.1, 2.4.3).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.pop("autofocus", None)


class ProfileForm(DescribedErrorsMixin, forms.Form):
    """A person's own full name and title."""

    first_name = forms.CharField(
        label=_("Förnamn"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        error_messages={
            "required": FIRST_NAME_REQUIRED,
            "max_length": _("Förnamnet får vara högst %(limit_value)d tecken."),
        },
    )
    last_name = forms.CharField(
        label=_("Efternamn"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
        error_messages={
            "required": LAST_NAME_REQUIRED,
            "max_length": _("Efternamnet får vara högst %(limit_value)d tecken."),
        },
    )
    title = forms.CharField(
        label=_("Titel"),
        required=False,
        max_length=150,
        help_text=_(
            "Som den ska stå vid dina underskrifter, till exempel Kommunchef eller "
            "Lokalpolisområdeschef."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
        error_messages={"max_length": _("Titeln får vara högst %(limit_value)d tecken.")},
    )


class ReminderSettingsForm(DescribedErrorsMixin, forms.Form):
    """Whether a person wants reminders by e-mail (signature requests always come)."""

    ON, OFF = "on", "off"
    reminders = forms.ChoiceField(
        label=_("Påminnelser"),
        choices=[
            (ON, _("Ja, påminn mig om uppföljningar som snart ska göras eller är sena")),
            (OFF, _("Nej, skicka inga påminnelser")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Välj om du vill ha påminnelser."),
            "invalid_choice": _("Välj om du vill ha påminnelser."),
        },
    )


class ResetRequestForm(DescribedErrorsMixin, PasswordResetForm):
    """Django's password reset request, in Swedish words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = _("Din e-postadress")
        email.help_text = _("Adressen som ditt konto i portalen har.")
        email.error_messages = {
            **email.error_messages,
            "required": _("Skriv din e-postadress."),
            "invalid": _("Skriv en e-postadress, till exempel namn@kommun.se."),
            "max_length": _("E-postadressen får vara högst %(limit_value)d tecken."),
        }


class NewPasswordForm(DescribedErrorsMixin, SetPasswordForm):
    """Django's set-a-new-password form (with the password validators), without autofocus
    for the same reason as the login form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        first, second = self.fields["new_password1"], self.fields["new_password2"]
        first.widget.attrs.pop("autofocus", None)
        first.label = _("Nytt lösenord")
        # Django's help text is an HTML list; the hint is one paragraph of plain text.
        first.help_text = " ".join(str(text) for text in password_validators_help_texts())
        first.error_messages = {**first.error_messages, "required": _("Skriv ett nytt lösenord.")}
        second.label = _("Skriv det nya lösenordet igen")
        second.help_text = _("Samma lösenord en gång till, så att inget skrivfel slinker med.")
        second.error_messages = {
            **second.error_messages,
            "required": _("Skriv det nya lösenordet en gång till."),
        }


class VerifyDocumentForm(forms.Form):
    """Upload a PDF or paste its SHA-256: one of the two."""

    file = forms.FileField(
        label=_("Ladda upp en PDF"),
        required=False,
        allow_empty_file=True,  # read_pdf_upload gives the Swedish answer for an empty file
        help_text=_("Välj PDF-filen du vill kontrollera."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    sha256 = forms.CharField(
        label=_("Eller klistra in dokumentets SHA-256-kontrollsumma"),
        required=False,
        max_length=200,
        help_text=_("64 tecken, siffror och bokstäverna a–f."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        return read_pdf_upload(upload)

    def clean_sha256(self) -> str:
        value = re.sub(r"\s+", "", self.cleaned_data.get("sha256", "")).lower()
        if value and not SHA256_RE.match(value):
            raise ValidationError(
                _("En SHA-256-kontrollsumma består av 64 tecken: siffror och bokstäverna a–f."),
                code="invalid_sha256",
            )
        return value

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if not cleaned.get("file") and not cleaned.get("sha256"):
            raise ValidationError(
                _("Välj en PDF-fil eller klistra in en kontrollsumma."), code="nothing"
            )
        return cleaned
