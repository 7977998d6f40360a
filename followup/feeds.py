"""Atom feeds for residents: what was published for a municipality, a police area or the
whole country (a new pledge or agreement, a new revision of one, a published follow-up).

They live here rather than in `pledges`: they list follow-ups, and dependencies point
one way (followup → pledges → agreements). Each feed is served from the shared cache
with the scopes of the page it belongs to, which every publication bumps
(agreements/page_scopes.py, followup/page_scopes.py).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import DateTimeField, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce, Least
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from agreements.models import Agreement, DatedDocument, DocumentEvent, Municipality, PoliceArea
from agreements.selectors import documents_in_place
from followup.models import Review
from pledges.models import Pledge
from portal.page_cache import cached_page

MAX_ENTRIES = 50


@dataclass(frozen=True)
class FeedEntry:
    title: str
    link: str
    uid: str
    at: datetime.datetime
    summary: str


def _published_at(model: type[DatedDocument]) -> Coalesce:
    """When the document was published: its "published" event. A document loaded without
    one (the seed documents, the national data) has its recorded publication date, or
    else the day it took effect, never later than when it was loaded: the time of
    loading says nothing to a resident."""
    event = DocumentEvent.objects.filter(
        content_type__app_label=model._meta.app_label,
        content_type__model=model._meta.model_name,
        object_id=OuterRef("pk"),
        kind=DocumentEvent.Kind.PUBLISHED,
    ).order_by("-at")
    start = "period_start" if model is Pledge else "valid_from"
    recorded = [Cast("published_on", DateTimeField())] if model is Pledge else []
    return Coalesce(
        Subquery(event.values("at")[:1]),
        *recorded,
        Least(Cast(start, DateTimeField()), F("updated_at")),
        output_field=DateTimeField(),
    )


def publication_headline(subject: DatedDocument | Review) -> str:
    """The news of a publication in a few words: the entry's title here, the subject of
    a follower's mail (following/events.py)."""
    if isinstance(subject, Review):
        return _("Uppföljning %(period)s publicerad: %(title)s") % {
            "period": subject.period_label,
            "title": subject.document.title,
        }
    if subject.revision > 1:
        return _("Ny revision: %(title)s") % {"title": subject.title}
    if isinstance(subject, Pledge):
        return _("Nytt medborgarlöfte: %(title)s") % {"title": subject.title}
    return _("Ny samverkansöverenskommelse: %(title)s") % {"title": subject.title}


def publication_summary(subject: DatedDocument | Review) -> str:
    """What was published, in a sentence or two."""
    if isinstance(subject, Review):
        text = _("Parterna har följt upp %(title)s för %(period)s.") % {
            "title": subject.document.title,
            "period": subject.period_label,
        }
        if subject.revision > 1:
            text += " " + _("Uppföljningen är rättad och ersätter en tidigare version.")
        return text
    if subject.revision > 1:
        return _("Revision %(revision)d har publicerats och ersätter den tidigare versionen.") % {
            "revision": subject.revision
        }
    if isinstance(subject, Pledge):
        return _("Ett nytt medborgarlöfte för %(period)s har publicerats.") % {
            "period": subject.period_label
        }
    return _("En ny samverkansöverenskommelse (%(validity)s) har publicerats.") % {
        "validity": subject.validity_label
    }


def _document_entry(document: DatedDocument, base: str) -> FeedEntry:
    kind = type(document)._meta.model_name
    link = base + document.get_absolute_url()
    return FeedEntry(
        publication_headline(document),
        link,
        f"{link}#{kind}-{document.pk}",
        document.feed_at,
        publication_summary(document),
    )


def _review_entry(review: Review, base: str) -> FeedEntry:
    link = base + review.get_absolute_url()
    return FeedEntry(
        publication_headline(review),
        link,
        f"{link}#review-{review.pk}",
        review.published_at,
        publication_summary(review),
    )


def feed_entries(
    *,
    base: str,
    municipality: Municipality | None = None,
    police_area: PoliceArea | None = None,
    limit: int = MAX_ENTRIES,
) -> list[FeedEntry]:
    """The newest publications of a municipality, a police area or (neither given) the
    whole country, newest first; ``base`` is the site's scheme and host for the links."""
    # One query per kind of publication, whatever the data size: pledges, agreements,
    # follow-ups.
    entries = []
    scoped = {}
    for model in (Pledge, Agreement):
        scoped[model] = documents_in_place(
            model.objects.all(),
            municipality=municipality.slug if municipality else None,
            police_area=police_area.slug if police_area else None,
        )
        documents = (
            scoped[model]
            .shown()
            .annotate(feed_at=_published_at(model))
            .only("pk", "slug", "title", "revision", "updated_at", *_label_fields(model))
            .order_by("-feed_at", "-pk")[:limit]
        )
        entries += [_document_entry(document, base) for document in documents]
    reviews = Review.objects.published().filter(published_at__isnull=False)
    if municipality is not None or police_area is not None:
        reviews = reviews.filter(
            Q(pledge__in=scoped[Pledge].values("pk"))
            | Q(agreement__in=scoped[Agreement].values("pk"))
        )
    reviews = reviews.select_related("pledge", "agreement").order_by("-published_at", "-pk")
    entries += [_review_entry(review, base) for review in reviews[:limit]]
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return entries[:limit]


def _label_fields(model: type[DatedDocument]) -> tuple[str, ...]:
    if model is Pledge:
        return ("period_start", "period_end")
    return ("valid_from", "valid_until", "extends_until_further_notice")


@dataclass(frozen=True)
class FeedScope:
    """What one request for a feed is about; ``base`` is the site's scheme and host."""

    base: str
    title: str
    page_url: str
    municipality: Municipality | None = None
    police_area: PoliceArea | None = None


class PublicationFeed(Feed):
    """The Atom feed of one page. One instance answers every request, so what a request
    is about is in the object ``get_object`` returns, never on the instance."""

    feed_type = Atom1Feed
    item_guid_is_permalink = False

    def title(self, scope: FeedScope) -> str:
        return scope.title

    def link(self, scope: FeedScope) -> str:
        return scope.page_url

    def subtitle(self, scope: FeedScope) -> str:
        return _(
            "Nya medborgarlöften, samverkansöverenskommelser, revisioner och publicerade "
            "uppföljningar."
        )

    def author_name(self, scope: FeedScope) -> str:
        # Atom 1.0 (RFC 4287, 4.1.1) asks for an author of the feed when its entries name
        # none: the portal, which publishes for the police and the municipalities.
        return _("Medborgarlöften")

    def author_link(self, scope: FeedScope) -> str:
        return scope.base + "/"

    def feed_guid(self, scope: FeedScope) -> str:
        return f"{scope.base}{scope.page_url}#flode"

    def items(self, scope: FeedScope) -> list[FeedEntry]:
        return feed_entries(
            base=scope.base, municipality=scope.municipality, police_area=scope.police_area
        )

    def item_title(self, item: FeedEntry) -> str:
        return item.title

    def item_description(self, item: FeedEntry) -> str:
        return item.summary

    def item_link(self, item: FeedEntry) -> str:
        return item.link

    def item_guid(self, item: FeedEntry) -> str:
        return item.uid

    def item_pubdate(self, item: FeedEntry) -> datetime.datetime:
        return item.at

    def item_updateddate(self, item: FeedEntry) -> datetime.datetime:
        return item.at


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


class CountryFeed(PublicationFeed):
    def get_object(self, request) -> FeedScope:
        title = _("Medborgarlöften i hela Sverige")
        return FeedScope(_base(request), title, reverse("pledges:home"))


class MunicipalityFeed(PublicationFeed):
    def get_object(self, request, slug: str) -> FeedScope:
        municipality = Municipality.objects.filter(slug=slug).first()
        if municipality is None:
            raise Http404
        title = _("Medborgarlöften i %(name)s") % {"name": municipality.official_name}
        return FeedScope(
            _base(request), title, municipality.get_absolute_url(), municipality=municipality
        )


class PoliceAreaFeed(PublicationFeed):
    def get_object(self, request, slug: str) -> FeedScope:
        area = PoliceArea.objects.filter(slug=slug).first()
        if area is None:
            raise Http404
        title = _("Medborgarlöften i lokalpolisområde %(name)s") % {"name": area.name}
        return FeedScope(_base(request), title, area.get_absolute_url(), police_area=area)


# Served from the shared cache with the scopes of the page each feed belongs to.
country_feed = cached_page(lambda: ["home"])(CountryFeed())
municipality_feed = cached_page(lambda slug: [f"municipality:{slug}"])(MunicipalityFeed())
police_area_feed = cached_page(lambda slug: [f"police_area:{slug}"])(PoliceAreaFeed())
