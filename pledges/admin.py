from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from simple_history.admin import SimpleHistoryAdmin

from pledges.models import Commitment, FocusArea, Pledge, PledgeSignatory
from pledges.services import pledge_publish
from portal.admin_actions import DOCUMENT_SERVICE_ERRORS, failure_reason


class FocusAreaInline(admin.StackedInline):
    model = FocusArea
    extra = 0


class CommitmentInline(admin.StackedInline):
    model = Commitment
    extra = 0
    autocomplete_fields = ["responsible_municipality"]


class PledgeSignatoryInline(admin.TabularInline):
    model = PledgeSignatory
    extra = 0


@admin.register(Pledge)
class PledgeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "period_start", "period_end", "police_area", "status"]
    list_filter = ["status", "police_area"]
    search_fields = ["title", "slug", "municipalities__name"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["municipalities"]
    autocomplete_fields = ["police_area", "agreement", "predecessor"]
    # Publication is a state change made by a service, never by editing the field.
    readonly_fields = ["status", "published_on"]
    inlines = [FocusAreaInline, CommitmentInline, PledgeSignatoryInline]
    actions = ["publish"]

    @admin.action(
        description=gettext_lazy("Publicera valda medborgarlöften med förseglad PDF"),
        permissions=["change"],
    )
    def publish(self, request, queryset) -> None:
        published = []
        for pledge in queryset.order_by("title", "pk"):
            try:
                pledge_publish(pledge=pledge, published_by=request.user)
            except DOCUMENT_SERVICE_ERRORS as error:
                self.message_user(
                    request,
                    _("%(title)s publicerades inte. %(reason)s")
                    % {"title": pledge.title, "reason": failure_reason(error)},
                    messages.ERROR,
                )
            else:
                published.append(pledge.title)
        if published:
            self.message_user(
                request,
                ngettext(
                    "%(count)d medborgarlöfte är publicerat med förseglad PDF: %(titles)s.",
                    "%(count)d medborgarlöften är publicerade med förseglad PDF: %(titles)s.",
                    len(published),
                )
                % {"count": len(published), "titles": ", ".join(published)},
                messages.SUCCESS,
            )


@admin.register(Commitment)
class CommitmentAdmin(SimpleHistoryAdmin):
    list_display = ["text", "pledge", "responsible", "kind", "yearly_target"]
    list_filter = ["kind", "responsible"]
    search_fields = ["text", "pledge__title"]
    list_select_related = ["pledge"]
