"""The sitemap section of the published follow-ups."""

from __future__ import annotations

import datetime

from followup.reviews.models import Review
from portal.crawlers import SiteSitemap


class ReviewSitemap(SiteSitemap):
    def items(self) -> list[Review]:
        return list(Review.objects.published().only("pk", "published_at").order_by("pk"))

    def lastmod(self, item: Review) -> datetime.datetime | None:
        return item.published_at
