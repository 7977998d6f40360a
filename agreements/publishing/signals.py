"""Signals the publishing workflow sends, so that apps above agreements (followup) can act
on a document's publication without agreements importing them."""

from django.dispatch import Signal

# A revision was published and replaced the revision it revises. Sent inside the
# publishing transaction, after both rows are saved, with ``sender`` the document's model
# (Pledge, Agreement), ``document`` (the new revision, published) and ``replaced`` (the
# previous revision, now replaced), and ``user`` (who gave the last signature). A
# receiver that raises rolls the publication back.
revision_published = Signal()
