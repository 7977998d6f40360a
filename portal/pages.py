"""How an app's page takes what apps above it add: a signal per page, merged here.

The app that owns a page declares its signal (`pledges/signals.py`,
`agreements/signals.py`) and documents what receivers get and may return. A receiver
returns a dict of extra template context. Keys ending in ``_templates`` are lists of
template names that the page includes; lists from several receivers add up. Any other
key belongs to one receiver: two receivers giving the same key is a programming error,
raised at once, never a silent overwrite.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from django.dispatch import Signal
from django.http import Http404, HttpRequest, HttpResponsePermanentRedirect
from django.urls import reverse

TEMPLATE_LIST_SUFFIX = "_templates"


def page_context(signal: Signal, sender: object, **objects: Any) -> dict[str, Any]:
    """Send ``signal`` and merge what its receivers return into one template context."""
    context: dict[str, Any] = {}
    owner: dict[str, object] = {}
    for receiver, extra in signal.send(sender=sender, **objects):
        for key, value in (extra or {}).items():
            if key.endswith(TEMPLATE_LIST_SUFFIX):
                context[key] = [*context.get(key, []), *value]
            elif key in context:
                raise ImproperlyConfigured(
                    f"Both {owner[key]!r} and {receiver!r} add {key!r} to the page."
                )
            else:
                context[key] = value
                owner[key] = receiver
    return context


def former_address(
    request: HttpRequest, documents: QuerySet, former_slug: str, url_name: str
) -> HttpResponsePermanentRedirect:
    """A document's address from before its slug changed moves permanently to the current
    one, query string kept; 404 when no document ever had that slug. Asked only after
    the current slug was not found, so a current address costs no extra query."""
    slug = documents.current_slug_for(former_slug)
    if slug is None:
        raise Http404
    url = reverse(url_name, kwargs={"slug": slug})
    return HttpResponsePermanentRedirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)
