"""Composing the messages of one event and queuing them once the step is committed."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from agreements.models import Party
from notifications.recipients import people_with_role
from notifications.tasks import send_message
from portal.people import full_name

logger = logging.getLogger(__name__)


def portal_url(path: str) -> str:
    """An absolute link into the portal, for a message read outside it."""
    return f"{settings.SITE_URL}{path}"


def tell(
    *,
    template: str,
    subject: str,
    parties: Iterable[Party],
    role: str | Iterable[str],
    context: dict[str, Any],
    exclude: AbstractBaseUser | None = None,
) -> None:
    """Tell everyone holding ``role`` in one of ``parties`` (but ``exclude``, who did it)
    about an event, one message per person, queued when the surrounding transaction
    commits (never when it rolls back). A failure here is logged and never fails the step
    that sent it."""
    try:
        with transaction.atomic():
            recipients = people_with_role(parties, role)
            if exclude is not None:
                recipients = [person for person in recipients if person.pk != exclude.pk]
            messages = [compose(template, subject, person, context) for person in recipients]
    except Exception:
        logger.exception("Could not compose the %s messages", template)
        return
    for message in messages:
        transaction.on_commit(partial(send_message.enqueue, **message), robust=True)


def compose(
    template: str, subject: str, person: AbstractBaseUser, context: dict[str, Any]
) -> dict[str, str]:
    """One person's message: the arguments of ``send_message``, in Swedish."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(subject.split())
        context = {**context, "recipient_name": full_name(person), "subject": subject}
        return {
            "to": person.email,
            "subject": subject,
            "text": render_to_string(f"notifications/{template}.txt", context),
            "html": render_to_string(f"notifications/{template}.html", context),
        }
