"""The messages a follower gets, composed by the worker at the moment of sending: the
signed links exist only in memory and in the message (following/tokens.py).

Each is Swedish plain text with an HTML alternative, like the portal's other mail
(notifications/), and names no person. A message about a publication carries a one-click
unsubscribe link in the body and in the headers (RFC 2369 ``List-Unsubscribe``, RFC 8058
``List-Unsubscribe-Post``), so a mail program can offer "Avsluta prenumerationen".
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from following.events import Event
from following.models import CONFIRM_WITHIN, Follower
from following.places import place_name
from following.tokens import confirm_token, unsubscribe_token
from notifications.mail import portal_url


def unsubscribe_url(follower: Follower) -> str:
    return portal_url(
        reverse("following:unsubscribe", kwargs={"token": unsubscribe_token(follower)})
    )


def _message(
    follower: Follower, template: str, subject: str, context: dict[str, Any]
) -> EmailMultiAlternatives:
    subject = " ".join(subject.split())
    context = {
        **context,
        "subject": subject,
        "place": place_name(follower.place),
        "place_url": portal_url(follower.place.get_absolute_url()),
    }
    message = EmailMultiAlternatives(
        subject,
        render_to_string(f"following/mail/{template}.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [follower.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(
        render_to_string(f"following/mail/{template}.html", context), "text/html"
    )
    return message


def confirmation_message(follower: Follower, language: str) -> EmailMultiAlternatives:
    """The answer to an address entered on the page: the confirmation link, or (for an
    address that already follows the place) a note saying so, with the unsubscribe link;
    in ``language``, with links to the pages in it."""
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        place = place_name(follower.place)
        if follower.is_confirmed:
            subject = _("Du följer redan %(place)s") % {"place": place}
            context = {"unsubscribe_url": unsubscribe_url(follower)}
            return _message(follower, "already_following", subject, context)
        link = reverse("following:confirm", kwargs={"token": confirm_token(follower)})
        subject = _("Bekräfta att du vill följa %(place)s") % {"place": place}
        return _message(
            follower,
            "confirm",
            subject,
            {"confirm_url": portal_url(link), "days": CONFIRM_WITHIN.days},
        )


def event_message(follower: Follower, event: Event) -> EmailMultiAlternatives:
    """One publication, told to one follower, with its one-click unsubscribe link."""
    with translation.override(settings.LANGUAGE_CODE):
        link = unsubscribe_url(follower)
        subject = capfirst(f"{place_name(follower.place)}: {event.headline()}")
        message = _message(
            follower,
            "event",
            subject,
            {
                "headline": event.headline(),
                "summary": event.summary(),
                "url": portal_url(event.url()),
                "unsubscribe_url": link,
            },
        )
    message.extra_headers["List-Unsubscribe"] = f"<{link}>"
    message.extra_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return message
