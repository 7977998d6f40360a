from django.contrib import admin

from notifications.models import ReminderSent


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    """The reminders sent, to read: a row is what keeps a reminder from going out twice."""

    list_display = ["occasion", "user", "sent_at"]
    search_fields = ["occasion", "user__email", "user__first_name", "user__last_name"]
    date_hierarchy = "sent_at"
    list_select_related = ["user"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
