"""Accepting an invitation: the link from the e-mail.

Without an account the person sets their name, title and password; with one, logged in
with the invited address, they accept with one button. A link that is withdrawn,
expired or already used is refused with a page that says which (410), an unknown one
with 404.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from agreements.models import Invitation
from agreements.models.invitations import token_hash
from agreements.people.forms import AcceptNewAccountForm
from agreements.people.services import invitation_accept, invitation_accept_new_account
from portal.forms import add_service_errors


def _refused(request, state: str | None):
    return render(
        request,
        "agreements/people/invitation_refused.html",
        {"state": state},
        status=404 if state is None else 410,
    )


def _welcome(request, invitation: Invitation):
    messages.success(
        request,
        _("Välkommen! Du har nu dina roller i %(organisation)s: %(roles)s.")
        % {
            "organisation": invitation.party.name,
            "roles": ", ".join(label.lower() for label in invitation.role_labels),
        },
    )
    return redirect(settings.LOGIN_REDIRECT_URL)


@never_cache
@require_http_methods(["GET", "POST"])
def accept(request, token: str):
    """Inbjudan: set a name and password, or accept with the account one is logged in as."""
    invitation = (
        Invitation.objects.select_related("municipality", "police_area")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if invitation is None or not invitation.is_pending:
        return _refused(request, invitation.state if invitation else None)
    context = {"invitation": invitation, "organisation": invitation.party.name}
    user = request.user
    if user.is_authenticated:
        if (user.email or "").lower() != invitation.email:
            return render(request, "agreements/people/invitation_other_account.html", context)
        if request.method == "POST":
            try:
                invitation_accept(invitation=invitation, user=user)
            except ValidationError:
                invitation.refresh_from_db()
                return _refused(request, invitation.state)
            return _welcome(request, invitation)
        return render(request, "agreements/people/invitation_accept.html", context)
    if get_user_model().objects.filter(email__iexact=invitation.email).exists():
        login_url = reverse("login") + "?" + urlencode({"next": request.path})
        context["login_url"] = login_url
        return render(request, "agreements/people/invitation_log_in.html", context)
    status = 200
    if request.method == "POST":
        form = AcceptNewAccountForm(request.POST, email=invitation.email)
        if form.is_valid():
            try:
                user = invitation_accept_new_account(
                    invitation=invitation,
                    first_name=form.cleaned_data["first_name"],
                    last_name=form.cleaned_data["last_name"],
                    title=form.cleaned_data["title"],
                    password=form.cleaned_data["password1"],
                )
            except ValidationError as error:
                invitation.refresh_from_db()
                if not invitation.is_pending:
                    return _refused(request, invitation.state)
                add_service_errors(form, error)
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                return _welcome(request, invitation)
        status = 400
    else:
        form = AcceptNewAccountForm(email=invitation.email)
    context["form"] = form
    return render(request, "agreements/people/invitation_new_account.html", context, status=status)
