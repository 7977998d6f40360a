"""Signals of an organisation's people, for apps above agreements (notifications tells the
administrators) without agreements importing them."""

from django.dispatch import Signal

# An invited person accepted: sent inside the transaction with ``invitation`` and ``user``.
invitation_accepted = Signal()
