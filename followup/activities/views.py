"""Activity log pages: log, correct, withdraw, history; editors' planned activities."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from followup.activities import services
from followup.activities.access import (
    activity_history,
    get_activity_for_coordinator,
    get_commitment_for_coordinator,
    get_focus_area_for_editor,
)
from followup.activities.forms import ActivityCorrectForm, ActivityForm, PlannedActivityForm
from followup.activities.models import Activity
from portal.forms import add_service_errors


def _start_page_at(commitment_pk: int) -> str:
    """The start page at a commitment: its template shows the confirmation right there."""
    return reverse("followup:start") + f"?lofte={commitment_pk}#lofte-{commitment_pk}"


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
            add_service_errors(form, error)
        else:
            messages.success(request, _("Aktiviteten är sparad och visas nu för invånarna."))
            return redirect(_start_page_at(commitment.pk))
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
                add_service_errors(form, error)
            else:
                messages.success(request, _("Ändringen är sparad."))
                return redirect(_start_page_at(commitment.pk))
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
        return redirect(_start_page_at(activity.commitment_id))
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
            add_service_errors(form, error)
        else:
            messages.success(request, _("Den planerade aktiviteten är tillagd."))
            return redirect(focus_area.pledge.get_absolute_url() + f"#fokus-{focus_area.pk}")
    return render(
        request,
        "followup/plannedactivity_form.html",
        {"form": form, "focus_area": focus_area, "pledge": focus_area.pledge},
        status=400 if request.method == "POST" else 200,
    )
