from django.contrib import admin

from following.models import Follower


@admin.register(Follower)
class FollowerAdmin(admin.ModelAdmin):
    """Staff find an address to delete it when its owner asks (GDPR); nobody adds or
    edits one here: an address follows only after its owner confirmed it."""

    list_display = ["email", "place", "created_at", "confirmed_at"]
    list_filter = [("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["email"]
    readonly_fields = ["email", "municipality", "police_area", "created_at", "confirmed_at"]
    list_select_related = ["municipality", "police_area"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
