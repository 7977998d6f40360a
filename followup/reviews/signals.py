"""Signals the annual follow-up's workflow sends, so that apps above followup
(notifications) can act on its steps without followup importing them.

Each is sent inside the step's transaction, after the review is saved, with ``sender``
``Review``, ``review`` and ``user`` (who took the step, None for a publication by a
command). A receiver must not raise: that would roll the step back.
"""

from django.dispatch import Signal

# Sent to the signatories: every party must sign. ``resubmitted`` is True when the
# coordinators sent it again with new figures (earlier signatures lapsed).
review_submitted = Signal()
# Sent back to the coordinators by a signatory, with ``comment``.
review_returned = Signal()
# Published (after the last signature, or later by `publish_reviews`).
review_published = Signal()
