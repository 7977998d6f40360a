"""The background task that sends an invitation, with a link made by the worker.

Only the SHA-256 of a link's token is stored, so the web request cannot hand the token to
the worker without writing it to the task queue in the database. Instead the worker
makes a new token for each attempt, stores its hash, and mails the link: the token
exists only in memory and in the message. The link of an earlier attempt stops working.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django_tasks import TaskResultStatus, task

from agreements.models import Invitation
from agreements.models.invitations import new_token
from agreements.people.mail import invitation_mail_send
from agreements.people.services import invitation_mark_sent
from portal.tasks import MAX_ATTEMPTS, retry_later

logger = logging.getLogger(__name__)


class InvitationNotSent(Exception):
    """The mail server refused the invitation; the task backend records this attempt."""


@task()
def send_invitation(*, invitation_id: int, attempt: int = 1) -> None:
    """Send a pending invitation with a new link; nothing for one accepted, withdrawn or
    expired since it was queued. Retried with backoff when the mail server fails."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("municipality", "police_area", "invited_by")
            .filter(pk=invitation_id)
            .first()
        )
        if invitation is None or not invitation.is_pending:
            return
        token, digest = new_token()
        Invitation.objects.filter(pk=invitation.pk).update(token_hash=digest)
    if invitation_mail_send(invitation=invitation, token=token):
        invitation_mark_sent(invitation=invitation)
        return
    retried = retry_later(send_invitation, invitation_id=invitation_id, attempt=attempt)
    logger.warning(
        "Invitation %s, attempt %d of %d failed%s",
        invitation_id,
        attempt,
        MAX_ATTEMPTS,
        "; retried later" if retried else "; given up",
    )
    raise InvitationNotSent(invitation_id)


def invitation_queue(invitation: Invitation) -> str:
    """Queue the invitation's mail: "sent" when the backend ran it at once (the demo and
    tests), "failed" when that attempt failed, "queued" when a worker sends it."""
    result = send_invitation.enqueue(invitation_id=invitation.pk)
    if result.status == TaskResultStatus.SUCCESSFUL:
        return "sent"
    if result.status == TaskResultStatus.FAILED:
        return "failed"
    return "queued"
