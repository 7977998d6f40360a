"""Reads for drafting: the editor's organisations and the parties they may name, their
drafts, and one draft for a user who may see it."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from agreements.models import Membership, Municipality, PoliceArea
from agreements.permissions import User, documents_filter, roles_of
from agreements.publishing.permissions import can_view
from pledges.models import Pledge
from pledges.publishing import PLEDGE_PUBLISHING
from pledges.selectors import published_pledges
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
    user: User, pledge: Pledge | None = None
) -> tuple[list[Municipality], list[PoliceArea]]:
    """The municipalities and police areas an editor may name as parties: their own
    organisations' police areas and every municipality in them, and the draft's own
    parties (two queries)."""
    roles = roles_of(user)
    municipality_ids = roles.municipality_ids(EDITOR)
    extra_areas = {pledge.police_area_id} if pledge and pledge.police_area_id else set()
    extra_municipalities = {m.pk for m in pledge.municipalities.all()} if pledge else set()
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


def drafts_for_editor(user: User) -> list[Pledge]:
    """Draft and submitted pledges of the parties where the user is an editor, latest
    changed first (one query, none for a user who is nobody's editor)."""
    parties = documents_filter(user, [EDITOR])
    if parties is None:
        return []
    return list(
        Pledge.objects.filter(
            status__in=[PublicationStatus.DRAFT, PublicationStatus.SUBMITTED],
            pk__in=Pledge.objects.filter(parties).values("pk"),
        )
        .select_related("police_area")
        .order_by("-updated_at", "-pk")
    )


def latest_published_pledge(organisation: Municipality | PoliceArea) -> Pledge | None:
    """The organisation's published pledge that started last, with all its parts."""
    if isinstance(organisation, PoliceArea):
        found = published_pledges().filter(police_area=organisation)
    else:
        found = published_pledges().filter(municipalities=organisation)
    latest = found.order_by("-period_start", "-pk").values_list("pk", flat=True).first()
    return None if latest is None else PLEDGE_PUBLISHING.load(latest)


def get_pledge_for_viewer(user: User, pk: int) -> Pledge:
    """A pledge in any state, with every part its page shows, for a user who may see it
    before residents do (its editors; its signatories once it is sent); 404 for others."""
    try:
        pledge = PLEDGE_PUBLISHING.load(pk)
    except Pledge.DoesNotExist:
        raise Http404 from None
    if not can_view(user, pledge):
        raise Http404
    return pledge
