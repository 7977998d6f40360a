"""Writes on agreements: publishing, and issuing the sealed PDF."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement
from agreements.selectors import agreement_for_page
from portal.choices import PublicationStatus
from portal.models import IssuedDocument
from portal.services import DocumentDescription, SignatoryLine, document_issue

AGREEMENT_PDF_TEMPLATE = "agreements/pdf/agreement.html"


def agreement_parties(agreement: Agreement) -> str:
    """The parties as one line: "Polisen, lokalpolisområde X och Y kommun"."""
    police = (
        _("Polisen, lokalpolisområde %(name)s") % {"name": agreement.police_area.name}
        if agreement.police_area
        else agreement.police_party_name
    )
    municipalities = ", ".join(m.official_name for m in agreement.municipalities.all())
    return f"{police} {_('och')} {municipalities}" if municipalities else police


def agreement_description(agreement: Agreement) -> DocumentDescription:
    """What the PDF says about the agreement beside its content (expects agreement_for_page)."""
    return DocumentDescription(
        title=agreement.title,
        kind=_("Samverkansöverenskommelse"),
        parties=agreement_parties(agreement),
        subject=_("Samverkansöverenskommelse, %(validity)s")
        % {"validity": agreement.validity_label},
        path=agreement.get_absolute_url(),
        signatories=[
            SignatoryLine(s.name, s.title, s.organisation, s.signed_on)
            for s in agreement.signatories.all()
        ],
    )


@transaction.atomic
def agreement_issue_document(
    *,
    agreement: Agreement,
    issued_by: AbstractBaseUser | None = None,
    force: bool = False,
) -> tuple[IssuedDocument, bool]:
    """Render, seal and store the PDF of a published agreement; (version, created)."""
    if issued_by is not None and not issued_by.has_perm("agreements.change_agreement"):
        raise PermissionError("Only editors may issue an agreement's PDF.")
    try:
        agreement = agreement_for_page(slug=agreement.slug)
    except Agreement.DoesNotExist:
        raise ValidationError(_("Bara publicerade överenskommelser får en PDF.")) from None
    return document_issue(
        document=agreement,
        description=agreement_description(agreement),
        template_name=AGREEMENT_PDF_TEMPLATE,
        context={"agreement": agreement, "today": timezone.localdate()},
        issued_by=issued_by,
        force=force,
    )


@transaction.atomic
def agreement_publish(
    *, agreement: Agreement, published_by: AbstractBaseUser | None = None
) -> IssuedDocument:
    """Publish an agreement and issue its sealed PDF, once."""
    if published_by is not None and not published_by.has_perm("agreements.change_agreement"):
        raise PermissionError("Only editors may publish an agreement.")
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.status != PublicationStatus.PUBLISHED:
        agreement.status = PublicationStatus.PUBLISHED
        agreement.full_clean()
        agreement.save()
    issued, _created = agreement_issue_document(agreement=agreement, issued_by=published_by)
    return issued
