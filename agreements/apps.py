from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Parter och samverkansöverenskommelser")

    def ready(self) -> None:
        from agreements.publishing.agreement import AGREEMENT_PUBLISHING
        from agreements.publishing.registry import register

        register(AGREEMENT_PUBLISHING)
