"""Signals of the police area naming, for apps above agreements (notifications tells the
other side) without agreements importing them.

Both are sent inside the service's transaction with ``naming`` and ``user``.
"""

from django.dispatch import Signal

# A side proposed a police area for a municipality: the other side is asked to answer.
police_area_proposed = Signal()
# The other side accepted: the police area now answers for the municipality.
police_area_accepted = Signal()
