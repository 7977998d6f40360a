"""Reads of the publishing workflow: a document's signatures and steps, and what waits
for a signatory."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from agreements.models import DatedDocument, DocumentEvent, Membership, Party, SignOff
from agreements.models.parties import document_parties
from agreements.permissions import User, documents_filter, parties_with_role
from agreements.publishing.registry import registered
from agreements.publishing.spec import PublishingSpec
from agreements.signing import missing_parties
from portal.choices import PublicationStatus


@dataclass
class SigningState:
    """Who has signed the current version, who has not, and what the user may do."""

    sign_offs: list[SignOff]
    parties: list[Party]
    missing: list[Party]
    mine_missing: list[Party]
    lapsed: list[SignOff]

    @property
    def mine_missing_names(self) -> str:
        return ", ".join(p.name for p in self.mine_missing)

    @property
    def signing_publishes(self) -> bool:
        """Whether the user's signature is the last one needed: it publishes at once."""
        return bool(self.mine_missing) and len(self.mine_missing) == len(self.missing)

    def party_signed(self, party: Party) -> bool:
        return party not in self.missing


def signing_state(spec: PublishingSpec, document: DatedDocument, user: User) -> SigningState:
    """One query: the document's sign-offs with their parties."""
    all_sign_offs = list(
        spec.sign_off_model.objects.filter(**{spec.sign_off_field: document}).select_related(
            "municipality", "police_area"
        )
    )
    current = [s for s in all_sign_offs if s.content_version == document.content_version]
    parties = document_parties(document)
    missing = missing_parties(parties, current)
    return SigningState(
        sign_offs=current,
        parties=parties,
        missing=missing,
        mine_missing=parties_with_role(user, missing, Membership.Role.SIGNATORY),
        lapsed=[
            s
            for s in all_sign_offs
            if s.user_id == user.pk and s.content_version < document.content_version
        ],
    )


def document_events(document: DatedDocument) -> list[DocumentEvent]:
    return list(
        DocumentEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(document), object_id=document.pk
        ).select_related("content_type")
    )


@dataclass
class WaitingDocument:
    spec: PublishingSpec
    document: DatedDocument

    @property
    def url(self) -> str:
        return self.spec.step_url("sign", self.document)


def documents_to_sign(user: User) -> list[WaitingDocument]:
    """Pledges and agreements sent for signing to a party where ``user`` is a signatory,
    that party not having signed yet; one query per document type and one for signatures."""
    waiting = []
    for spec in registered():
        where = documents_filter(user, [Membership.Role.SIGNATORY])
        if where is None:
            continue
        documents = list(
            spec.model.objects.filter(where, status=PublicationStatus.SUBMITTED)
            .select_related("police_area")
            .prefetch_related("municipalities", "sign_offs")
            .distinct()
            .order_by("submitted_at", "pk")
        )
        for document in documents:
            current = [
                s for s in document.sign_offs.all() if s.content_version == document.content_version
            ]
            missing = missing_parties(document_parties(document), current)
            if parties_with_role(user, missing, Membership.Role.SIGNATORY):
                waiting.append(WaitingDocument(spec, document))
    return waiting
