from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Uppföljning")

    def ready(self) -> None:
        from agreements import signals as agreement_signals
        from followup import receivers
        from pledges import signals as pledge_signals

        pledge_signals.pledge_page.connect(receivers.pledge_page, dispatch_uid="followup")
        pledge_signals.municipality_page.connect(
            receivers.municipality_page, dispatch_uid="followup"
        )
        agreement_signals.agreement_page.connect(receivers.agreement_page, dispatch_uid="followup")
