"""Pages of the annual follow-up: start, draft, submit, resubmit, revise, read; the
signing steps' pages are in signing_views.py."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from agreements.models import Agreement, followup_parties
from agreements.signing_forms import ReturnForm, SignForm
from followup.reviews import services
from followup.reviews.forms import ReviewForm
from followup.reviews.models import ReviewEvent, ReviewState
from followup.reviews.permissions import can_draft, can_sign, parties_waiting_for
from followup.reviews.selectors import published_review, review_for_party
from followup.reviews.submission import submission_problems
from followup.reviews.workflow import ReviewConflict
from pledges.models import Pledge
from portal.forms import add_service_errors
from portal.page_cache import cached_page
from portal.people import has_full_name, profile_title

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


def review_page_response(
    request, review, *, form=None, sign_form=None, return_form=None, status=200
):
    """The parties' page of a review, with whichever forms the user may use now."""
    user = request.user
    document = review.document
    may_draft = can_draft(user, document)
    may_sign = can_sign(user, document)
    waiting_for_me = parties_waiting_for(user, review)
    submitted = review.state == ReviewState.SUBMITTED
    if form is None and review.state == ReviewState.DRAFT and may_draft:
        form = ReviewForm(review=review, items=list(review.items.all()))
    # A signatory signs exactly what was submitted: not while the log says otherwise.
    # An account without a full name is asked for it instead of shown the form.
    needs_name = not has_full_name(user)
    if submitted and may_sign and waiting_for_me and not review.log_changes and sign_form is None:
        sign_form = SignForm(
            initial={
                "content_version": review.content_version,
                # The signature's title is the person's own, unless they change it here.
                "title": "" if needs_name else profile_title(user),
            }
        )
    if submitted and may_sign:
        return_form = return_form or ReturnForm()
    problems = (
        submission_problems(review, list(review.items.all()))
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
            "error_form": next(
                (f for f in (form, sign_form, return_form) if f is not None and f.errors), None
            ),
            "may_draft": may_draft,
            "may_sign": may_sign,
            "needs_name": needs_name,
            "waiting_for_me": waiting_for_me,
            "waiting_names": _(" och ").join(p.name for p in waiting_for_me),
            # The user's signature is the last one missing: it publishes at once.
            "signing_publishes": bool(waiting_for_me)
            and len(waiting_for_me) == len(review.missing),
            "my_cancelled_sign_offs": review.lapsed_sign_offs(user.pk),
            "can_resubmit": submitted and may_draft and bool(review.log_changes),
            # Ask to confirm "Genomfört" only where the log shows fewer times than the target.
            "asks_short_confirmation": any(
                getattr(item, "short_of_target", False) for item in review.items.all()
            ),
            "states": ReviewState.choices,
            "parties": followup_parties(document),
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
        return review_page_response(request, review)
    if not can_draft(request.user, review.document):
        raise PermissionDenied
    form = ReviewForm(request.POST, review=review, items=list(review.items.all()))
    if not form.is_valid():
        return review_page_response(request, review, form=form, status=400)
    data = form.cleaned_data
    submit = request.POST.get("action") == "submit"
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
    except ReviewConflict as conflict:
        return _conflict(request, pk, conflict)
    except ValidationError as error:
        add_service_errors(form, error)
        return review_page_response(request, review, form=form, status=400)
    if not submit:
        messages.success(request, _("Utkastet är sparat."))
        return redirect("followup:review", pk=pk)
    try:
        services.review_submit(
            user=request.user,
            review=saved,
            content_version=saved.content_version,
            confirmed_short=data["confirm_short_of_target"],
        )
    except ReviewConflict as conflict:
        return _conflict(request, pk, conflict)
    except ValidationError as error:
        # The draft is saved; the submission was refused: show why, field by field.
        review = review_for_party(request.user, pk)
        bound = request.POST.copy()
        bound["content_version"] = str(review.content_version)
        form = ReviewForm(bound, review=review, items=list(review.items.all()))
        form.is_valid()
        form.submission_refused = True
        add_service_errors(form, error)
        return review_page_response(request, review, form=form, status=400)
    messages.success(request, _("Uppföljningen är inskickad. Undertecknarna ser den nu i sin kö."))
    return redirect("followup:review", pk=pk)


def _conflict(request, pk: int, conflict: ReviewConflict):
    """Another coordinator saved first: keep what this one typed, show what is saved."""
    data = request.POST.copy()
    data["content_version"] = str(conflict.current.content_version)
    review = review_for_party(request.user, pk)
    form = ReviewForm(data, review=review, items=list(review.items.all()))
    form.is_valid()
    form.add_error(None, CONFLICT_MESSAGE)
    return review_page_response(request, review, form=form, status=409)


@login_required
@require_POST
def review_resubmit(request, pk: int):
    """Coordinators send a submitted review again with the log's new figures."""
    review = review_for_party(request.user, pk)
    try:
        version = int(request.POST.get("content_version", ""))
    except ValueError:
        version = -1
    try:
        services.review_resubmit(user=request.user, review=review, content_version=version)
    except ReviewConflict:
        messages.error(request, _("Uppföljningen har ändrats sedan du öppnade den. Försök igen."))
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
    else:
        messages.success(
            request,
            _(
                "Uppföljningen är inskickad igen med siffrorna som aktivitetsloggen visar nu. "
                "Underskrifter som redan fanns gäller inte längre; undertecknarna ser den i "
                "sin kö igen."
            ),
        )
    return redirect("followup:review", pk=pk)


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


@cached_page(lambda pk: [f"review:{pk}"], params=("kommun",))
def review_public(request, pk: int):
    """A published review as residents see it."""
    review = published_review(pk)
    return render(
        request,
        "followup/review_public.html",
        {"review": review, "document": review.document, "today": timezone.localdate()},
    )
