"""Which cached public pages the follow-up's writes change (see agreements/page_scopes.py):
an activity or a planned activity changes its pledge's pages; a review, its items and
signatures change its document's pages and the pages of every follow-up of that
document; a sealed PDF issued changes the pages that link to it."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from agreements.page_scopes import bump_now_and_on_commit, document_scopes, watch
from followup.activities.models import Activity, PlannedActivity
from followup.reviews.models import Review, ReviewItem, ReviewSignOff
from followup.revisions import chain_filter
from portal.models import IssuedDocument


def review_scopes(review: Review) -> set[str]:
    document = review.document
    field = "pledge" if review.pledge_id else "agreement"
    reviews = Review.objects.filter(chain_filter([document], prefix=f"{field}__"))
    return {f"review:{pk}" for pk in reviews.values_list("pk", flat=True)} | document_scopes(
        document
    )


def _review_changed(sender, instance, **kwargs) -> None:
    review = instance if isinstance(instance, Review) else instance.review
    bump_now_and_on_commit(review_scopes(review))


def _issued(sender, instance: IssuedDocument, **kwargs) -> None:
    document = instance.document
    if isinstance(document, Review):
        bump_now_and_on_commit(review_scopes(document))
    elif document is not None:
        bump_now_and_on_commit(document_scopes(document))


def watch_followup() -> None:
    watch(Activity, lambda activity: activity.commitment.pledge)
    watch(PlannedActivity, lambda planned: planned.focus_area.pledge)
    for model in (Review, ReviewItem, ReviewSignOff):
        uid = f"page-cache-{model._meta.label}"
        post_save.connect(_review_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_review_changed, sender=model, dispatch_uid=uid)
    post_save.connect(_issued, sender=IssuedDocument, dispatch_uid="page-cache-issued")
