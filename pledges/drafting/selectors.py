"""Reads for drafting a pledge: its drafts, the latest published pledge to start from,
and one draft for a user who may see it (see agreements.drafting.selectors)."""

from __future__ import annotations

from agreements.drafting.selectors import drafts_for_editor as document_drafts_for_editor
from agreements.drafting.selectors import get_document_for_viewer, latest_published
from agreements.models import Municipality, PoliceArea
from agreements.permissions import User
from pledges.models import Pledge
from pledges.publishing import PLEDGE_PUBLISHING
from pledges.selectors import published_pledges


def drafts_for_editor(user: User) -> list[Pledge]:
    """Draft and submitted pledges of the parties where the user is an editor, latest
    changed first (one query, none for a user who is nobody's editor)."""
    return document_drafts_for_editor(Pledge, user)


def latest_published_pledge(organisation: Municipality | PoliceArea) -> Pledge | None:
    """The organisation's published pledge that started last, with all its parts."""
    return latest_published(
        PLEDGE_PUBLISHING, published_pledges(), organisation, start_field="period_start"
    )


def get_pledge_for_viewer(user: User, pk: int) -> Pledge:
    """A pledge in any state, with every part its page shows, for a user who may see it
    before residents do (its editors; its signatories once it is sent); 404 for others."""
    return get_document_for_viewer(PLEDGE_PUBLISHING, user, pk)
