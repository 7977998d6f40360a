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
from django.dispatch import Signal

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
