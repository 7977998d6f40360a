"""Signals the pledges app sends while it builds its public pages, so that apps above it
(followup, following) can add to them without pledges importing them.

Each is sent with ``sender`` the page's model class and the keyword arguments named
below; each receiver returns a dict of extra template context, merged by
`portal.pages.page_context` (a key given by two receivers is an error). A receiver may
annotate the objects it gets in memory, and must run a constant number of queries
whatever the data size.
"""

from django.dispatch import Signal

# The pledge page. Sent with ``pledge`` (from pledges.selectors.pledge_for_page) and
# ``request``. The page includes every template named in ``pledge_page_templates`` (after
# the content), ``pledge_intro_templates`` (before it), ``focus_area_templates`` (in
# each focus area, with ``focus_area``) and ``commitment_templates`` (under each commitment).
pledge_page = Signal()

# The municipality page. Sent with ``overview`` (a MunicipalityOverview) and ``request``.
# The page includes ``municipality_fact_templates`` (in the facts list) and
# ``municipality_page_templates`` (at the end).
municipality_page = Signal()

# The police area page. Sent with ``area`` (the PoliceArea) and ``request``. The page
# includes ``police_area_page_templates`` (at the end).
police_area_page = Signal()
