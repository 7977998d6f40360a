from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PledgesConfig(AppConfig):
    name = "pledges"
    verbose_name = _("Medborgarlöften")

    def ready(self) -> None:
        from agreements.publishing.registry import register
        from pledges.publishing import PLEDGE_PUBLISHING

        register(PLEDGE_PUBLISHING)

        from agreements.page_scopes import watch
        from pledges import models

        watch(models.Pledge, lambda pledge: pledge)
        for part in (
            models.FocusArea,
            models.Commitment,
            models.PledgeSignatory,
            models.PledgeSignOff,
            models.PledgeFormerSlug,
        ):
            watch(part, lambda row: row.pledge)
