from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from agreements.documents import AGREEMENT_PDF
from agreements.forms import DatedDocumentAdminForm
from agreements.models import (
    Agreement,
    AgreementDuty,
    AgreementGoal,
    AgreementSignatory,
    Membership,
    Municipality,
    PoliceArea,
)
from agreements.people.admin import (
    InvitesAdministratorsMixin,
    MunicipalityInvitationInline,
    PoliceAreaInvitationInline,
)
from agreements.services import former_slug_record
from portal.admin_actions import DocumentAdminActions, RefuseOverlongTextMixin
from portal.choices import FROZEN_STATUSES


@admin.register(PoliceArea)
class PoliceAreaAdmin(InvitesAdministratorsMixin, SimpleHistoryAdmin):
    inlines = [PoliceAreaInvitationInline]
    list_display = ["name", "region"]
    list_filter = ["region"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Municipality)
class MunicipalityAdmin(InvitesAdministratorsMixin, SimpleHistoryAdmin):
    inlines = [MunicipalityInvitationInline]
    list_display = ["name", "code", "county", "police_area"]
    list_filter = ["county", "police_area__region"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["police_area"]
    list_select_related = ["police_area"]


FROZEN_DOCUMENT_MESSAGE = _(
    "Dokumentet är publicerat och kan inte ändras eller tas bort här. En ändring görs "
    "genom att skriva en ny revision i portalen, som parterna undertecknar."
)

# Set by the drafting and signing services, never typed in the admin: publication is a
# state change made by a service, never by editing the field.
DRAFTING_FIELDS = [
    "status",
    "revision",
    "revises",
    "first_revision",
    "content_version",
    "content_sha256",
    "created_by",
    "created_at",
    "updated_at",
    "submitted_at",
]


class FrozenDocumentPartInlineMixin:
    """An inline of a document's parts (goals, duties, focus areas, commitments,
    signatories): read-only, without adding or deleting, once the document is published."""

    def has_add_permission(self, request, obj=None) -> bool:
        return not (obj is not None and obj.is_frozen) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return not (obj is not None and obj.is_frozen) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None) -> bool:
        return not (obj is not None and obj.is_frozen) and super().has_delete_permission(
            request, obj
        )


class FrozenDocumentAdminMixin:
    """A ModelAdmin of published documents or of their parts shows them read-only: the
    model refuses any change, so the admin offers none (a POST to a change or delete page
    is answered with 403, "delete selected" with a message) and says that a change is a new
    revision drafted and signed in the portal. ``frozen_lookup`` names the path to the
    document ("" for the document itself)."""

    frozen_lookup = ""

    def frozen_in(self, queryset) -> bool:
        prefix = f"{self.frozen_lookup}__" if self.frozen_lookup else ""
        return queryset.filter(**{f"{prefix}status__in": FROZEN_STATUSES}).exists()

    def is_frozen(self, obj) -> bool:
        document = obj
        for name in filter(None, self.frozen_lookup.split("__")):
            document = getattr(document, name)
        return document.is_frozen

    def has_change_permission(self, request, obj=None) -> bool:
        return not (obj is not None and self.is_frozen(obj)) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None) -> bool:
        return not (obj is not None and self.is_frozen(obj)) and super().has_delete_permission(
            request, obj
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        frozen = self.frozen_in(self.model.objects.filter(pk=object_id))
        if request.method == "GET" and frozen:
            self.message_user(request, FROZEN_DOCUMENT_MESSAGE, messages.INFO)
        return super().change_view(request, object_id, form_url, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Reverting to an earlier version is a change like any other.
        if request.method == "POST" and self.frozen_in(self.model.objects.filter(pk=object_id)):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            _function, name, description = actions["delete_selected"]
            actions["delete_selected"] = (type(self)._delete_unfrozen, name, description)
        return actions

    def _delete_unfrozen(self, request, queryset):
        """Django's "delete selected" action, refused with a message when anything
        selected belongs to a published document."""
        if self.frozen_in(queryset):
            self.message_user(request, FROZEN_DOCUMENT_MESSAGE, messages.ERROR)
            return None
        return delete_selected(self, request, queryset)


class DatedDocumentAdminMixin(FrozenDocumentAdminMixin, RefuseOverlongTextMixin):
    """What the pledge and agreement admins share: a title or other text longer than its
    field is refused with a message, never cut by the browser; a slug left empty is made
    from the title (DatedDocumentAdminForm, instead of prepopulated_fields); a changed
    slug is kept as a former address that redirects to the new one; the fields the
    drafting services set are read-only; and a published document is read-only."""

    form = DatedDocumentAdminForm

    def get_readonly_fields(self, request, obj=None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        return fields + [name for name in DRAFTING_FIELDS if name not in fields]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data:
            former_slug_record(
                document=obj, former_slug=form.initial["slug"], recorded_by=request.user
            )


class AgreementGoalInline(
    FrozenDocumentPartInlineMixin, RefuseOverlongTextMixin, admin.TabularInline
):
    model = AgreementGoal
    extra = 0


class AgreementDutyInline(
    FrozenDocumentPartInlineMixin, RefuseOverlongTextMixin, admin.StackedInline
):
    model = AgreementDuty
    extra = 0


class AgreementSignatoryInline(
    FrozenDocumentPartInlineMixin, RefuseOverlongTextMixin, admin.TabularInline
):
    model = AgreementSignatory
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(DatedDocumentAdminMixin, DocumentAdminActions, SimpleHistoryAdmin):
    list_display = ["title", "valid_from", "valid_until", "extends_until_further_notice", "status"]
    list_filter = ["status", "extends_until_further_notice"]
    search_fields = ["title", "slug", "municipalities__name"]
    filter_horizontal = ["municipalities"]
    autocomplete_fields = ["police_area", "predecessor"]
    inlines = [AgreementGoalInline, AgreementDutyInline, AgreementSignatoryInline]
    # Publishing is the parties' signatures in the portal, never a staff action.
    actions = ["issue_document"]

    pdf = AGREEMENT_PDF
    issued_message = ngettext_lazy(
        "%(count)d överenskommelse fick en ny förseglad PDF: %(titles)s.",
        "%(count)d överenskommelser fick en ny förseglad PDF: %(titles)s.",
        "count",
    )
    unchanged_message = ngettext_lazy(
        "%(count)d överenskommelse har redan en aktuell PDF: %(titles)s.",
        "%(count)d överenskommelser har redan en aktuell PDF: %(titles)s.",
        "count",
    )


# Accounts and roles -------------------------------------------------------


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "municipality", "police_area"]
    list_filter = ["role", "police_area"]
    search_fields = ["user__username", "user__email", "municipality__name", "police_area__name"]
    autocomplete_fields = ["user", "municipality", "police_area"]
    list_select_related = ["user", "municipality", "police_area"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["municipality", "police_area"]


# Staff give a user their roles on the user's own admin page.
admin.site.unregister(User)


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, MembershipInline]
