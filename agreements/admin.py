from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
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
from agreements.services import former_slug_record
from portal.admin_actions import DocumentAdminActions, RefuseOverlongTextMixin


@admin.register(PoliceArea)
class PoliceAreaAdmin(SimpleHistoryAdmin):
    list_display = ["name", "region"]
    list_filter = ["region"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "county", "police_area"]
    list_filter = ["county", "police_area__region"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["police_area"]
    list_select_related = ["police_area"]


class DatedDocumentAdminMixin(RefuseOverlongTextMixin):
    """What the pledge and agreement admins share: a title or other text longer than its
    field is refused with a message, never cut by the browser; a slug left empty is made
    from the title (DatedDocumentAdminForm, instead of prepopulated_fields); and a changed
    slug is kept as a former address that redirects to the new one."""

    form = DatedDocumentAdminForm

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data:
            former_slug_record(
                document=obj, former_slug=form.initial["slug"], recorded_by=request.user
            )


class AgreementGoalInline(RefuseOverlongTextMixin, admin.TabularInline):
    model = AgreementGoal
    extra = 0


class AgreementDutyInline(RefuseOverlongTextMixin, admin.StackedInline):
    model = AgreementDuty
    extra = 0


class AgreementSignatoryInline(RefuseOverlongTextMixin, admin.TabularInline):
    model = AgreementSignatory
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(DatedDocumentAdminMixin, DocumentAdminActions, SimpleHistoryAdmin):
    list_display = ["title", "valid_from", "valid_until", "extends_until_further_notice", "status"]
    list_filter = ["status", "extends_until_further_notice"]
    search_fields = ["title", "slug", "municipalities__name"]
    filter_horizontal = ["municipalities"]
    autocomplete_fields = ["police_area", "predecessor"]
    # Publication is a state change made by a service, never by editing the field.
    readonly_fields = ["status"]
    inlines = [AgreementGoalInline, AgreementDutyInline, AgreementSignatoryInline]
    actions = ["publish", "issue_document"]

    pdf = AGREEMENT_PDF
    published_message = ngettext_lazy(
        "%(count)d överenskommelse är publicerad med förseglad PDF: %(titles)s.",
        "%(count)d överenskommelser är publicerade med förseglad PDF: %(titles)s.",
        "count",
    )
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
