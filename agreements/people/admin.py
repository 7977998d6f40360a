"""Staff invite an organisation's first administrator on its admin page.

The inline "Bjud in administratör" on a municipality's or police area's page takes an
e-mail address; saving the page creates the invitation through the service and sends
the mail. Invitations already made are listed read-only: from then on the organisation's
administrators run its people in the portal.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from agreements.models import Invitation, Membership, Party, PoliceArea
from agreements.people.services import invitation_create
from agreements.people.tasks import invitation_queue


class AdministratorInvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email"]

    def _post_clean(self) -> None:
        # The model is checked by invitation_create when the page is saved: on a new
        # organisation's add page the organisation does not exist yet at this point.
        pass


class AdministratorInvitationInline(admin.TabularInline):
    model = Invitation
    form = AdministratorInvitationForm
    extra = 1
    max_num = None
    can_delete = False
    verbose_name = _("Bjud in administratör")
    verbose_name_plural = _("Bjud in administratör")
    fields = ["email", "state_label", "created_at", "expires_at", "accepted_at", "withdrawn_at"]
    readonly_fields = ["state_label", "created_at", "expires_at", "accepted_at", "withdrawn_at"]

    @admin.display(description=_("läge"))
    def state_label(self, obj: Invitation) -> str:
        return obj.get_state_display() if obj.pk else ""

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class MunicipalityInvitationInline(AdministratorInvitationInline):
    fk_name = "municipality"


class PoliceAreaInvitationInline(AdministratorInvitationInline):
    fk_name = "police_area"


class InvitesAdministratorsMixin:
    """Save a new row of the invitation inline through the invitation service."""

    def save_formset(self, request, form, formset, change):
        if not issubclass(formset.model, Invitation):
            return super().save_formset(request, form, formset, change)
        organisation = form.instance
        party = (
            Party(police_area=organisation)
            if isinstance(organisation, PoliceArea)
            else Party(municipality=organisation)
        )
        for row in formset.extra_forms:
            if not row.has_changed() or not row.cleaned_data.get("email"):
                continue
            invitation, _token = invitation_create(
                invited_by=request.user,
                party=party,
                email=row.cleaned_data["email"],
                roles=[Membership.Role.ADMINISTRATOR],
            )
            if invitation_queue(invitation) != "failed":
                messages.success(
                    request,
                    _("Inbjudan till administratör är skickad till %(email)s.")
                    % {"email": invitation.email},
                )
            else:
                messages.error(
                    request,
                    _(
                        "Inbjudan till %(email)s är sparad men e-postmeddelandet kunde inte "
                        "skickas. Administratören i organisationen eller personalen kan "
                        "skicka den igen."
                    )
                    % {"email": invitation.email},
                )
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        return None


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """The invitations, to look at; they are made on the organisation's page."""

    list_display = ["email", "organisation", "created_at", "expires_at", "accepted_at"]
    list_select_related = ["municipality", "police_area"]
    search_fields = ["email", "municipality__name", "police_area__name"]
    readonly_fields = [f.name for f in Invitation._meta.fields if f.name != "token_hash"]
    exclude = ["token_hash"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
