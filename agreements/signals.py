"""Signals the agreements app sends while it builds its public pages, so that apps above
it can add to them without agreements importing them (see pledges/signals.py for how
receivers answer).
"""

from django.dispatch import Signal

# The agreement page. Sent with ``agreement`` (from agreements.selectors.agreement_for_page)
# and ``request``. The page includes every template named in ``agreement_page_templates``.
agreement_page = Signal()
