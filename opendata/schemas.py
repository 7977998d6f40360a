"""The open data API's schemas: what each resource holds, read from the models.

django-ninja builds both the JSON answers and the OpenAPI document from these pydantic
schemas, so the two cannot disagree. Descriptions are Swedish, like the portal.
Addresses are absolute, built from SITE_URL (never from the request's host: the answers
are shared by everyone through the page cache).
"""

from __future__ import annotations

import datetime
from typing import Literal

from ninja import Field, Schema

from agreements.models import PartyKind
from opendata.follow_up_schemas import AssessmentOut, FollowUpOut
from opendata.schema_base import Error, PageInfo, absolute

__all__ = ["AssessmentOut", "Error", "FollowUpOut", "PageInfo", "absolute"]

Party = Literal["police", "municipality", "joint"]


class MunicipalityOut(Schema):
    slug: str = Field(description="Kortnamnet i adressen; stabilt id.")
    code: str = Field(description="Kommunkoden (fyra siffror).")
    name: str
    official_name: str
    county: str = Field(description="Länets kod i portalen, t.ex. ”vasterbotten”.")
    county_name: str
    police_area: str | None = Field(description="Lokalpolisområdets kortnamn, om känt.")
    url: str = Field(description="Kommunens sida i portalen.")
    pledges: list[str] = Field(description="Kortnamnen på kommunens publicerade löften.")
    agreements: list[str] = Field(description="Kortnamnen på publicerade överenskommelser.")

    @staticmethod
    def resolve_county_name(obj) -> str:
        return str(obj.get_county_display())

    @staticmethod
    def resolve_police_area(obj) -> str | None:
        return obj.police_area.slug if obj.police_area_id else None

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute(obj.get_absolute_url())

    @staticmethod
    def resolve_pledges(obj) -> list[str]:
        return [p.slug for p in obj.pledges.all()]

    @staticmethod
    def resolve_agreements(obj) -> list[str]:
        return [a.slug for a in obj.agreements.all()]


class PoliceAreaOut(Schema):
    slug: str = Field(description="Kortnamnet i adressen; stabilt id.")
    name: str
    region: str
    region_name: str
    url: str
    municipalities: list[str] = Field(description="Kortnamnen på områdets kommuner.")

    @staticmethod
    def resolve_region_name(obj) -> str:
        return str(obj.get_region_display())

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute(obj.get_absolute_url())

    @staticmethod
    def resolve_municipalities(obj) -> list[str]:
        return sorted(m.slug for m in obj.municipalities.all())


class SignatoryOut(Schema):
    name: str
    title: str
    organisation: str
    party: Party = Field(description="Polisen, kommunen eller gemensamt.")
    signed_on: datetime.date | None


class FocusAreaOut(Schema):
    id: int
    title: str
    description: str


class YearProgressOut(Schema):
    year: int
    target: int | None = Field(description="Mål för året (antal), för löften med mål per år.")
    done: int = Field(description="Antal genomförda tillfällen som loggats för året.")
    requests_received: int = Field(description="Önskemål som kommit in (löften vid önskemål).")
    requests_answered: int = Field(description="Önskemål som besvarats.")
    example_data: bool = Field(description="Sant om siffrorna bygger på exempeldata.")
    followed_up_in_portal: bool = Field(
        description="Falskt för ett passerat år som inte följdes upp i portalen: "
        "nollorna betyder då inte att inget gjordes."
    )

    @staticmethod
    def resolve_requests_received(obj) -> int:
        return obj.received

    @staticmethod
    def resolve_requests_answered(obj) -> int:
        return obj.answered

    @staticmethod
    def resolve_example_data(obj) -> bool:
        return obj.has_example

    @staticmethod
    def resolve_followed_up_in_portal(obj) -> bool:
        return obj.tracked


class CommitmentOut(Schema):
    id: int = Field(description="Löftets id; ändras inte så länge revisionen gäller.")
    focus_area_id: int | None
    focus_area: str | None = Field(description="Fokusområdets rubrik.")
    text: str
    responsible: Literal["police", "municipality", "joint", "named_municipality"] = Field(
        description="Vem som ansvarar: polisen, kommunen, gemensamt eller en namngiven kommun."
    )
    responsible_label: str
    responsible_municipality: str | None = Field(description="Den namngivna kommunens kortnamn.")
    kind: Literal["yearly_target", "ongoing", "on_request", "one_off"] | None = Field(
        description="Mål per år, löpande, vid önskemål, en gång; null när texten inte säger det."
    )
    kind_label: str
    yearly_target: int | None
    progress: list[YearProgressOut] = Field(description="Loggat per år under perioden.")

    @staticmethod
    def resolve_focus_area(obj) -> str | None:
        return obj.focus_area.title if obj.focus_area_id else None

    @staticmethod
    def resolve_responsible_label(obj) -> str:
        return str(obj.responsible_label)

    @staticmethod
    def resolve_responsible_municipality(obj) -> str | None:
        return obj.responsible_municipality.slug if obj.responsible_municipality_id else None

    @staticmethod
    def resolve_kind(obj) -> str | None:
        return obj.kind or None

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.kind_label)

    @staticmethod
    def resolve_progress(obj) -> list:
        return obj.years


class DocumentOut(Schema):
    """What a pledge and an agreement share: their page, their status today and their
    parties (the subclasses declare the fields; ninja inherits the resolvers)."""

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute(obj.get_absolute_url())

    @staticmethod
    def resolve_status(obj) -> str:
        return obj.phase(obj.api_today).value

    @staticmethod
    def resolve_status_label(obj) -> str:
        return str(obj.phase(obj.api_today).label)

    @staticmethod
    def resolve_police_area(obj) -> str | None:
        return obj.police_area.slug if obj.police_area_id else None

    @staticmethod
    def resolve_municipalities(obj) -> list[str]:
        return [m.slug for m in obj.municipalities.all()]


class PledgeOut(DocumentOut):
    slug: str = Field(description="Kortnamnet i adressen; stabilt id.")
    title: str
    revision: int
    url: str
    status: Literal["upcoming", "current", "ended"] = Field(
        description="Kommande, gäller nu eller avslutat (i dag)."
    )
    status_label: str
    superseded: bool = Field(description="Sant när nästa löfte för samma parter publicerats.")
    period_start: datetime.date
    period_end: datetime.date
    published_on: datetime.date | None
    police_area: str | None
    municipalities: list[str]
    agreement: str | None = Field(description="Överenskommelsen löftet vilar på, om publicerad.")
    background: str
    basis: str
    goal: str
    effects: str
    feedback: str
    follow_up: str
    focus_areas: list[FocusAreaOut]
    commitments: list[CommitmentOut]
    signatories: list[SignatoryOut]

    @staticmethod
    def resolve_agreement(obj) -> str | None:
        agreement = obj.agreement
        return agreement.slug if agreement is not None and agreement.is_published else None

    @staticmethod
    def resolve_focus_areas(obj) -> list:
        return list(obj.focus_areas.all())

    @staticmethod
    def resolve_commitments(obj) -> list:
        return list(obj.commitments.all())

    @staticmethod
    def resolve_signatories(obj) -> list:
        return list(obj.signatories.all())


class DutyOut(Schema):
    party: Party = Field(description="Polisen, kommunen eller gemensamt.")
    party_label: str
    lead_in: str
    text: str

    @staticmethod
    def resolve_party_label(obj) -> str:
        return str(PartyKind(obj.party).label)


class AgreementOut(DocumentOut):
    slug: str = Field(description="Kortnamnet i adressen; stabilt id.")
    title: str
    revision: int
    url: str
    status: Literal["upcoming", "current", "extended", "ended"] = Field(
        description="Kommande, gäller nu, förlängs tills vidare eller avslutat (i dag)."
    )
    status_label: str
    valid_from: datetime.date
    valid_until: datetime.date | None
    extends_until_further_notice: bool
    follow_up_interval_years: int | None
    followed_up_by: str
    police_area: str | None
    municipalities: list[str]
    introduction: str
    goals: list[str]
    duties: list[DutyOut]
    signatories: list[SignatoryOut]

    @staticmethod
    def resolve_goals(obj) -> list[str]:
        return [goal.text for goal in obj.goals.all()]

    @staticmethod
    def resolve_duties(obj) -> list:
        return list(obj.duties.all())

    @staticmethod
    def resolve_signatories(obj) -> list:
        return list(obj.signatories.all())


class MunicipalityPage(PageInfo):
    items: list[MunicipalityOut]


class PoliceAreaPage(PageInfo):
    items: list[PoliceAreaOut]


class PledgePage(PageInfo):
    items: list[PledgeOut]


class AgreementPage(PageInfo):
    items: list[AgreementOut]


class FollowUpPage(PageInfo):
    items: list[FollowUpOut]
