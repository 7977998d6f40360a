"""Read a page's breadcrumb trail, for the tests of the pages that show one."""

import html
import re

TRAIL = re.compile(r'<nav class="breadcrumbs"[^>]*>(.*?)</nav>', re.S)
CRUMB = re.compile(
    r"<li( aria-current=\"page\")?>(?:<a href=\"([^\"]*)\">)?(.*?)(?:</a>)?</li>", re.S
)


def crumbs(response) -> list[tuple[str, str | None]]:
    """The page's crumbs as (label, link); the current page's link is "current"."""
    trail = TRAIL.search(response.content.decode())
    assert trail, "the page has no breadcrumb trail"
    return [
        (
            html.unescape(label.strip()),
            "current" if current else (html.unescape(url) if url else None),
        )
        for current, url, label in CRUMB.findall(trail.group(1))
    ]
