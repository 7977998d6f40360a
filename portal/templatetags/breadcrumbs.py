"""The trail that templates/includes/breadcrumbs.html shows, built by the page that shows it."""

from typing import NamedTuple

from django import template

register = template.Library()


class Crumb(NamedTuple):
    label: str
    url: str | None


@register.simple_tag
def trail(*labels_and_urls) -> list[Crumb]:
    """Pair ``label url label url …`` into crumbs, in order.

    A crumb without a label is left out (a link the page does not have, such as a
    document's municipality when it has none). The last crumb without a url is the
    current page; an earlier one is plain text (several municipalities with no one page).
    """
    if len(labels_and_urls) % 2:
        raise template.TemplateSyntaxError("trail takes a label and a url for each crumb")
    pairs = zip(labels_and_urls[::2], labels_and_urls[1::2], strict=True)
    return [Crumb(label, url or None) for label, url in pairs if label]
