"""Coordinator and editor pages: start page, log, correct, withdraw, history, planned."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from agreements.models import Membership
from agreements.permissions import roles_of
from followup import services
from followup.forms import ActivityCorrectForm, ActivityForm, PlannedActivityForm
from followup.models import Activity
from followup.review_selectors import coordinator_reviews, recent_events, signatory_queue
from followup.selectors import (
    activity_history,
    coordinator_overview,
    get_activity_for_coordinator,
    get_commitment_for_coordinator,
    get_focus_area_for_editor,
    pledges_for_editor,
)


def _activity_fields(form) -> dict:
    data = form.cleaned_data
    fields = {
        "date": data["date"],
        "text": data["text"],
        "count": data["count"],
        "place": data.get("place", ""),
        "link": data.get("link", ""),
        "internal_note": data.get("internal_note", ""),
    }
    if "kind" in form.fields:
        fields["kind"] = data["kind"]
    return fields


def _add_service_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def start(request):
    pledges = coordinator_overview(request.user)
    for pledge in pledges:
        for commitment in pledge.own_commitments:
            commitment.pledge = pledge
            commitment.log_form = ActivityForm(
                instance=Activity(commitment=commitment), prefix=f"c{commitment.pk}"
            )
    return render(
        request,
        "followup/coordinator_start.html",
        {
            "pledges": pledges,
            "editor_pledges": pledges_for_editor(request.user),
            "document_reviews": coordinator_reviews(request.user),
            "review_queue": signatory_queue(request.user),
            "review_events": recent_events(request.user),
            "is_signatory": roles_of(request.user).has_any(Membership.Role.SIGNATORY),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_log(request, commitment_pk: int):
    commitment = get_commitment_for_coordinator(request.user, commitment_pk)
    prefix = f"c{commitment.pk}"
    form = ActivityForm(
        request.POST or None, instance=Activity(commitment=commitment), prefix=prefix
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_log(
                user=request.user, commitment=commitment, **_activity_fields(form)
            )
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(request, _("Aktiviteten är sparad och visas nu för invånarna."))
            return redirect(reverse("followup:start") + f"#lofte-{commitment.pk}")
    return render(
        request,
        "followup/activity_form.html",
        {"form": form, "commitment": commitment, "pledge": commitment.pledge},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_correct(request, pk: int):
    activity = get_activity_for_coordinator(request.user, pk)
    if activity.is_withdrawn:
        messages.error(request, _("Aktiviteten är återkallad och kan inte ändras."))
        return redirect("followup:history", pk=activity.pk)
    commitment = activity.commitment
    conflict = None
    if request.method == "POST":
        form = ActivityCorrectForm(request.POST, instance=activity)
        if form.is_valid():
            try:
                services.activity_correct(
                    user=request.user,
                    activity=activity,
                    version=form.cleaned_data["version"],
                    **_activity_fields(form),
                )
            except services.ActivityConflict as error:
                # Keep what they typed; show what is saved now; let them save on top of it.
                conflict = error.current
                data = request.POST.copy()
                data["version"] = str(conflict.version)
                form = ActivityCorrectForm(data, instance=Activity.objects.get(pk=activity.pk))
                form.is_valid()
                form.add_error(
                    None,
                    _(
                        "Någon annan har ändrat aktiviteten medan du redigerade den. Dina "
                        "ändringar är inte sparade men finns kvar i formuläret. Jämför med den "
                        "sparade versionen nedan och spara igen om dina uppgifter ska gälla."
                    ),
                )
            except ValidationError as error:
                _add_service_errors(form, error)
            else:
                messages.success(request, _("Ändringen är sparad."))
                return redirect(reverse("followup:start") + f"#lofte-{commitment.pk}")
    else:
        form = ActivityCorrectForm(instance=activity, initial={"version": activity.version})
    return render(
        request,
        "followup/activity_correct.html",
        {
            "form": form,
            "activity": activity,
            "commitment": commitment,
            "pledge": commitment.pledge,
            "conflict": conflict,
        },
        status=409 if conflict else (400 if request.method == "POST" else 200),
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_withdraw(request, pk: int):
    activity = get_activity_for_coordinator(request.user, pk)
    if request.method == "POST":
        services.activity_withdraw(user=request.user, activity=activity)
        messages.success(
            request,
            _(
                "Aktiviteten är återkallad. Den visas inte längre för invånarna men finns "
                "i historiken."
            ),
        )
        return redirect(reverse("followup:start") + f"#lofte-{activity.commitment_id}")
    return render(
        request,
        "followup/activity_withdraw.html",
        {"activity": activity, "commitment": activity.commitment},
    )


@login_required
def activity_history_view(request, pk: int):
    activity = get_activity_for_coordinator(request.user, pk)
    return render(
        request,
        "followup/activity_history.html",
        {
            "activity": activity,
            "commitment": activity.commitment,
            "records": activity_history(activity),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def planned_activity_add(request, focus_area_pk: int):
    focus_area = get_focus_area_for_editor(request.user, focus_area_pk)
    form = PlannedActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.planned_activity_add(
                user=request.user, focus_area=focus_area, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(request, _("Den planerade aktiviteten är tillagd."))
            return redirect(focus_area.pledge.get_absolute_url() + f"#fokus-{focus_area.pk}")
    return render(
        request,
        "followup/plannedactivity_form.html",
        {"form": form, "focus_area": focus_area, "pledge": focus_area.pledge},
        status=400 if request.method == "POST" else 200,
    )
