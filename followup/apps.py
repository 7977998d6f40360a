from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Uppföljning")

    def ready(self) -> None:
        from followup import providers
        from portal import extensions

        extensions.register("pledge", providers.pledge_page)
        extensions.register("municipality", providers.municipality_page)
        extensions.register("agreement", providers.agreement_page)
