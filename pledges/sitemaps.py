"""The sitemap section of the pledge pages."""

from __future__ import annotations

import datetime

from pledges.models import Pledge
from portal.crawlers import SiteSitemap
from portal.moments import latest_moment


class PledgeSitemap(SiteSitemap):
    """Every shown pledge: the published ones and the revisions they replaced."""

    def items(self) -> list[Pledge]:
        return list(
            Pledge.objects.shown().only("slug", "updated_at", "published_on").order_by("slug")
        )

    def lastmod(self, item: Pledge) -> datetime.datetime | None:
        return latest_moment(item.updated_at, item.published_on)
