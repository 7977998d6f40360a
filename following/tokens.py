"""The links in the mail: signed with the secret key (django.core.signing), so the
database and the task queue hold no token.

A token names the follower's id and the moment its address was entered, so a link
stops working when the row is deleted, and a confirmation link when the address is
entered again (the newest mail's link counts). The confirmation link also expires with
the unconfirmed address (CONFIRM_WITHIN); the unsubscribe link never expires.
"""

from __future__ import annotations

import datetime

from django.core import signing

from following.models import CONFIRM_WITHIN, Follower

CONFIRM_SALT = "following.confirm"
UNSUBSCRIBE_SALT = "following.unsubscribe"
# "." is outside the signature's alphabet and needs no escaping in a URL path.
SEP = "."
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def _stamp(follower: Follower) -> int:
    """The moment the address was entered, in whole microseconds (exact, no float)."""
    return (follower.created_at - EPOCH) // datetime.timedelta(microseconds=1)


def _value(follower: Follower) -> str:
    return f"{follower.pk}{SEP}{_stamp(follower)}"


def _follower(value: str) -> Follower | None:
    try:
        pk, stamp = (int(part) for part in value.split(SEP))
    except ValueError:
        return None
    follower = Follower.objects.select_related("municipality", "police_area").filter(pk=pk).first()
    if follower is None or _stamp(follower) != stamp:
        return None
    return follower


def confirm_token(follower: Follower) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT, sep=SEP).sign(_value(follower))


def unsubscribe_token(follower: Follower) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT, sep=SEP).sign(_value(follower))


class LinkExpired(Exception):
    """A confirmation link older than CONFIRM_WITHIN."""


def follower_for_confirm_token(token: str) -> Follower | None:
    """The follower a confirmation link is for; None for a link that is not ours or whose
    row is gone; raises LinkExpired for one too old."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT, sep=SEP)
    try:
        value = signer.unsign(token, max_age=CONFIRM_WITHIN)
    except signing.SignatureExpired:
        raise LinkExpired from None
    except signing.BadSignature:
        return None
    return _follower(value)


def follower_for_unsubscribe_token(token: str) -> Follower | None:
    """The follower an unsubscribe link is for; None when it is gone or not ours."""
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT, sep=SEP).unsign(token)
    except signing.BadSignature:
        return None
    return _follower(value)


def is_unsubscribe_token(token: str) -> bool:
    """Whether the link is one the portal made (its follower may be gone)."""
    try:
        signing.Signer(salt=UNSUBSCRIBE_SALT, sep=SEP).unsign(token)
    except signing.BadSignature:
        return False
    return True
