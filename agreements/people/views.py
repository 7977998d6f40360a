"""The people pages of an organisation's administrators: who has which role, invitations.

Every page and every write checks on the server that the user administers this
organisation (get_party_for_administrator); the services check it again.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from agreements.models import Membership
from agreements.people.access import (
    get_invitation_for_administrator,
    get_party_for_administrator,
    party_kind,
)
from agreements.people.forms import InvitationForm, RolesForm
from agreements.people.selectors import organisation_people, party_filter, pending_invitations
from agreements.people.services import (
    invitation_create,
    invitation_renew,
    invitation_withdraw,
    member_remove,
    membership_roles_set,
)
from agreements.people.tasks import invitation_queue
from portal.forms import add_service_errors
from portal.people import display_name

MAIL_FAILED = gettext_lazy(
    "E-postmeddelandet kunde inte skickas just nu. Inbjudan är sparad: försök skicka den "
    "igen om en stund med ”Skicka igen”."
)


def people_url(party) -> str:
    return reverse(
        "agreements:people",
        kwargs={"kind": party_kind(party), "slug": party.organisation.slug},
    )


def _send(request, invitation) -> None:
    """Hand the invitation to the background worker, which makes its link and mails it."""
    outcome = invitation_queue(invitation)
    if outcome == "sent":
        messages.success(
            request, _("Inbjudan är skickad till %(email)s.") % {"email": invitation.email}
        )
    elif outcome == "queued":
        messages.success(
            request,
            _("Inbjudan till %(email)s skickas inom några minuter.") % {"email": invitation.email},
        )
    else:
        messages.error(request, str(MAIL_FAILED))


@login_required
def people(request, kind: str, slug: str):
    """Personer: the organisation's people with their roles, and pending invitations."""
    party = get_party_for_administrator(request.user, kind, slug)
    return render(
        request,
        "agreements/people/people.html",
        {
            "party": party,
            "kind": kind,
            "people": organisation_people(party=party),
            "invitations": pending_invitations(party=party),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def invite(request, kind: str, slug: str):
    """Bjud in en person: an e-mail address and one or more roles."""
    party = get_party_for_administrator(request.user, kind, slug)
    status = 200
    if request.method == "POST":
        form = InvitationForm(request.POST)
        if form.is_valid():
            try:
                invitation, _token = invitation_create(
                    invited_by=request.user, party=party, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                _send(request, invitation)
                return redirect(people_url(party))
        status = 400
    else:
        form = InvitationForm()
    return render(
        request,
        "agreements/people/invite.html",
        {"party": party, "kind": kind, "form": form},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def person(request, kind: str, slug: str, user_id: int):
    """One person's roles in the organisation: change them, or remove the person."""
    party = get_party_for_administrator(request.user, kind, slug)
    member = get_object_or_404(
        get_user_model()
        .objects.filter(memberships__in=Membership.objects.filter(**party_filter(party)))
        .distinct(),
        pk=user_id,
    )
    held = list(
        Membership.objects.filter(user=member, **party_filter(party)).values_list("role", flat=True)
    )
    status = 200
    if request.method == "POST":
        form = RolesForm(request.POST)
        if form.is_valid():
            try:
                membership_roles_set(
                    party=party,
                    person=member,
                    roles=form.cleaned_data["roles"],
                    changed_by=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Rollerna för %(name)s är sparade.") % {"name": display_name(member)},
                )
                return redirect(people_url(party))
        status = 400
    else:
        form = RolesForm(initial={"roles": held})
    return render(
        request,
        "agreements/people/person.html",
        {"party": party, "kind": kind, "form": form, "member": member},
        status=status,
    )


@login_required
@require_POST
def remove(request, kind: str, slug: str, user_id: int):
    """Remove a person from the organisation (their history and signatures stay)."""
    party = get_party_for_administrator(request.user, kind, slug)
    member = get_object_or_404(get_user_model(), pk=user_id)
    try:
        member_remove(party=party, person=member, removed_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(people_url(party))
    messages.success(
        request,
        _("%(name)s är borttagen från %(organisation)s.")
        % {"name": display_name(member), "organisation": party.organisation},
    )
    if member == request.user:
        return redirect(settings.LOGIN_REDIRECT_URL)
    return redirect(people_url(party))


@login_required
@require_POST
def invitation_resend(request, kind: str, slug: str, pk: int):
    """Send the invitation again, with a new link valid for seven days."""
    party, invitation = get_invitation_for_administrator(request.user, kind, slug, pk)
    try:
        invitation_renew(invitation=invitation, renewed_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        invitation.refresh_from_db()
        _send(request, invitation)
    return redirect(people_url(party))


@login_required
@require_POST
def invitation_withdrawn(request, kind: str, slug: str, pk: int):
    """Withdraw an invitation: its link stops working."""
    party, invitation = get_invitation_for_administrator(request.user, kind, slug, pk)
    try:
        invitation_withdraw(invitation=invitation, withdrawn_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Inbjudan till %(email)s är återkallad.") % {"email": invitation.email},
        )
    return redirect(people_url(party))
