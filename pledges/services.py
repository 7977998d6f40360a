"""Writes on pledges: publishing, and issuing the sealed PDF."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pledges.models import Pledge
from pledges.selectors import commitment_sections, pledge_for_page
from portal.choices import PublicationStatus
from portal.models import IssuedDocument
from portal.services import DocumentDescription, SignatoryLine, document_issue

PLEDGE_PDF_TEMPLATE = "pledges/pdf/pledge.html"


def pledge_parties(pledge: Pledge) -> str:
    """The parties as one line: "Polisen, lokalpolisområde X och Y kommun"."""
    police = (
        _("Polisen, lokalpolisområde %(name)s") % {"name": pledge.police_area.name}
        if pledge.police_area
        else _("Polisen")
    )
    municipalities = ", ".join(m.official_name for m in pledge.municipalities.all())
    return f"{police} {_('och')} {municipalities}" if municipalities else police


def pledge_description(pledge: Pledge) -> DocumentDescription:
    """What the PDF says about the pledge beside its content (expects pledge_for_page)."""
    return DocumentDescription(
        title=pledge.title,
        kind=_("Medborgarlöfte"),
        parties=pledge_parties(pledge),
        subject=_("Medborgarlöfte för %(period)s") % {"period": pledge.period_label},
        path=pledge.get_absolute_url(),
        signatories=[
            SignatoryLine(s.name, s.title, s.organisation, s.signed_on)
            for s in pledge.signatories.all()
        ],
    )


@transaction.atomic
def pledge_issue_document(
    *,
    pledge: Pledge,
    issued_by: AbstractBaseUser | None = None,
    force: bool = False,
) -> tuple[IssuedDocument, bool]:
    """Render, seal and store the PDF of a published pledge; (version, created)."""
    if issued_by is not None and not issued_by.has_perm("pledges.change_pledge"):
        raise PermissionError("Only editors may issue a pledge's PDF.")
    try:
        pledge = pledge_for_page(slug=pledge.slug)
    except Pledge.DoesNotExist:
        raise ValidationError(_("Bara publicerade medborgarlöften får en PDF.")) from None
    return document_issue(
        document=pledge,
        description=pledge_description(pledge),
        template_name=PLEDGE_PDF_TEMPLATE,
        context={
            "pledge": pledge,
            "sections": commitment_sections(pledge),
            "today": timezone.localdate(),
        },
        issued_by=issued_by,
        force=force,
    )


@transaction.atomic
def pledge_publish(
    *, pledge: Pledge, published_by: AbstractBaseUser | None = None
) -> IssuedDocument:
    """Publish a pledge and issue its sealed PDF, once."""
    if published_by is not None and not published_by.has_perm("pledges.change_pledge"):
        raise PermissionError("Only editors may publish a pledge.")
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    if pledge.status != PublicationStatus.PUBLISHED:
        pledge.status = PublicationStatus.PUBLISHED
        pledge.published_on = pledge.published_on or timezone.localdate()
        pledge.full_clean()
        pledge.save()
    issued, _created = pledge_issue_document(pledge=pledge, issued_by=published_by)
    return issued
