"""Pledges as the publishing workflow sees them: loaded, fingerprinted, copied."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from agreements.publishing.spec import PublishingSpec
from pledges.documents import PLEDGE_PDF
from pledges.models import Commitment, FocusArea, Pledge, PledgeSignOff
from pledges.selectors import commitment_sections, pledge_queryset


class PledgeSpec(PublishingSpec):
    model = Pledge
    sign_off_model = PledgeSignOff
    sign_off_field = "pledge"
    pdf = PLEDGE_PDF
    draft_url_name = "pledges:draft"
    preview_pdf_url_name = "pledges:draft_preview_pdf"
    url_kind = "medborgarlofte"
    content_template = "pledges/includes/pledge_content.html"

    def load(self, pk: int) -> Pledge:
        return pledge_queryset().get(pk=pk)

    def content_data(self, document: Pledge) -> dict[str, Any]:
        return {
            "title": document.title,
            "period": [document.period_start.isoformat(), document.period_end.isoformat()],
            "police_area": document.police_area_id,
            "municipalities": sorted(m.pk for m in document.municipalities.all()),
            "agreement": document.agreement_id,
            "predecessor": document.predecessor_id,
            "texts": [
                document.background,
                document.basis,
                document.goal,
                document.effects,
                document.feedback,
                document.follow_up,
                document.source_note,
            ],
            "focus_areas": [[a.pk, a.title, a.description] for a in document.focus_areas.all()],
            "commitments": [
                [
                    c.text,
                    c.focus_area_id,
                    c.responsible,
                    c.responsible_municipality_id,
                    c.kind,
                    c.yearly_target,
                ]
                for c in document.commitments.all()
            ],
            "signatories": [
                [s.name, s.title, s.party, s.organisation, str(s.signed_on or "")]
                for s in document.signatories.all()
            ],
        }

    def copy_parts(self, source: Pledge, target: Pledge, *, signatories: bool = True) -> None:
        # A revision's parts name what they were copied from, so that the follow-up moves
        # on to them; a new pledge started from its predecessor begins its own follow-up.
        is_revision = target.revises_id == source.pk
        areas = {}
        for area in source.focus_areas.all():
            areas[area.pk] = FocusArea.objects.create(
                pledge=target,
                title=area.title,
                description=area.description,
                order=area.order,
                copied_from=area if is_revision else None,
            )
        for commitment in source.commitments.all():
            Commitment.objects.create(
                pledge=target,
                focus_area=areas.get(commitment.focus_area_id),
                text=commitment.text,
                responsible=commitment.responsible,
                responsible_municipality_id=commitment.responsible_municipality_id,
                kind=commitment.kind,
                yearly_target=commitment.yearly_target,
                order=commitment.order,
                copied_from=commitment if is_revision else None,
            )
        if signatories:
            self.copy_signatories(source, target)

    def submission_problems(self, document: Pledge) -> list[str]:
        problems = super().submission_problems(document)
        if not document.commitments.all():
            problems.insert(0, _("Skriv minst ett löfte innan medborgarlöftet skickas."))
        return problems

    def page_context(self, document: Pledge) -> dict[str, Any]:
        return {"pledge": document, "sections": commitment_sections(document)}


PLEDGE_PUBLISHING = PledgeSpec()
