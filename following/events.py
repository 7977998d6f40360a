"""What followers are told about: the publications the Atom feeds carry (followup/feeds.py)
for a municipality or a police area: a new pledge or agreement, a new revision of one, a
published follow-up.

Only the kind and id of what was published are queued (following/announce.py); the
worker loads it here, finds the followers and sends (following/tasks.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from agreements.models import Agreement, DatedDocument
from following.models import Follower
from followup.feeds import publication_headline, publication_summary
from followup.models import Review
from pledges.models import Pledge

DOCUMENT_MODELS = {"pledge": Pledge, "agreement": Agreement}
REVIEW = "review"


@dataclass(frozen=True)
class Event:
    """A publication: a document (new, or a new revision) or a published follow-up."""

    kind: str
    subject: Pledge | Agreement | Review

    @property
    def document(self) -> DatedDocument:
        return self.subject.document if self.kind == REVIEW else self.subject

    def url(self) -> str:
        return self.subject.get_absolute_url()

    def headline(self) -> str:
        """The news in a few words, as the feeds say it."""
        return publication_headline(self.subject)

    def summary(self) -> str:
        return publication_summary(self.subject)


def load_event(kind: str, pk: int) -> Event | None:
    """The event queued as ``kind`` and ``pk``; None when it is gone or unknown."""
    if kind == REVIEW:
        subject = (
            Review.objects.published().select_related("pledge", "agreement").filter(pk=pk).first()
        )
    elif kind in DOCUMENT_MODELS:
        subject = DOCUMENT_MODELS[kind].objects.shown().filter(pk=pk).first()
    else:
        return None
    return Event(kind, subject) if subject is not None else None


def follower_ids(event: Event) -> list[int]:
    """The confirmed followers to tell, one per address: the followers of the document's
    municipalities and of its police area, or of its municipalities' police areas (as the
    police area's feed has it). An address following several of these places is told
    once, as a follower of a municipality where it follows one."""
    document = event.document
    municipalities = list(document.municipalities.all())
    areas = {m.police_area_id for m in municipalities} | {document.police_area_id}
    areas.discard(None)
    rows = (
        Follower.objects.confirmed()
        .filter(Q(municipality__in=municipalities) | Q(police_area_id__in=areas))
        .values_list("pk", "email", "municipality_id")
    )
    chosen: dict[str, int] = {}
    # Followers of a municipality first, then of a police area.
    for pk, email, _municipality in sorted(rows, key=lambda r: (r[2] is None, r[0])):
        chosen.setdefault(email, pk)
    return sorted(chosen.values())
