"""Fill and post the drafting forms as a browser would: every field the page shows,
with its current value, and the button that was pressed; count a page's queries."""

from __future__ import annotations

import re
from html import unescape

from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext


def form_data(html: str) -> QueryDict:
    """The values a browser would send from the page's draft or start form (no button)."""
    form = re.search(
        r'<form method="post" action="[^"]*" class="form[^"]*"[^>]*>(.*?)</form>', html, re.S
    )
    if form is None:
        form = re.search(r'<form method="post" class="form"[^>]*>(.*?)</form>', html, re.S)
    body = form.group(1)
    data = QueryDict(mutable=True)
    for match in re.finditer(r"<input\b([^>]*)>", body):
        attrs = match.group(1)
        name = _attr(attrs, "name")
        kind = _attr(attrs, "type") or "text"
        if name is None or kind in {"submit", "button"}:
            continue
        if kind in {"checkbox", "radio"} and " checked" not in attrs:
            continue
        data.appendlist(name, unescape(_attr(attrs, "value") or ""))
    for match in re.finditer(r"<textarea\b([^>]*)>(.*?)</textarea>", body, re.S):
        text = unescape(match.group(2))
        data.appendlist(_attr(match.group(1), "name"), text.removeprefix("\n"))
    for match in re.finditer(r"<select\b([^>]*)>(.*?)</select>", body, re.S):
        name = _attr(match.group(1), "name")
        selected = re.findall(r'<option value="([^"]*)"[^>]*\bselected\b', match.group(2))
        if not selected:
            first = re.search(r'<option value="([^"]*)"', match.group(2))
            selected = [first.group(1)] if first else []
        for value in selected:
            data.appendlist(name, unescape(value))
    return data


def press(client, url: str, data: QueryDict, action: str):
    """Post the draft form ``data`` with the button whose action is ``action``."""
    data = data.copy()
    data["action"] = action
    return client.post(url, data)


def post_start_form(client, url: str, values: dict[str, str | list[str]]):
    """Open the start page at ``url``, type ``values`` (a list for several checked boxes)
    over what the form shows, and post it."""
    page = client.get(url)
    assert page.status_code == 200
    data = form_data(page.content.decode())
    for name, value in values.items():
        if isinstance(value, list):
            data.setlist(name, value)
        else:
            data[name] = value
    return client.post(url, data)


def query_count(client, url: str) -> int:
    """How many queries showing the page at ``url`` makes (it must answer 200)."""
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def _attr(attrs: str, name: str) -> str | None:
    found = re.search(rf'\b{name}="([^"]*)"', attrs)
    return None if found is None else found.group(1)


def row_prefix(data: QueryDict, kind: str, text: str) -> str:
    """The prefix ("lofte-2") of the row whose title or text is ``text``."""
    field = "title" if kind == "omrade" else "text"
    for key, value in data.items():
        if key.startswith(f"{kind}-") and key.endswith(f"-{field}") and value == text:
            return key.removesuffix(f"-{field}")
    raise AssertionError(f"no {kind} row with {text!r}")


def row_key(data: QueryDict, kind: str, text: str) -> str:
    return data[f"{row_prefix(data, kind, text)}-key"]


def last_row(data: QueryDict, kind: str) -> str:
    return f"{kind}-{int(data[f'{kind}-antal']) - 1}"
