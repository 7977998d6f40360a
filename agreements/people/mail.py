"""The invitation e-mail: Swedish (whatever the language of the page that sent it), plain
text and HTML, with the link to accept.

Sent by the background worker (agreements.people.tasks), which makes the link; a failure
of the mail server is logged, retried later, and never fails the action that sent it.
"""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from agreements.models import Invitation
from portal.languages import in_default_language
from portal.people import display_name

logger = logging.getLogger(__name__)


def invitation_link(token: str) -> str:
    return settings.SITE_URL + reverse("agreements:invitation_accept", kwargs={"token": token})


@in_default_language
def invitation_mail_send(*, invitation: Invitation, token: str) -> bool:
    """Send the invitation to its address; whether the mail server took it."""
    context = {
        "invitation": invitation,
        "organisation": invitation.party.name,
        "roles": invitation.role_labels,
        "inviter": display_name(invitation.invited_by) if invitation.invited_by else "",
        "link": invitation_link(token),
        "expires_at": invitation.expires_at,
        "site_url": settings.SITE_URL,
    }
    subject = render_to_string("agreements/people/invitation_subject.txt", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string("agreements/people/invitation_email.txt", context),
        to=[invitation.email],
    )
    message.attach_alternative(
        render_to_string("agreements/people/invitation_email.html", context), "text/html"
    )
    try:
        message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError):
        logger.exception("The invitation %s could not be sent.", invitation.pk)
        return False
    return True
