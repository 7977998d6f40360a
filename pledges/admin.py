from django.contrib import admin
from django.utils.translation import ngettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from agreements.admin import (
    DatedDocumentAdminMixin,
    FrozenDocumentAdminMixin,
    FrozenDocumentPartInlineMixin,
)
from pledges.documents import PLEDGE_PDF
from pledges.models import Commitment, FocusArea, Pledge, PledgeSignatory
from portal.admin_actions import DocumentAdminActions, RefuseOverlongTextMixin


class FocusAreaInline(FrozenDocumentPartInlineMixin, RefuseOverlongTextMixin, admin.StackedInline):
    model = FocusArea
    extra = 0


class CommitmentInline(FrozenDocumentPartInlineMixin, RefuseOverlongTextMixin, admin.StackedInline):
    model = Commitment
    extra = 0
    autocomplete_fields = ["responsible_municipality"]


class PledgeSignatoryInline(
    FrozenDocumentPartInlineMixin, RefuseOverlongTextMixin, admin.TabularInline
):
    model = PledgeSignatory
    extra = 0


@admin.register(Pledge)
class PledgeAdmin(DatedDocumentAdminMixin, DocumentAdminActions, SimpleHistoryAdmin):
    list_display = ["title", "period_start", "period_end", "police_area", "status"]
    list_filter = ["status", "police_area"]
    search_fields = ["title", "slug", "municipalities__name"]
    filter_horizontal = ["municipalities"]
    autocomplete_fields = ["police_area", "agreement", "predecessor"]
    # Publication is a state change made by a service, never by editing the field
    # (the status and the other drafting fields are read-only: DatedDocumentAdminMixin).
    readonly_fields = ["published_on"]
    inlines = [FocusAreaInline, CommitmentInline, PledgeSignatoryInline]
    # Publishing is the parties' signatures in the portal, never a staff action; staff
    # only issue the sealed PDF again, e.g. when sealing failed at publication.
    actions = ["issue_document"]

    pdf = PLEDGE_PDF
    issued_message = ngettext_lazy(
        "%(count)d medborgarlöfte fick en ny förseglad PDF: %(titles)s.",
        "%(count)d medborgarlöften fick en ny förseglad PDF: %(titles)s.",
        "count",
    )
    unchanged_message = ngettext_lazy(
        "%(count)d medborgarlöfte har redan en aktuell PDF: %(titles)s.",
        "%(count)d medborgarlöften har redan en aktuell PDF: %(titles)s.",
        "count",
    )


@admin.register(Commitment)
class CommitmentAdmin(FrozenDocumentAdminMixin, SimpleHistoryAdmin):
    # A commitment of a published pledge is read-only, like the pledge.
    frozen_lookup = "pledge"

    list_display = ["text", "pledge", "responsible", "kind", "yearly_target"]
    list_filter = ["kind", "responsible"]
    search_fields = ["text", "pledge__title"]
    list_select_related = ["pledge"]
