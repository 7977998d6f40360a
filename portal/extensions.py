"""Extension point for the pledge, municipality and agreement pages.

Apps higher in the chain (followup) add what they know about a pledge or agreement
(progress, activities, reviews) without the apps below importing them: they register
a provider in their AppConfig.ready(). The registry lives in portal, the bottom of the
chain, so that both pledges and agreements can ask it.

A provider receives the objects the page already loaded, may annotate them in memory,
and returns extra template context. The page templates include every template named
in the lists ``pledge_page_templates``, ``pledge_intro_templates``,
``focus_area_templates`` and ``commitment_templates`` (pledge page),
``municipality_fact_templates`` and ``municipality_page_templates`` (municipality
page) and ``agreement_page_templates`` (agreement page). Each provider must run a
constant number of queries whatever the data size.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

PageProvider = Callable[..., dict[str, Any]]

_providers: dict[str, list[PageProvider]] = {"pledge": [], "municipality": [], "agreement": []}


def register(page: str, provider: PageProvider) -> None:
    """Register ``provider`` for ``page`` ("pledge", "municipality", "agreement"), once."""
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
