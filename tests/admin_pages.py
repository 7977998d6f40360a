"""Posting the Django admin's change forms in tests, inlines included."""

import re

MANAGEMENT_FIELD = re.compile(
    r'name="([\w-]+-(?:TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS)"[^>]*value="(\d+)"'
    r'|value="(\d+)"[^>]*name="([\w-]+-(?:TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS)"'
)


def management_forms(client, url: str) -> dict[str, str]:
    """The inline formsets' management fields of the admin form at ``url``, as it has them."""
    html = client.get(url).content.decode()
    fields = {}
    for name, value, value_first, name_second in MANAGEMENT_FIELD.findall(html):
        fields[name or name_second] = value or value_first
    assert fields, f"no inline management forms on {url}"
    return fields
