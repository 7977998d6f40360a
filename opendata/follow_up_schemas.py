"""The schemas of the published follow-ups and their assessments."""

from __future__ import annotations

import datetime
from typing import Literal

from ninja import Field, Schema

from opendata.schema_base import absolute


class AssessmentOut(Schema):
    order: int
    group: str = Field(description="Avsnittet (fokusområde eller part) i uppföljningen.")
    text: str = Field(description="Löftets text som den undertecknades.")
    commitment_id: int | None = Field(
        description="Löftets id i den revision av löftet som uppföljningen skrevs under på."
    )
    logged_progress: str = Field(description="Vad som loggats under perioden, i ord.")
    assessment: Literal["done", "partly", "ongoing", "not_done", "not_applicable"] | None = Field(
        description="Parternas bedömning; null när raden inte bedömdes."
    )
    assessment_label: str
    comment: str

    @staticmethod
    def resolve_logged_progress(obj) -> str:
        return obj.progress

    @staticmethod
    def resolve_assessment(obj) -> str | None:
        return obj.assessment or None

    @staticmethod
    def resolve_assessment_label(obj) -> str:
        return str(obj.get_assessment_display()) if obj.assessment else ""


class SignatureOut(Schema):
    """A signature given in the portal, as the follow-up's page shows it."""

    name: str = Field(description="Namnet, som det var när personen skrev under.")
    title: str = Field(description="Titeln, som den var när personen skrev under.")
    organisation: str = Field(description="Den part personen skrev under för.")
    signed_at: datetime.datetime


class FollowUpOut(Schema):
    id: int = Field(description="Uppföljningens nummer, som i adressen /uppfoljning/<id>/.")
    url: str
    document_type: Literal["pledge", "agreement"] = Field(
        description="Medborgarlöfte eller samverkansöverenskommelse."
    )
    pledge: str | None = Field(description="Löftets kortnamn (den gällande revisionen).")
    agreement: str | None = Field(description="Överenskommelsens kortnamn.")
    document_revision: int = Field(description="Revisionen av dokumentet den skrevs under på.")
    municipalities: list[str]
    period_start: datetime.date
    period_end: datetime.date
    period_label: str
    revision: int = Field(description="Uppföljningens revision (2 och senare är rättelser).")
    published_at: datetime.datetime | None
    scanned: bool = Field(description="Sant för en uppföljning undertecknad på papper.")
    summary: str
    lessons: str
    next_steps: str
    assessments: list[AssessmentOut]
    signatures: list[SignatureOut] = Field(
        description="Underskrifterna i portalen; tom för en uppföljning undertecknad på papper."
    )

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute(obj.get_absolute_url())

    @staticmethod
    def resolve_document_type(obj) -> str:
        return "pledge" if obj.pledge_id else "agreement"

    @staticmethod
    def resolve_pledge(obj) -> str | None:
        return obj.api_document_slug if obj.pledge_id else None

    @staticmethod
    def resolve_agreement(obj) -> str | None:
        return None if obj.pledge_id else obj.api_document_slug

    @staticmethod
    def resolve_document_revision(obj) -> int:
        return obj.document.revision

    @staticmethod
    def resolve_municipalities(obj) -> list[str]:
        return [m.slug for m in obj.document.municipalities.all()]

    @staticmethod
    def resolve_scanned(obj) -> bool:
        return obj.is_scanned

    @staticmethod
    def resolve_assessments(obj) -> list:
        return list(obj.items.all())

    @staticmethod
    def resolve_signatures(obj) -> list:
        return obj.current_sign_offs()
