"""Reads of the police area naming: an organisation's page, the start page's links, and
where a document's police area came from. Each runs a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.urls import reverse

from agreements.models import Municipality, Party, PoliceArea, PoliceAreaNaming
from agreements.models.parties import named_police_areas
from agreements.naming.services import (
    MUNICIPALITY_ROLES,
    POLICE_ROLES,
    can_answer,
    can_withdraw,
)
from agreements.people.access import party_kind
from agreements.permissions import roles_of

Status = PoliceAreaNaming.Status


def naming_url(party: Party) -> str:
    return reverse(
        "agreements:police_area_naming",
        kwargs={"kind": party_kind(party), "slug": party.organisation.slug},
    )


def _namings() -> QuerySet[PoliceAreaNaming]:
    return PoliceAreaNaming.objects.select_related(
        "municipality", "police_area", "proposed_by__profile", "decided_by__profile"
    )


@dataclass
class Answering:
    """A police area answering for a municipality, and the naming that made it so (None
    when it was entered before the portal named police areas, by the portal's staff)."""

    municipality: Municipality
    police_area: PoliceArea
    naming: PoliceAreaNaming | None


@dataclass
class NamingPage:
    party: Party
    answering: list[Answering]
    open: list[PoliceAreaNaming] = field(default_factory=list)
    closed: list[PoliceAreaNaming] = field(default_factory=list)


def naming_page(user: AbstractBaseUser, party: Party) -> NamingPage:
    """What an organisation's naming page shows (three queries): who answers now, the
    proposals waiting (each with ``can_answer`` and ``can_withdraw`` for ``user``), and
    every earlier proposal."""
    if party.is_police:
        namings = list(_namings().filter(police_area=party.police_area))
        municipalities = list(Municipality.objects.filter(police_area=party.police_area))
    else:
        namings = list(_namings().filter(municipality=party.municipality))
        municipalities = [party.municipality] if party.municipality.police_area_id else []
    accepted = {n.municipality_id: n for n in namings if n.status == Status.ACCEPTED}
    page = NamingPage(
        party=party,
        answering=[
            Answering(m, m.police_area, accepted.get(m.pk))
            for m in sorted(municipalities, key=lambda m: m.name)
        ],
    )
    for naming in namings:
        if naming.is_open:
            naming.can_answer = can_answer(user, naming)
            naming.can_withdraw = can_withdraw(user, naming)
            page.open.append(naming)
        elif naming.status != Status.ACCEPTED:
            page.closed.append(naming)
    return page


@dataclass(frozen=True)
class NamingLink:
    label: str
    url: str
    waiting: int  # proposals of the other side waiting for this organisation's answer


def naming_links(user: AbstractBaseUser) -> list[NamingLink]:
    """The organisations whose police area naming ``user`` may take part in, each with the
    number of proposals waiting for its answer (at most three queries)."""
    held = roles_of(user)
    area_ids = set().union(*(held.police_area_ids(role) for role in POLICE_ROLES))
    municipality_ids = set().union(*(held.municipality_ids(role) for role in MUNICIPALITY_ROLES))
    if not area_ids and not municipality_ids:
        return []
    waiting = list(
        PoliceAreaNaming.objects.filter(status=Status.PROPOSED)
        .filter(
            Q(police_area__in=area_ids, proposed_by_police=False)
            | Q(municipality__in=municipality_ids, proposed_by_police=True)
        )
        .values_list("police_area_id", "municipality_id", "proposed_by_police")
    )
    links = []
    for area in PoliceArea.objects.filter(pk__in=area_ids) if area_ids else []:
        party = Party(police_area=area)
        count = sum(1 for a, _m, by_police in waiting if a == area.pk and not by_police)
        links.append(NamingLink(party.name, naming_url(party), count))
    municipalities = Municipality.objects.filter(pk__in=municipality_ids)
    for municipality in municipalities if municipality_ids else []:
        party = Party(municipality=municipality)
        count = sum(1 for _a, m, by_police in waiting if m == municipality.pk and by_police)
        links.append(NamingLink(party.name, naming_url(party), count))
    return links


@dataclass(frozen=True)
class PoliceAreaNote:
    """Where the police area that follows up a document came from, when its text names
    none: the portal named it for ``municipality`` (``naming`` None: entered by staff)."""

    municipality: Municipality
    police_area: PoliceArea
    naming: PoliceAreaNaming | None


def police_area_notes(
    document, *, police_area_ids: Iterable[int] | None = None, at=None
) -> list[PoliceAreaNote]:
    """The police areas that follow up ``document`` though its text names none, and how the
    portal named each (at most one query; none when the text names a police area).

    ``police_area_ids`` and ``at`` describe a follow-up already signed: the police areas
    that signed it and when, so that a later naming does not change what it says.
    """
    if document.police_area_id:
        return []
    municipalities = list(document.municipalities.all())
    if police_area_ids is None:
        police_area_ids = [area.pk for area in named_police_areas(document)]
    police_area_ids = set(police_area_ids)
    if not police_area_ids or not municipalities:
        return []
    namings = _namings().filter(
        municipality__in=municipalities,
        police_area__in=police_area_ids,
        status__in=[Status.ACCEPTED, Status.ENDED],
    )
    if at is not None:
        namings = namings.filter(decided_at__lte=at)
    latest: dict[int, PoliceAreaNaming] = {}
    for naming in namings.order_by("decided_at", "pk"):
        latest[naming.municipality_id] = naming
    notes = []
    for municipality in municipalities:
        naming = latest.get(municipality.pk)
        if naming is not None:
            notes.append(PoliceAreaNote(municipality, naming.police_area, naming))
        elif municipality.police_area_id in police_area_ids:
            notes.append(PoliceAreaNote(municipality, municipality.police_area, None))
    return notes
