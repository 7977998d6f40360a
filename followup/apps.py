from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Uppföljning")

    def ready(self) -> None:
        from agreements import signals as agreement_signals
        from agreements.publishing import signals as publishing_signals
        from followup import receivers, revisions
        from pledges import signals as pledge_signals

        pledge_signals.pledge_page.connect(receivers.pledge_page, dispatch_uid="followup")
        pledge_signals.municipality_page.connect(
            receivers.municipality_page, dispatch_uid="followup"
        )
        agreement_signals.agreement_page.connect(receivers.agreement_page, dispatch_uid="followup")
        publishing_signals.revision_published.connect(
            revisions.continue_followup, dispatch_uid="followup"
        )

        from followup.page_scopes import watch_followup

        watch_followup()
