"""Extension point for the pledge and municipality pages.

Apps higher in the chain (followup) add what they know about a pledge (progress,
activities, reviews) without pledges importing them: they register a provider in
their AppConfig.ready(). A provider receives the objects the page already loaded,
may annotate them in memory, and returns extra template context. The page templates
include every template named in the lists ``pledge_page_templates``,
``focus_area_templates`` and ``commitment_templates`` (pledge page) and
``municipality_fact_templates`` and ``municipality_page_templates`` (municipality
page). Each provider must run a constant number of queries whatever the data size.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

PageProvider = Callable[..., dict[str, Any]]

_providers: dict[str, list[PageProvider]] = {"pledge": [], "municipality": []}


def register(page: str, provider: PageProvider) -> None:
    """Register ``provider`` for ``page`` ("pledge" or "municipality"), once."""
    if provider not in _providers[page]:
        _providers[page].append(provider)


def extra_context(page: str, **objects: Any) -> dict[str, Any]:
    """Run every provider registered for ``page`` and merge what they return."""
    context: dict[str, Any] = {}
    for provider in _providers[page]:
        for key, value in provider(**objects).items():
            # Lists of template names from several providers add up.
            if isinstance(value, list) and isinstance(context.get(key), list):
                context[key] = context[key] + value
            else:
                context[key] = value
    return context
