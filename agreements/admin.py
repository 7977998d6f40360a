from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from simple_history.admin import SimpleHistoryAdmin

from agreements.models import (
    Agreement,
    AgreementDuty,
    AgreementGoal,
    AgreementSignatory,
    Membership,
    Municipality,
    PoliceArea,
)
from agreements.services import agreement_issue_document, agreement_publish
from portal.admin_actions import DOCUMENT_SERVICE_ERRORS, failure_reason


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


class AgreementGoalInline(admin.TabularInline):
    model = AgreementGoal
    extra = 0


class AgreementDutyInline(admin.StackedInline):
    model = AgreementDuty
    extra = 0


class AgreementSignatoryInline(admin.TabularInline):
    model = AgreementSignatory
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ["title", "valid_from", "valid_until", "extends_until_further_notice", "status"]
    list_filter = ["status", "extends_until_further_notice"]
    search_fields = ["title", "slug", "municipalities__name"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["municipalities"]
    autocomplete_fields = ["police_area", "predecessor"]
    # Publication is a state change made by a service, never by editing the field.
    readonly_fields = ["status"]
    inlines = [AgreementGoalInline, AgreementDutyInline, AgreementSignatoryInline]
    actions = ["publish", "issue_document"]

    @admin.action(
        description=gettext_lazy("Publicera valda överenskommelser med förseglad PDF"),
        permissions=["change"],
    )
    def publish(self, request, queryset) -> None:
        published = []
        for agreement in queryset.order_by("title", "pk"):
            try:
                agreement_publish(agreement=agreement, published_by=request.user)
            except DOCUMENT_SERVICE_ERRORS as error:
                self.message_user(
                    request,
                    _("%(title)s publicerades inte. %(reason)s")
                    % {"title": agreement.title, "reason": failure_reason(error)},
                    messages.ERROR,
                )
            else:
                published.append(agreement.title)
        if published:
            self.message_user(
                request,
                ngettext(
                    "%(count)d överenskommelse är publicerad med förseglad PDF: %(titles)s.",
                    "%(count)d överenskommelser är publicerade med förseglad PDF: %(titles)s.",
                    len(published),
                )
                % {"count": len(published), "titles": ", ".join(published)},
                messages.SUCCESS,
            )

    # For agreements already published: a new PDF version when their content changed,
    # as `manage.py issue_documents --refresh` does.
    @admin.action(
        description=gettext_lazy("Utfärda förseglad PDF för valda överenskommelser"),
        permissions=["change"],
    )
    def issue_document(self, request, queryset) -> None:
        issued, unchanged = [], []
        for agreement in queryset.order_by("title", "pk"):
            try:
                _version, created = agreement_issue_document(
                    agreement=agreement, issued_by=request.user
                )
            except DOCUMENT_SERVICE_ERRORS as error:
                self.message_user(
                    request,
                    _("%(title)s fick ingen PDF. %(reason)s")
                    % {"title": agreement.title, "reason": failure_reason(error)},
                    messages.ERROR,
                )
            else:
                (issued if created else unchanged).append(agreement.title)
        if issued:
            self.message_user(
                request,
                ngettext(
                    "%(count)d överenskommelse fick en ny förseglad PDF: %(titles)s.",
                    "%(count)d överenskommelser fick en ny förseglad PDF: %(titles)s.",
                    len(issued),
                )
                % {"count": len(issued), "titles": ", ".join(issued)},
                messages.SUCCESS,
            )
        if unchanged:
            self.message_user(
                request,
                ngettext(
                    "%(count)d överenskommelse har redan en aktuell PDF: %(titles)s.",
                    "%(count)d överenskommelser har redan en aktuell PDF: %(titles)s.",
                    len(unchanged),
                )
                % {"count": len(unchanged), "titles": ", ".join(unchanged)},
                messages.INFO,
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
