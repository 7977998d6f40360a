"""Staff see annual reviews read-only, may publish one whose publication failed, and add
the scanned original of a follow-up from before the portal."""

from django.contrib import admin, messages
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from simple_history.admin import SimpleHistoryAdmin

from followup.reviews.models import Review, ReviewItem, ReviewSignOff, ReviewState
from followup.reviews.scanned import ScannedReviewForm
from followup.reviews.services import review_attach_scanned
from followup.reviews.signing import review_publish
from portal.admin_actions import ShowHistoryNeverRevertMixin


class _ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReviewItemInline(_ReadOnlyInline):
    model = ReviewItem
    fields = ["group", "text", "progress", "assessment", "comment"]


class ReviewSignOffInline(_ReadOnlyInline):
    model = ReviewSignOff
    fields = ["name", "title", "organisation", "user", "signed_at", "content_version"]


@admin.register(Review)
class ReviewAdmin(ShowHistoryNeverRevertMixin, SimpleHistoryAdmin):
    """Read-only for staff: a review changes only through the workflow services
    (followup.reviews.services), and a signed-off one not at all. Staff may publish an approved
    review whose publication failed, e.g. while the seal certificate was missing."""

    list_display = ["__str__", "state", "revision", "approved_at", "published_at"]
    list_filter = ["state"]
    search_fields = ["pledge__title", "agreement__title", "summary"]
    list_select_related = ["pledge", "agreement"]
    date_hierarchy = "period_start"
    inlines = [ReviewItemInline, ReviewSignOffInline]
    actions = ["publish"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return [f.name for f in self.model._meta.concrete_fields]

    # Adding is for one thing only: a follow-up from before the portal, signed on paper.
    add_fields = ["target", "period_start", "upload", "signed_by", "note"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ScannedReviewForm
            kwargs["fields"] = self.add_fields
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": self.add_fields})]
        return super().get_fieldsets(request, obj)

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []

    def save_model(self, request, obj, form, change) -> None:
        data = form.cleaned_data
        review = review_attach_scanned(
            user=request.user,
            document=data["target"],
            period_start=data["period_start"],
            upload=data["upload"],
            signed_by=data["signed_by"],
            note=data["note"],
        )
        # The admin goes on with ``obj`` (messages, redirect): make it the stored row.
        obj.__dict__.update(review.__dict__)

    def save_related(self, request, form, formsets, change) -> None:
        pass  # the service wrote everything

    def has_change_permission(self, request, obj=None):
        # The texts, assessments and state are written by the services, which check
        # roles and content versions; the admin shows them.
        return False

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_frozen:
            return False
        return super().has_delete_permission(request, obj)

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm("followup.change_review")

    @admin.action(
        description=gettext_lazy("Publicera valda godkända uppföljningar med förseglad PDF"),
        permissions=["publish"],
    )
    def publish(self, request, queryset) -> None:
        published = []
        for review in queryset.select_related("pledge", "agreement").order_by("pk"):
            if review.state == ReviewState.PUBLISHED:
                continue
            if review.state != ReviewState.APPROVED:
                self.message_user(
                    request,
                    _("%(review)s publicerades inte: alla parter har inte skrivit under.")
                    % {"review": review},
                    messages.WARNING,
                )
                continue
            try:
                review_publish(review=review, user=request.user)
            except ValidationError as error:
                self._failed(request, review, " ".join(error.messages))
            except (ImproperlyConfigured, ValueError) as error:
                # No seal certificate, or one that cannot be read.
                self._failed(
                    request, review, _("PDF:en kunde inte förseglas: %(error)s") % {"error": error}
                )
            else:
                published.append(str(review))
        if published:
            self.message_user(
                request,
                ngettext(
                    "%(count)d uppföljning är publicerad med förseglad PDF: %(titles)s.",
                    "%(count)d uppföljningar är publicerade med förseglad PDF: %(titles)s.",
                    len(published),
                )
                % {"count": len(published), "titles": ", ".join(published)},
                messages.SUCCESS,
            )

    def _failed(self, request, review: Review, reason: str) -> None:
        self.message_user(
            request,
            _("%(review)s publicerades inte. %(reason)s") % {"review": review, "reason": reason},
            messages.ERROR,
        )
