"""Agreements as the publishing workflow sees them: loaded, fingerprinted, copied."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from agreements.documents import AGREEMENT_PDF
from agreements.models import (
    Agreement,
    AgreementDuty,
    AgreementGoal,
    AgreementSignOff,
)
from agreements.publishing.spec import PublishingSpec
from agreements.selectors import agreement_queryset


class AgreementSpec(PublishingSpec):
    model = Agreement
    sign_off_model = AgreementSignOff
    sign_off_field = "agreement"
    pdf = AGREEMENT_PDF
    draft_url_name = "agreements:draft"
    preview_pdf_url_name = "agreements:draft_preview_pdf"
    url_kind = "overenskommelse"
    content_template = "agreements/includes/agreement_content.html"

    def load(self, pk: int) -> Agreement:
        return agreement_queryset().get(pk=pk)

    def content_data(self, document: Agreement) -> dict[str, Any]:
        return {
            "title": document.title,
            "validity": [
                document.valid_from.isoformat(),
                document.valid_until.isoformat() if document.valid_until else None,
                document.extends_until_further_notice,
            ],
            "police_area": document.police_area_id,
            "police_party_name": document.police_party_name,
            "municipalities": sorted(m.pk for m in document.municipalities.all()),
            "predecessor": document.predecessor_id,
            "texts": [
                document.introduction,
                document.goals_introduction,
                document.strategy,
                document.follow_up,
                document.followed_up_by,
                document.follow_up_interval_years,
                document.source_note,
            ],
            "goals": [g.text for g in document.goals.all()],
            "duties": [[d.lead_in, d.party, d.text] for d in document.duties.all()],
            "signatories": [
                [s.name, s.title, s.party, s.organisation, str(s.signed_on or "")]
                for s in document.signatories.all()
            ],
        }

    def copy_parts(self, source: Agreement, target: Agreement, *, signatories: bool = True) -> None:
        # A revision's duties name what they were copied from (see PledgeSpec.copy_parts).
        is_revision = target.revises_id == source.pk
        for goal in source.goals.all():
            AgreementGoal.objects.create(agreement=target, text=goal.text, order=goal.order)
        for duty in source.duties.all():
            AgreementDuty.objects.create(
                agreement=target,
                lead_in=duty.lead_in,
                party=duty.party,
                text=duty.text,
                order=duty.order,
                copied_from=duty if is_revision else None,
            )
        if signatories:
            self.copy_signatories(source, target)

    def submission_problems(self, document: Agreement) -> list[str]:
        problems = super().submission_problems(document)
        if not document.duties.all():
            problems.insert(0, _("Skriv minst ett åtagande innan överenskommelsen skickas."))
        return problems

    def page_context(self, document: Agreement) -> dict[str, Any]:
        return {"agreement": document}


AGREEMENT_PUBLISHING = AgreementSpec()
