"""The parties (municipalities, police areas, their people) and the agreements between them."""

from agreements.models.dated import (
    DatedDocument,
    DocumentFrozenError,
    DocumentPart,
    DocumentQuerySet,
    FormerSlug,
    Signatory,
)
from agreements.models.documents import (
    Agreement,
    AgreementDuty,
    AgreementFormerSlug,
    AgreementGoal,
    AgreementSignatory,
    AgreementSignOff,
)
from agreements.models.invitations import Invitation
from agreements.models.memberships import Membership
from agreements.models.namings import PoliceAreaNaming
from agreements.models.organisations import (
    County,
    Municipality,
    PartyKind,
    PoliceArea,
    PoliceRegion,
)
from agreements.models.parties import (
    Party,
    PartyKey,
    PartyReference,
    document_parties,
    followup_parties,
)
from agreements.models.signoffs import DocumentEvent, SignOff

__all__ = [
    "Agreement",
    "AgreementDuty",
    "AgreementFormerSlug",
    "AgreementGoal",
    "AgreementSignatory",
    "AgreementSignOff",
    "County",
    "DatedDocument",
    "DocumentEvent",
    "DocumentFrozenError",
    "DocumentPart",
    "DocumentQuerySet",
    "FormerSlug",
    "Invitation",
    "Membership",
    "Municipality",
    "Party",
    "PartyKey",
    "PartyKind",
    "PartyReference",
    "PoliceArea",
    "PoliceAreaNaming",
    "PoliceRegion",
    "SignOff",
    "Signatory",
    "document_parties",
    "followup_parties",
]
