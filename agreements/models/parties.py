"""A party: one municipality or one local police area, never both.

`Party` is the value every part of the portal uses to name, key, label and filter the
parties of a document; `PartyReference` is the abstract model for a row that belongs to
exactly one party (a membership, a signature).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.models.organisations import Municipality, PoliceArea

if TYPE_CHECKING:
    from django.db.models import Manager

# A key that identifies a party without loading it: ("police_area", 3), ("municipality", 7).
PartyKey = tuple[str, int]

POLICE_AREA = "police_area"
MUNICIPALITY = "municipality"

EXACTLY_ONE_PARTY = Q(municipality__isnull=False, police_area__isnull=True) | Q(
    municipality__isnull=True, police_area__isnull=False
)


@dataclass(frozen=True)
class Party:
    """One party to a document: a police area or a municipality."""

    municipality: Municipality | None = None
    police_area: PoliceArea | None = None

    def __post_init__(self) -> None:
        if (self.municipality is None) == (self.police_area is None):
            raise ValueError("A party is a municipality or a police area, exactly one.")

    @property
    def key(self) -> PartyKey:
        if self.police_area is not None:
            return (POLICE_AREA, self.police_area.pk)
        return (MUNICIPALITY, self.municipality.pk)

    @property
    def organisation(self) -> Municipality | PoliceArea:
        return self.police_area or self.municipality

    @property
    def is_police(self) -> bool:
        return self.police_area is not None

    @property
    def name(self) -> str:
        """How documents name the party: "Polisen, lokalpolisområde Skellefteå", "Malå kommun"."""
        if self.police_area is not None:
            return _("Polisen, lokalpolisområde %(name)s") % {"name": self.police_area.name}
        return self.municipality.official_name

    @property
    def signer_label(self) -> str:
        if self.police_area is not None:
            return _("Lokalpolisområdets chef")
        return _("Undertecknare för %(name)s") % {"name": self.municipality.official_name}


class HasParties(Protocol):
    """A document with parties: a pledge or an agreement."""

    police_area: PoliceArea | None
    police_area_id: int | None
    municipalities: Manager[Municipality]

    @property
    def police_party_label(self) -> str: ...


def document_parties(document: HasParties) -> list[Party]:
    """The parties of a pledge or agreement, the police first (uses prefetched rows)."""
    parties = []
    if document.police_area_id:
        parties.append(Party(police_area=document.police_area))
    parties.extend(Party(municipality=m) for m in document.municipalities.all())
    return parties


def named_police_areas(document: HasParties) -> list[PoliceArea]:
    """The police areas named in the portal for a document whose text names none: each
    distinct police area of its municipalities (loaded with them); [] when the text names
    one."""
    if document.police_area_id:
        return []
    areas: dict[int, PoliceArea] = {}
    for municipality in document.municipalities.all():
        if municipality.police_area_id and municipality.police_area_id not in areas:
            areas[municipality.police_area_id] = municipality.police_area
    return list(areas.values())


def followup_parties(document: HasParties) -> list[Party]:
    """The parties that follow up a document, log its activities and sign its annual
    reviews: its own parties and, where its text names no police area, the police area
    named in the portal for its municipalities (``PoliceAreaNaming``)."""
    named = [Party(police_area=area) for area in named_police_areas(document)]
    return [*named, *document_parties(document)]


def parties_line(document: HasParties, *, followup: bool = False) -> str:
    """The parties as one line: "Polisen, lokalpolisområde X och Y kommun, Z kommun";
    with ``followup``, the parties that follow it up (``followup_parties``)."""
    parties = followup_parties(document) if followup else document_parties(document)
    police = parties[0].name if parties and parties[0].is_police else document.police_party_label
    municipalities = ", ".join(p.name for p in parties if not p.is_police)
    return f"{police} {_('och')} {municipalities}" if municipalities else police


class PartyReference(models.Model):
    """A row that belongs to exactly one party: a municipality or a police area."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=gettext_lazy("kommun"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    police_area = models.ForeignKey(
        PoliceArea,
        verbose_name=gettext_lazy("lokalpolisområde"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=EXACTLY_ONE_PARTY,
                name="%(app_label)s_%(class)s_one_party",
                violation_error_message=gettext_lazy(
                    "Välj antingen en kommun eller ett lokalpolisområde."
                ),
            ),
        ]

    def clean(self) -> None:
        if bool(self.municipality_id) == bool(self.police_area_id):
            raise ValidationError(_("Välj antingen en kommun eller ett lokalpolisområde."))

    @property
    def party_key(self) -> PartyKey:
        """The party's key from the ids alone: no query."""
        if self.police_area_id:
            return (POLICE_AREA, self.police_area_id)
        return (MUNICIPALITY, self.municipality_id)

    @property
    def party(self) -> Party:
        return Party(municipality=self.municipality, police_area=self.police_area)

    @property
    def organisation(self) -> Municipality | PoliceArea | None:
        return self.municipality or self.police_area
