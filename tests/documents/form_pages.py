"""Fill a Django admin add form as a browser would: its CSRF token, the option shown for a
choice, the other fields typed in, the file chosen."""

from __future__ import annotations

import re
from html import unescape


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def option_value(html: str, select: str, label: str) -> str:
    """The value of the option labelled ``label`` in the select named ``select``."""
    body = re.search(rf'<select name="{select}"[^>]*>(.*?)</select>', html, re.S).group(1)
    for value, text in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', body):
        if unescape(text).strip() == label:
            return unescape(value)
    raise AssertionError(f"no option {label!r} in {select}")


def post_add_form(client, url: str, fields: dict, *, choices: dict[str, str] = None):
    """Open the add form at ``url``, choose ``choices`` (select name -> option label), type
    ``fields`` (a file as an uploaded file) and press "Spara"."""
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    data = {"csrfmiddlewaretoken": csrf_token(html), "_save": "Spara", **fields}
    for name in fields:
        assert f'name="{name}"' in html, f"the form has no field {name}"
    for name, label in (choices or {}).items():
        data[name] = option_value(html, name, label)
    return client.post(url, data)
