"""What a review says: the prefilled items (texts and the period's logged progress) and the
fingerprint of the content that the signatories sign."""

from __future__ import annotations

import hashlib
import json

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agreements.models import Agreement
from followup.activities.models import Activity
from followup.reviews.models import Review, ReviewItem
from followup.reviews.periods import ReviewPeriod
from followup.revisions import commitment_lineage
from pledges.models import Commitment, Pledge
from pledges.selectors import commitment_sections

# How many of the year's activities a new review lists per commitment.
PREFILL_ACTIVITIES = 10


def content_sha256(review: Review, items: list[ReviewItem]) -> str:
    """SHA-256 of exactly what the signatories sign: the texts and every assessment."""
    content = {
        # The document itself, not its title: correcting a typo in the pledge's title
        # must not invalidate signatures on the follow-up.
        "document": [review.pledge_id, review.agreement_id],
        "period": [review.period_start.isoformat(), review.period_end.isoformat()],
        "revision": review.revision,
        "summary": review.summary,
        "lessons": review.lessons,
        "next_steps": review.next_steps,
        "items": [
            [item.group, item.text, item.progress, item.assessment, item.comment]
            for item in sorted(items, key=lambda i: (i.order, i.pk))
        ],
    }
    encoded = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).hexdigest()


def _done(activities: list[Activity]) -> int:
    return sum(a.count for a in activities if a.kind == Activity.Kind.DONE)


def _short_of_target(commitment: Commitment, activities: list[Activity]) -> bool:
    """Whether a commitment with a yearly target has fewer logged times than its target."""
    return (
        commitment.kind == Commitment.Kind.YEARLY_TARGET
        and bool(commitment.yearly_target)
        and _done(activities) < commitment.yearly_target
    )


def _progress_text(commitment: Commitment, activities: list[Activity], period: ReviewPeriod) -> str:
    """ "4 av 6 tillfällen 2024" and the year's logged activities, in plain words."""
    done = _done(activities)
    received = sum(a.count for a in activities if a.kind == Activity.Kind.REQUEST_RECEIVED)
    answered = sum(a.count for a in activities if a.kind == Activity.Kind.REQUEST_ANSWERED)
    label = period.label
    if commitment.kind == Commitment.Kind.YEARLY_TARGET and commitment.yearly_target:
        # Worded like the pledge page's progress: "0 av 1 tillfälle", "4 av 6 tillfällen".
        lines = [
            ngettext(
                "%(done)d av %(target)d tillfälle %(period)s.",
                "%(done)d av %(target)d tillfällen %(period)s.",
                commitment.yearly_target,
            )
            % {"done": done, "target": commitment.yearly_target, "period": label}
        ]
    elif commitment.kind == Commitment.Kind.ON_REQUEST:
        lines = [
            _("%(received)d önskemål kom in och %(answered)d besvarades %(period)s.")
            % {"received": received, "answered": answered, "period": label}
        ]
    else:
        lines = [
            ngettext(
                "%(done)d tillfälle loggat %(period)s.",
                "%(done)d tillfällen loggade %(period)s.",
                done,
            )
            % {"done": done, "period": label}
        ]
    for activity in activities[:PREFILL_ACTIVITIES]:
        example = _(" (exempeldata)") if activity.is_example else ""
        times = " " + _("(%(n)d tillfällen)") % {"n": activity.count} if activity.count > 1 else ""
        lines.append(f"– {activity.date:%Y-%m-%d}: {activity.text}{times}{example}")
    if len(activities) > PREFILL_ACTIVITIES:
        more = len(activities) - PREFILL_ACTIVITIES
        lines.append(
            ngettext("… och %(n)d aktivitet till.", "… och %(n)d aktiviteter till.", more)
            % {"n": more}
        )
    return "\n".join(lines)


def _activities_by_commitment(pledge: Pledge, period: ReviewPeriod) -> dict[int, list[Activity]]:
    """The period's activities as residents see them (not withdrawn), newest first, by
    commitment of ``pledge``; one query, two for a replaced revision: its activity log
    moved on to the later revision's copies of its commitments, counted as its own."""
    lineage = commitment_lineage(pledge)
    activities: dict[int, list[Activity]] = {}
    for activity in Activity.objects.filter(
        Q(commitment__pledge_id=pledge.pk) | Q(commitment_id__in=list(lineage)),
        withdrawn_at__isnull=True,
        date__gte=period.start,
        date__lte=period.end,
    ).order_by("-date", "-pk"):
        commitment_id = lineage.get(activity.commitment_id, activity.commitment_id)
        activities.setdefault(commitment_id, []).append(activity)
    return activities


def _pledge_items(pledge: Pledge, period: ReviewPeriod) -> list[ReviewItem]:
    activities = _activities_by_commitment(pledge, period)
    items = []
    for section in commitment_sections(pledge):
        for group in section.groups:
            area = section.focus_area.title if section.focus_area else ""
            heading = " – ".join(part for part in (area, group.heading) if part)
            for commitment in group.commitments:
                items.append(
                    ReviewItem(
                        commitment=commitment,
                        order=len(items),
                        group=heading,
                        text=commitment.text,
                        progress=_progress_text(
                            commitment, activities.get(commitment.pk, []), period
                        ),
                    )
                )
    return items


def _agreement_items(agreement: Agreement) -> list[ReviewItem]:
    return [
        ReviewItem(
            duty=duty,
            order=index,
            group=duty.get_party_display(),
            text=duty.text,
        )
        for index, duty in enumerate(agreement.duties.all())
    ]


def prefill_items(document: Pledge | Agreement, period: ReviewPeriod) -> list[ReviewItem]:
    """Unsaved items for a new review: every commitment with the period's progress, or
    every duty of an agreement."""
    if isinstance(document, Pledge):
        return _pledge_items(document, period)
    return _agreement_items(document)


def live_progress(review: Review, items: list[ReviewItem]) -> list[ReviewItem]:
    """Compare each item's stored progress with what the activity log says now.

    Sets ``live_progress``, ``progress_changed`` and ``short_of_target`` (fewer logged
    times than the yearly target) on every item (expects each item's commitment loaded)
    and returns the changed ones; one query for a pledge's review, none for an
    agreement's (its duties have no logged progress).
    """
    period = ReviewPeriod(review.period_start, review.period_end)
    activities = _activities_by_commitment(review.pledge, period) if review.pledge_id else {}
    changed = []
    for item in items:
        logged = activities.get(item.commitment_id, [])
        item.live_progress = (
            _progress_text(item.commitment, logged, period) if item.commitment_id else item.progress
        )
        item.short_of_target = bool(item.commitment_id) and _short_of_target(
            item.commitment, logged
        )
        item.progress_changed = item.live_progress != item.progress
        if item.progress_changed:
            changed.append(item)
    return changed
