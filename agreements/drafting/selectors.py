"""Reads every draft page makes: the editor's organisations and the parties they may
name, a document type's drafts, the latest published document to start from, and one
draft for a user who may see it."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from agreements.models import DatedDocument, Membership, Municipality, PoliceArea
from agreements.permissions import User, documents_filter, roles_of
from agreements.publishing.permissions import can_view
from agreements.publishing.spec import PublishingSpec
from portal.choices import PublicationStatus

EDITOR = Membership.Role.EDITOR


def is_editor(user: User) -> bool:
    """Whether the user is an editor of any municipality or police area."""
    return roles_of(user).has_any(EDITOR)


def editor_organisations(user: User) -> list[Municipality | PoliceArea]:
    """The police areas and municipalities where the user is an editor (two queries)."""
    roles = roles_of(user)
    areas = list(PoliceArea.objects.filter(pk__in=roles.police_area_ids(EDITOR)).order_by("name"))
    municipalities = list(
        Municipality.objects.filter(pk__in=roles.municipality_ids(EDITOR)).order_by("name")
    )
    return [*areas, *municipalities]


def party_options(
    user: User, document: DatedDocument | None = None
) -> tuple[list[Municipality], list[PoliceArea]]:
    """The municipalities and police areas an editor may name as parties: their own
    organisations' police areas and every municipality in them, and the draft's own
    parties (two queries; the draft's municipalities prefetched)."""
    roles = roles_of(user)
    municipality_ids = roles.municipality_ids(EDITOR)
    extra_areas = {document.police_area_id} if document and document.police_area_id else set()
    extra_municipalities = {m.pk for m in document.municipalities.all()} if document else set()
    areas = list(
        PoliceArea.objects.filter(
            Q(pk__in=roles.police_area_ids(EDITOR) | extra_areas)
            | Q(municipalities__in=municipality_ids)
        )
        .distinct()
        .order_by("name")
    )
    municipalities = list(
        Municipality.objects.filter(
            Q(pk__in=municipality_ids | extra_municipalities)
            | Q(police_area__in=[a.pk for a in areas])
        )
        .distinct()
        .order_by("name")
    )
    return municipalities, areas


def drafts_for_editor(model: type[DatedDocument], user: User) -> list[DatedDocument]:
    """Draft and submitted documents of the parties where the user is an editor, latest
    changed first (one query, none for a user who is nobody's editor)."""
    parties = documents_filter(user, [EDITOR])
    if parties is None:
        return []
    return list(
        model.objects.filter(
            status__in=[PublicationStatus.DRAFT, PublicationStatus.SUBMITTED],
            pk__in=model.objects.filter(parties).values("pk"),
        )
        .select_related("police_area")
        .order_by("-updated_at", "-pk")
    )


def latest_published(
    spec: PublishingSpec,
    published: QuerySet,
    organisation: Municipality | PoliceArea,
    *,
    start_field: str,
) -> DatedDocument | None:
    """The organisation's document among ``published`` that started last (by
    ``start_field``), with all its parts."""
    if isinstance(organisation, PoliceArea):
        found = published.filter(police_area=organisation)
    else:
        found = published.filter(municipalities=organisation)
    latest = found.order_by(f"-{start_field}", "-pk").values_list("pk", flat=True).first()
    return None if latest is None else spec.load(latest)


def get_document_for_viewer(spec: PublishingSpec, user: User, pk: int) -> DatedDocument:
    """A document in any state, with every part its page shows, for a user who may see
    it before residents do (its editors; its signatories once it is sent); 404 for others."""
    try:
        document = spec.load(pk)
    except spec.model.DoesNotExist:
        raise Http404 from None
    if not can_view(user, document):
        raise Http404
    return document
