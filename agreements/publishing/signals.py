"""Signals the publishing workflow sends, so that apps above agreements (followup) can act
on a document's publication without agreements importing them."""

from django.dispatch import Signal

# A revision was published and replaced the revision it revises. Sent inside the
# publishing transaction, after both rows are saved, with ``sender`` the document's model
# (Pledge, Agreement), ``document`` (the new revision, published) and ``replaced`` (the
# previous revision, now replaced), and ``user`` (who gave the last signature). A
# receiver that raises rolls the publication back.
revision_published = Signal()

# The steps of a pledge's or agreement's way to publication, for apps that tell people
# about them (notifications). Sent inside the step's transaction, after the document is
# saved, with ``sender`` the document's model, ``spec`` (its PublishingSpec), ``document``
# and ``user`` (who took the step). A receiver must not raise: that would roll the step
# back.
# Sent for signing: every party must sign.
document_submitted = Signal()
# Sent back to the editors, with ``comment``.
document_returned = Signal()
# Published by the last signature.
document_published = Signal()
