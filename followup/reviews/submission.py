"""What must be in place before a review goes to the signatories."""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from agreements.models import followup_parties
from followup.reviews.models import Assessment, Review, ReviewItem


def submission_problems(review: Review, items: list[ReviewItem]) -> list[str]:
    """What must be in place before a review can go to the signatories (Swedish)."""
    errors = submission_errors(review, items, confirmed_short=True)
    return [str(message) for messages in errors.values() for message in messages]


def submission_errors(
    review: Review, items: list[ReviewItem], *, confirmed_short: bool
) -> dict[str, list[str]]:
    """What stops a submission, by form field (``item_<pk>_assessment``, ``summary``) or
    NON_FIELD_ERRORS. Items must have been through live_progress unless
    ``confirmed_short``: an item assessed as done though fewer times were logged than
    its yearly target is then asked about once."""
    errors: dict[str, list[str]] = {}
    document = review.document
    general = []
    if not any(party.is_police for party in followup_parties(document)):
        general.append(
            _(
                "Dokumentet anger inget lokalpolisområde, så polisen kan inte skriva under. "
                "Kommunens administratör och lokalpolisområdet namnger först i portalen "
                "vilket lokalpolisområde som svarar för kommunen (under ”Ansvarigt "
                "lokalpolisområde” på startsidan för inloggade)."
            )
        )
    if not document.municipalities.exists():
        general.append(_("Dokumentet anger ingen kommun som kan skriva under."))
    missing = [item for item in items if not item.assessment]
    if missing:
        message = (
            _("Bedöm alla åtaganden: %(n)d saknar bedömning.")
            if review.agreement_id
            else _("Bedöm alla löften: %(n)d saknar bedömning.")
        )
        general.append(message % {"n": len(missing)})
    if general:
        errors[NON_FIELD_ERRORS] = general
    if not review.summary.strip():
        errors["summary"] = [_("Skriv en sammanfattning.")]
    for item in missing:
        errors[f"item_{item.pk}_assessment"] = [
            _("Välj en bedömning för ”%(text)s”.") % {"text": _short(item.text)}
        ]
    if not confirmed_short:
        for item in items:
            if item.assessment == Assessment.DONE and getattr(item, "short_of_target", False):
                errors[f"item_{item.pk}_assessment"] = [
                    _(
                        "”%(text)s” är bedömt som genomfört, men loggen visar färre tillfällen "
                        "än målet. Kontrollera bedömningen, eller bekräfta den i rutan längst "
                        "ned."
                    )
                    % {"text": _short(item.text)}
                ]
    return errors


def _short(text: str) -> str:
    return Truncator(text).chars(60)
