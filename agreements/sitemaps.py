"""The sitemap sections of the municipality, police area and agreement pages."""

from __future__ import annotations

import datetime

from agreements.models import Agreement, Municipality, PoliceArea
from portal.crawlers import SiteSitemap


class MunicipalitySitemap(SiteSitemap):
    def items(self) -> list[Municipality]:
        return list(Municipality.objects.select_related(None).only("slug").order_by("slug"))


class PoliceAreaSitemap(SiteSitemap):
    def items(self) -> list[PoliceArea]:
        return list(PoliceArea.objects.select_related(None).only("slug").order_by("slug"))


class AgreementSitemap(SiteSitemap):
    """Every shown agreement: the published ones and the revisions they replaced."""

    def items(self) -> list[Agreement]:
        return list(Agreement.objects.shown().only("slug", "updated_at").order_by("slug"))

    def lastmod(self, item: Agreement) -> datetime.datetime:
        return item.updated_at
