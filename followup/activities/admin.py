"""Staff see the activity log; coordinators write it on their own pages."""

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from followup.activities.models import Activity, PlannedActivity
from portal.admin_actions import ShowHistoryNeverRevertMixin


@admin.register(Activity)
class ActivityAdmin(ShowHistoryNeverRevertMixin, SimpleHistoryAdmin):
    """Read-only for staff: coordinators correct entries on their pages, where each save
    checks the version and the role and is kept in the history."""

    list_display = ["date", "text", "count", "commitment", "withdrawn_at", "is_example"]
    list_filter = ["kind", "is_example", ("withdrawn_at", admin.EmptyFieldListFilter)]
    search_fields = ["text", "place", "commitment__pledge__title"]
    list_select_related = ["commitment"]
    date_hierarchy = "date"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PlannedActivity)
class PlannedActivityAdmin(SimpleHistoryAdmin):
    list_display = ["text", "focus_area", "created_at", "created_by", "is_example"]
    list_filter = ["is_example"]
    search_fields = ["text", "focus_area__title", "focus_area__pledge__title"]
    list_select_related = ["focus_area", "created_by"]
    readonly_fields = ["created_by", "created_at"]
    raw_id_fields = ["focus_area"]
