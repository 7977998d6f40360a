"""The resident's pages: enter an address for a place, confirm it by the mailed link,
stop following by the link in any message.

CSRF: the follow form sits on the cached municipality and police area pages, which are
the same bytes for every visitor and so can hold no CSRF token. A forged request can only
make the portal mail a confirmation link to an address, which anyone can cause by typing
the address in anyway; the rate limit (following/ratelimit.py) stops floods. The confirm
and unsubscribe links carry a signed token that only the address's mailbox has, which is
what a CSRF token would prove; and RFC 8058 has mail programs POST the unsubscribe link
with no cookie at all. So all three are csrf_exempt.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from agreements.models import Municipality, PoliceArea
from following.forms import FollowForm
from following.models import CONFIRM_WITHIN
from following.places import Place, follow_url, place_name
from following.ratelimit import follow_allowed
from following.services import follower_confirm, follower_remove, follower_request
from following.tokens import (
    LinkExpired,
    follower_for_confirm_token,
    follower_for_unsubscribe_token,
    is_unsubscribe_token,
)
from portal.page_cache import cached_page

TOO_MANY = _("Det har kommit för många anmälningar på kort tid. Vänta en timme och försök igen.")


def _place_context(place: Place) -> dict:
    return {
        "place": place,
        "place_name": place_name(place),
        "follow_url": follow_url(place),
        "days": CONFIRM_WITHIN.days,
    }


def _follow(request: HttpRequest, place: Place) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = FollowForm(request.POST)
        if form.is_valid():
            email = form.cleaned_data["epost"]
            if follow_allowed(request, email):
                follower_request(email=email, place=place, language=get_language())
                context = {**_place_context(place), "email": email}
                return render(request, "following/check_mail.html", context)
            form.add_error(None, TOO_MANY)
            status = 429
        else:
            status = 400
    else:
        form = FollowForm()
    context = {**_place_context(place), "form": form}
    return render(request, "following/follow_form.html", context, status=status)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@cached_page(lambda slug: [f"municipality:{slug}"])
def municipality_follow(request: HttpRequest, slug: str) -> HttpResponse:
    return _follow(request, get_object_or_404(Municipality, slug=slug))


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@cached_page(lambda slug: [f"police_area:{slug}"])
def police_area_follow(request: HttpRequest, slug: str) -> HttpResponse:
    return _follow(request, get_object_or_404(PoliceArea, slug=slug))


def _invalid_link(request: HttpRequest, *, expired: bool = False) -> HttpResponse:
    return render(
        request,
        "following/link_invalid.html",
        {"expired": expired, "days": CONFIRM_WITHIN.days},
        status=410 if expired else 404,
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button and confirms nothing (mail scanners open links); POST confirms."""
    try:
        follower = follower_for_confirm_token(token)
    except LinkExpired:
        return _invalid_link(request, expired=True)
    if follower is None:
        return _invalid_link(request)
    if request.method == "POST":
        follower = follower_confirm(follower=follower)
    context = {**_place_context(follower.place), "follower": follower}
    if follower.is_confirmed:
        return render(request, "following/confirmed.html", context)
    return render(request, "following/confirm.html", context)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; POST (the button, or a mail program's one-click POST of RFC
    8058) deletes the address at once. A link whose address is already gone says so."""
    follower = follower_for_unsubscribe_token(token)
    if follower is None:
        if not is_unsubscribe_token(token):
            return _invalid_link(request)
        return render(request, "following/unsubscribed.html", {})
    context = _place_context(follower.place)
    if request.method == "POST":
        follower_remove(follower=follower)
        return render(request, "following/unsubscribed.html", context)
    return render(request, "following/unsubscribe.html", context)
