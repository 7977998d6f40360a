"""The signatories' steps on a review's page: sign, send back, preview the PDF."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from agreements.signing_forms import ReturnForm, SignForm
from followup.reviews import signing
from followup.reviews.documents import REVIEW_PDF
from followup.reviews.models import ReviewState
from followup.reviews.permissions import can_sign
from followup.reviews.selectors import review_for_party
from followup.reviews.views import review_page_response
from followup.reviews.workflow import ReviewConflict
from portal.documents.responses import preview_response
from portal.forms import add_service_errors
from portal.services import document_preview


@login_required
@require_POST
def review_sign(request, pk: int):
    review = review_for_party(request.user, pk)
    if not can_sign(request.user, review.document):
        raise PermissionDenied
    form = SignForm(request.POST)
    if form.is_confirmed(request):
        try:
            signing.review_sign(
                user=request.user,
                review=review,
                password=form.cleaned_data["password"],
                content_version=form.cleaned_data["content_version"],
                title=form.cleaned_data["title"],
            )
        except ReviewConflict:
            messages.error(
                request,
                _(
                    "Uppföljningen har ändrats sedan du öppnade den. Läs igenom den nya "
                    "versionen innan du skriver under."
                ),
            )
            return redirect("followup:review", pk=pk)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            review = review_for_party(request.user, pk)
            if review.state == ReviewState.PUBLISHED:
                messages.success(
                    request,
                    _(
                        "Du har skrivit under. Alla parter har nu skrivit under och "
                        "uppföljningen är publicerad."
                    ),
                )
            elif review.state == ReviewState.APPROVED:
                messages.success(
                    request,
                    _(
                        "Du har skrivit under. Alla parter har skrivit under; uppföljningen "
                        "publiceras så snart dess PDF kan förseglas."
                    ),
                )
            else:
                messages.success(
                    request, _("Du har skrivit under. Uppföljningen väntar på fler underskrifter.")
                )
            return redirect("followup:review", pk=pk)
    return review_page_response(request, review, sign_form=form, status=400)


@login_required
@require_POST
def review_return(request, pk: int):
    review = review_for_party(request.user, pk)
    if not can_sign(request.user, review.document):
        raise PermissionDenied
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            signing.review_return(
                user=request.user, review=review, comment=form.cleaned_data["comment"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Uppföljningen är tillbaka hos samordnarna som utkast med din kommentar."),
            )
            return redirect("followup:review", pk=pk)
    return review_page_response(request, review, return_form=form, status=400)


@login_required
@require_GET
def review_preview_pdf(request, pk: int):
    """The PDF that publishing would seal, from the same code, marked as a draft on every
    page; never sealed or stored. A draft shows the activity log's figures as they are now."""
    review = review_for_party(request.user, pk)
    if review.state == ReviewState.DRAFT:
        for item in review.items.all():
            item.progress = item.live_progress
    return preview_response(document_preview(document=review, pdf=REVIEW_PDF))
