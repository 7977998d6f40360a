"""The parties (municipalities, police areas, their people) and the agreements between them."""

from agreements.models.documents import (
    Agreement,
    AgreementDuty,
    AgreementFormerSlug,
    AgreementGoal,
    AgreementSignatory,
    DatedDocument,
    DocumentQuerySet,
    FormerSlug,
    Signatory,
)
from agreements.models.memberships import Membership
from agreements.models.organisations import (
    County,
    Municipality,
    PartyKind,
    PoliceArea,
    PoliceRegion,
)
from agreements.models.parties import Party, PartyKey, PartyReference, document_parties

__all__ = [
    "Agreement",
    "AgreementDuty",
    "AgreementFormerSlug",
    "AgreementGoal",
    "AgreementSignatory",
    "County",
    "DatedDocument",
    "DocumentQuerySet",
    "FormerSlug",
    "Membership",
    "Municipality",
    "Party",
    "PartyKey",
    "PartyKind",
    "PartyReference",
    "PoliceArea",
    "PoliceRegion",
    "Signatory",
    "document_parties",
]
