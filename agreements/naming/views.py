"""The page where an organisation names the police area that answers for a municipality.

A police area's editors and administrators, and a municipality's administrators, see who
answers now, the proposals waiting and every earlier one, with who did what and when;
they propose, and answer or withdraw proposals. Every write is checked on the server
(here and again in the services).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from agreements.models import Party, PoliceAreaNaming
from agreements.naming.forms import ProposeForm
from agreements.naming.selectors import naming_page, naming_url
from agreements.naming.services import (
    can_act_for,
    naming_accept,
    naming_decline,
    naming_propose,
    naming_withdraw,
)
from agreements.people.access import organisation_at, party_kind
from portal.forms import add_service_errors


def get_party_for_naming(user, kind: str, slug: str) -> Party:
    """The organisation at ``kind``/``slug``: 404 when there is none, 403 unless ``user``
    may name police areas for it."""
    party = organisation_at(kind, slug)
    if not can_act_for(user, party):
        raise PermissionDenied
    return party


def _render(request, party: Party, form: ProposeForm, status: int = 200):
    return render(
        request,
        "agreements/naming/naming_page.html",
        {
            "page": naming_page(request.user, party),
            "form": form,
            "party": party,
            "kind": party_kind(party),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def police_area_naming(request, kind: str, slug: str):
    """Ansvarigt lokalpolisområde: who answers, proposals, and the form to propose."""
    party = get_party_for_naming(request.user, kind, slug)
    if request.method != "POST":
        return _render(request, party, ProposeForm(party=party))
    form = ProposeForm(request.POST, party=party)
    if form.is_valid():
        municipality = form.cleaned_data.get("municipality") or party.municipality
        police_area = form.cleaned_data.get("police_area") or party.police_area
        try:
            naming = naming_propose(
                user=request.user,
                municipality=municipality,
                police_area=police_area,
                by_police=party.is_police,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Förslaget är skickat: %(area)s för %(municipality)s. Det gäller när "
                    "%(other)s har godkänt det."
                )
                % {
                    "area": Party(police_area=naming.police_area).name,
                    "municipality": naming.municipality.official_name,
                    "other": naming.municipality.official_name
                    if party.is_police
                    else Party(police_area=naming.police_area).name,
                },
            )
            return redirect(naming_url(party))
    return _render(request, party, form, status=400)


def _accepted(naming: PoliceAreaNaming) -> str:
    return _("Godkänt: %(area)s svarar nu för %(municipality)s.") % {
        "area": Party(police_area=naming.police_area).name,
        "municipality": naming.municipality.official_name,
    }


ACTIONS = {
    "godkann": (naming_accept, _accepted),
    "avboj": (naming_decline, lambda naming: _("Förslaget är avböjt.")),
    "aterta": (naming_withdraw, lambda naming: _("Förslaget är återtaget.")),
}


@login_required
@require_POST
def naming_answer(request, kind: str, slug: str, pk: int, action: str):
    """Accept, decline or withdraw one proposal that concerns this organisation."""
    party = get_party_for_naming(request.user, kind, slug)
    if action not in ACTIONS:
        raise Http404
    concerns = (
        {"police_area": party.police_area}
        if party.is_police
        else {"municipality": party.municipality}
    )
    naming = get_object_or_404(
        PoliceAreaNaming.objects.select_related("municipality", "police_area"), pk=pk, **concerns
    )
    service, done = ACTIONS[action]
    try:
        naming = service(user=request.user, naming=naming)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done(naming))
    return redirect(naming_url(party))
