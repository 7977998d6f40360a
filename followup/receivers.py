"""What followup adds to the public pledge, municipality and agreement pages: receivers of
the page signals in pledges/signals.py and agreements/signals.py, connected in apps.py."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from agreements.models import Agreement
from agreements.naming.selectors import police_area_notes
from followup.activities.selectors import (
    default_year,
    last_updated,
    parse_year,
    planned_by_focus_area,
    pledge_progress,
)
from followup.last_changed import municipality_last_changed, pledge_last_changed
from followup.reviews.selectors import latest_published_review, published_reviews_of
from followup.revisions import commitment_lineage
from pledges.models import Pledge
from pledges.selectors import MunicipalityOverview

YEAR_PARAMETER = "ar"


def pledge_page(sender: type, *, pledge: Pledge, request=None, **kwargs: Any) -> dict[str, Any]:
    """Progress of each commitment in the chosen year, planned activities and published
    follow-ups, when it last changed; 8 queries (5 when there are no reviews)."""
    year = None
    if request is not None:
        year = parse_year(pledge, request.GET.get(YEAR_PARAMETER))
    year = year or default_year(pledge)
    # 1-4: the published annual reviews, their items, sign-offs and sealed PDFs.
    reviews = published_reviews_of([pledge], field="pledge")[pledge.pk]
    # 5: totals per commitment, year and kind; 6: latest activities of the year.
    # (Only for a replaced revision: its commitments' later copies.)
    lineage = commitment_lineage(pledge)
    untracked = pledge_progress(
        pledge,
        year=year,
        reviewed_years={r.period_start.year for r in reviews if not r.is_scanned},
        lineage=lineage,
    )
    # 7: planned activities of the focus areas.
    planned_by_focus_area(pledge)
    # 8: the latest change of its activities.
    last_changed = pledge_last_changed(pledge, lineage=lineage, reviews=reviews)
    commitments = list(pledge.commitments.all())
    has_example = any(c.progress.has_example for c in commitments) or any(
        p.is_example for a in pledge.focus_areas.all() for p in a.planned
    )
    return {
        "pledge_last_changed": last_changed,
        "progress_untracked": year in untracked,
        # A follow-up of the year signed on paper, if staff uploaded its scan.
        "scanned_review": next(
            (r for r in reviews if r.is_scanned and r.period_start.year == year), None
        ),
        "reviews": reviews,
        "newest_review": max(reviews, key=lambda r: r.published_at) if reviews else None,
        "progress_year": year,
        "progress_has_example": has_example,
        "commitment_templates": ["followup/includes/commitment_progress.html"],
        "focus_area_templates": ["followup/includes/focus_area_planned.html"],
        "pledge_page_templates": [
            "followup/includes/pledge_progress_note.html",
            "followup/includes/document_reviews.html",
        ],
        # 9 (only for a text that names no police area): where the police area came from.
        "police_area_notes": police_area_notes(pledge),
        "pledge_intro_templates": [
            "followup/includes/pledge_last_changed.html",
            "followup/includes/named_police_area.html",
            "followup/includes/pledge_review_announcement.html",
            "followup/includes/pledge_untracked_note.html",
        ],
    }


def municipality_page(
    sender: type, *, overview: MunicipalityOverview, **kwargs: Any
) -> dict[str, Any]:
    """When the municipality's pledges were last updated and last followed up, and when
    anything on the page last changed; 4 queries."""
    pledges = overview.current_pledges or overview.earlier_pledges[:1]
    every_pledge = [*overview.current_pledges, *overview.earlier_pledges]
    on_page = [*every_pledge, *overview.upcoming_pledges]
    # Of every pledge on the page, for the page's own date; listed for the shown ones.
    updated = last_updated(on_page)
    latest_review = latest_published_review(every_pledge)
    return {
        "pledge_updates": [(p, updated[p.pk]) for p in pledges if p.pk in updated],
        "latest_review": latest_review,
        "page_last_changed": municipality_last_changed(
            updated,
            pledges=on_page,
            agreements=[*overview.current_agreements, *overview.earlier_agreements],
            latest_review=latest_review,
        ),
        "municipality_fact_templates": [
            "followup/includes/municipality_page_last_changed.html",
            "followup/includes/municipality_last_updated.html",
            "followup/includes/municipality_latest_review.html",
        ],
    }


def agreement_page(sender: type, *, agreement: Agreement, **kwargs: Any) -> dict[str, Any]:
    """The agreement's published follow-ups; 4 queries (1 when there are none)."""
    reviews = published_reviews_of([agreement], field="agreement")[agreement.pk]
    return {
        "reviews": reviews,
        "reviews_heading": _("Uppföljning av överenskommelsen"),
        # One more query for a text that names no police area: where it came from.
        "police_area_notes": police_area_notes(agreement),
        "agreement_page_templates": [
            "followup/includes/named_police_area.html",
            "followup/includes/document_reviews.html",
        ],
    }
