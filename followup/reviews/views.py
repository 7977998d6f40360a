"""Pages of the annual follow-up: start, draft, submit, sign, return, revise, read."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth import authenticate
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from agreements.models import Agreement, document_parties
from followup.reviews import services
from followup.reviews.forms import ReturnForm, ReviewForm, SignForm
from followup.reviews.models import ReviewEvent, ReviewState
from followup.reviews.permissions import can_draft, can_sign, parties_waiting_for
from followup.reviews.selectors import published_review, review_for_party
from pledges.models import Pledge
from portal.forms import add_service_errors

CONFLICT_MESSAGE = gettext_lazy(
    "Någon annan har sparat uppföljningen medan du arbetade med den. Dina ändringar är "
    "inte sparade men finns kvar i formuläret. Jämför med den sparade versionen och "
    "spara igen om dina uppgifter ska gälla."
)


def _messages_of(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


@login_required
@require_POST
def review_start(request):
    kind = request.POST.get("document", "")
    model = {"pledge": Pledge, "agreement": Agreement}.get(kind)
    try:
        pk = int(request.POST.get("pk", ""))
        period_start = datetime.date.fromisoformat(request.POST.get("period", ""))
    except ValueError:
        raise Http404 from None
    if model is None:
        raise Http404
    document = get_object_or_404(
        model.objects.select_related("police_area").prefetch_related("municipalities"), pk=pk
    )
    try:
        review = services.review_start(
            user=request.user, document=document, period_start=period_start
        )
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
        return redirect("followup:start")
    return redirect("followup:review", pk=review.pk)


def _page(request, review, *, form=None, sign_form=None, return_form=None, status=200):
    user = request.user
    document = review.document
    may_draft = can_draft(user, document)
    may_sign = can_sign(user, document)
    waiting_for_me = parties_waiting_for(user, review)
    if form is None and review.state == ReviewState.DRAFT and may_draft:
        form = ReviewForm(review=review, items=list(review.items.all()))
    if review.state == ReviewState.SUBMITTED and may_sign and waiting_for_me:
        sign_form = sign_form or SignForm(initial={"content_version": review.content_version})
    if review.state == ReviewState.SUBMITTED and may_sign:
        return_form = return_form or ReturnForm()
    problems = (
        services.submission_problems(review, list(review.items.all()))
        if review.state == ReviewState.DRAFT
        else []
    )
    returned = [e for e in review.events.all() if e.kind == ReviewEvent.Kind.RETURNED]
    return render(
        request,
        "followup/review_page.html",
        {
            "review": review,
            "document": document,
            "form": form,
            "sign_form": sign_form,
            "return_form": return_form,
            "may_draft": may_draft,
            "may_sign": may_sign,
            "waiting_for_me": waiting_for_me,
            "waiting_names": _(" och ").join(p.name for p in waiting_for_me),
            "states": ReviewState.choices,
            "parties": document_parties(document),
            "problems": problems,
            "last_return": returned[0] if returned and review.state == ReviewState.DRAFT else None,
            "can_revise": may_draft
            and review.state == ReviewState.PUBLISHED
            and not _has_revision(review),
            "today": timezone.localdate(),
        },
        status=status,
    )


def _has_revision(review) -> bool:
    """Whether a later revision (a draft or published correction) replaces ``review``."""
    try:
        return review.replaced_by is not None
    except type(review).DoesNotExist:
        return False


@login_required
@require_http_methods(["GET", "POST"])
def review_page(request, pk: int):
    """The parties' page of a review: the draft form, or the content with its actions."""
    review = review_for_party(request.user, pk)
    if request.method == "GET":
        return _page(request, review)
    if not can_draft(request.user, review.document):
        raise PermissionDenied
    form = ReviewForm(request.POST, review=review, items=list(review.items.all()))
    if not form.is_valid():
        return _page(request, review, form=form, status=400)
    data = form.cleaned_data
    try:
        saved = services.review_update(
            user=request.user,
            review=review,
            content_version=data["content_version"],
            summary=data["summary"],
            lessons=data["lessons"],
            next_steps=data["next_steps"],
            assessments=form.assessments(),
        )
        if request.POST.get("action") == "submit":
            services.review_submit(
                user=request.user, review=saved, content_version=saved.content_version
            )
    except services.ReviewConflict as conflict:
        data = request.POST.copy()
        data["content_version"] = str(conflict.current.content_version)
        review = review_for_party(request.user, pk)
        form = ReviewForm(data, review=review, items=list(review.items.all()))
        form.is_valid()
        form.add_error(None, CONFLICT_MESSAGE)
        return _page(request, review, form=form, status=409)
    except ValidationError as error:
        if request.POST.get("action") == "submit":
            # The draft itself was saved; only the submission was refused.
            for message in _messages_of(error):
                messages.error(request, message)
            return redirect("followup:review", pk=pk)
        add_service_errors(form, error)
        return _page(request, review, form=form, status=400)
    if request.POST.get("action") == "submit":
        messages.success(
            request, _("Uppföljningen är inskickad. Undertecknarna ser den nu i sin kö.")
        )
    else:
        messages.success(request, _("Utkastet är sparat."))
    return redirect("followup:review", pk=pk)


@login_required
@require_POST
def review_sign(request, pk: int):
    review = review_for_party(request.user, pk)
    if not can_sign(request.user, review.document):
        raise PermissionDenied
    form = SignForm(request.POST)
    if form.is_valid() and not _password_confirmed(request, form.cleaned_data["password"]):
        form.add_error(
            "password",
            _("Lösenordet stämmer inte. Skriv ditt eget lösenord för att skriva under."),
        )
    if form.is_valid():
        try:
            services.review_sign(
                user=request.user,
                review=review,
                password=form.cleaned_data["password"],
                content_version=form.cleaned_data["content_version"],
                title=form.cleaned_data["title"],
            )
        except services.ReviewConflict:
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
    return _page(request, review, sign_form=form, status=400)


def _password_confirmed(request, password: str) -> bool:
    """Check the signatory's password through the authentication backends, outside any
    transaction, so that django-axes counts a wrong guess as it does at login and locks
    the account (the lockout page) after repeated failures."""
    confirmed = authenticate(request, username=request.user.get_username(), password=password)
    return confirmed is not None and confirmed.pk == request.user.pk


@login_required
@require_POST
def review_return(request, pk: int):
    review = review_for_party(request.user, pk)
    if not can_sign(request.user, review.document):
        raise PermissionDenied
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.review_return(
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
    return _page(request, review, return_form=form, status=400)


@login_required
@require_POST
def review_revise(request, pk: int):
    review = review_for_party(request.user, pk)
    try:
        revision = services.review_revise(user=request.user, review=review)
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
        return redirect("followup:review", pk=pk)
    messages.success(
        request,
        _(
            "En rättelse är påbörjad som utkast. Den publicerade uppföljningen visas tills "
            "rättelsen är undertecknad av alla parter."
        ),
    )
    return redirect("followup:review", pk=revision.pk)


def review_public(request, pk: int):
    """A published review as residents see it."""
    review = published_review(pk)
    return render(
        request,
        "followup/review_public.html",
        {"review": review, "document": review.document, "today": timezone.localdate()},
    )
