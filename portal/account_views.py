"""A person's own account: their name and title, and resetting a forgotten password.

The reset pages are Django's own views with Swedish templates and forms. django-axes
guards the login and the signing password only, so the request form has its own limit
(per client, as portal.clients.client_ip sees it, and per address) through the cache; it
answers the same whether or not an address has an account.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from portal.clients import client_ip
from portal.forms import (
    NewPasswordForm,
    ProfileForm,
    ReminderSettingsForm,
    ResetRequestForm,
    add_service_errors,
)
from portal.people import (
    profile_set_reminders,
    profile_title,
    profile_update,
    reminders_enabled,
)
from portal.ratelimit import counted

RESET_LIMIT = 5
RESET_WINDOW_SECONDS = 15 * 60
TOO_MANY_RESETS = gettext_lazy(
    "Det har kommit för många förfrågningar om nytt lösenord på kort tid. Vänta 15 minuter "
    "och försök igen."
)


def _next_url(request) -> str:
    """The page to go back to after saving, if it is one of the portal's own."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    """Ditt namn och din titel: what signatures and events show of the person."""
    user = request.user
    next_url = _next_url(request)
    status = 200
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                profile_update(user=user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Ditt namn och din titel är sparade."))
                return redirect(next_url or "portal:profile")
        status = 400
    else:
        form = ProfileForm(
            initial={
                "first_name": user.first_name,
                "last_name": user.last_name,
                "title": profile_title(user),
            }
        )
    return render(
        request, "portal/profile_form.html", {"form": form, "next": next_url}, status=status
    )


@login_required
@require_http_methods(["GET", "POST"])
def mail_settings(request):
    """E-postinställningar: a person turns reminders off or on (not signature requests)."""
    status = 200
    if request.method == "POST":
        form = ReminderSettingsForm(request.POST)
        if form.is_valid():
            enabled = form.cleaned_data["reminders"] == ReminderSettingsForm.ON
            profile_set_reminders(user=request.user, enabled=enabled)
            messages.success(request, _("Dina e-postinställningar är sparade."))
            return redirect("portal:mail_settings")
        status = 400
    else:
        on = reminders_enabled(request.user)
        form = ReminderSettingsForm(
            initial={"reminders": ReminderSettingsForm.ON if on else ReminderSettingsForm.OFF}
        )
    return render(request, "portal/mail_settings_form.html", {"form": form}, status=status)


def reset_request_allowed(request, email: str) -> bool:
    """Count this request for the client and for the address; whether both are within
    the limit. An address is counted whether or not it has an account."""
    address = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    by_client = counted(f"password-reset:client:{client_ip(request)}", RESET_WINDOW_SECONDS)
    by_address = counted(f"password-reset:address:{address}", RESET_WINDOW_SECONDS)
    return by_client <= RESET_LIMIT and by_address <= RESET_LIMIT


class ResetRequestView(auth_views.PasswordResetView):
    """Glömt lösenordet: ask for a link by e-mail."""

    form_class = ResetRequestForm
    template_name = "registration/password_reset_form.html"
    subject_template_name = "registration/password_reset_subject.txt"
    email_template_name = "registration/password_reset_email.txt"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        if not reset_request_allowed(self.request, form.cleaned_data["email"]):
            form.add_error(None, TOO_MANY_RESETS)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        self.extra_email_context = {
            "site_url": settings.SITE_URL,
            "valid_hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        }
        return super().form_valid(form)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    """The link from the e-mail: set a new password (Django's validators), once."""

    form_class = NewPasswordForm
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")


class ResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"
