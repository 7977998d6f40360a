"""Who is told what, for each step of a document's or a follow-up's way to publication.

- sent for signing (and sent again): the signatories of every party, which must all sign
  the version just sent (a new content version has no signatures yet);
- sent back: the editors of a pledge or agreement, the coordinators of a follow-up, with
  the comment and who sent it back;
- published: the same editors or coordinators.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from agreements.models import Membership, document_parties, followup_parties
from agreements.models.parties import parties_line
from notifications.mail import portal_url, tell
from portal.people import name_and_title

Role = Membership.Role


def _document_context(document, user, url: str, comment: str = "") -> dict:
    what = f"{document._meta.verbose_name} »{document.title}«"
    return {
        "what": what,
        "parties": parties_line(document),
        "actor": name_and_title(user),
        "comment": comment,
        "url": portal_url(url),
    }


def _review_context(review, user, url: str, comment: str = "") -> dict:
    document = review.document
    what = _("uppföljningen %(period)s av %(document)s »%(title)s«") % {
        "period": review.period_label,
        "document": document._meta.verbose_name,
        "title": document.title,
    }
    return {
        "what": what,
        "parties": parties_line(document, followup=True),
        "actor": name_and_title(user),
        "comment": comment,
        "url": portal_url(url),
    }


def document_submitted(sender, *, spec, document, user, **kwargs) -> None:
    signing_page = reverse("publishing:sign", kwargs={"kind": spec.url_kind, "pk": document.pk})
    context = _document_context(document, user, signing_page)
    tell(
        template="signing_requested",
        subject=_("Att skriva under: %(what)s") % context,
        parties=document_parties(document),
        role=Role.SIGNATORY,
        context=context,
    )


def document_returned(sender, *, spec, document, user, comment, **kwargs) -> None:
    context = _document_context(document, user, spec.draft_url(document), comment)
    tell(
        template="returned",
        subject=_("Skickat tillbaka: %(what)s") % context,
        parties=document_parties(document),
        role=Role.EDITOR,
        context=context,
    )


def document_published(sender, *, spec, document, user, **kwargs) -> None:
    context = _document_context(document, user, document.get_absolute_url())
    tell(
        template="published",
        subject=_("Publicerat: %(what)s") % context,
        parties=document_parties(document),
        role=Role.EDITOR,
        context=context,
    )


def review_submitted(sender, *, review, user, resubmitted=False, **kwargs) -> None:
    context = _review_context(review, user, reverse("followup:review", kwargs={"pk": review.pk}))
    context["resubmitted"] = resubmitted
    tell(
        template="signing_requested",
        subject=_("Att skriva under: %(what)s") % context,
        parties=followup_parties(review.document),
        role=Role.SIGNATORY,
        context=context,
    )


def review_returned(sender, *, review, user, comment, **kwargs) -> None:
    context = _review_context(
        review, user, reverse("followup:review", kwargs={"pk": review.pk}), comment
    )
    tell(
        template="returned",
        subject=_("Skickat tillbaka: %(what)s") % context,
        parties=followup_parties(review.document),
        role=Role.COORDINATOR,
        context=context,
    )


def review_published(sender, *, review, user, **kwargs) -> None:
    context = _review_context(review, user, review.get_absolute_url())
    tell(
        template="published",
        subject=_("Publicerat: %(what)s") % context,
        parties=followup_parties(review.document),
        role=Role.COORDINATOR,
        context=context,
    )
