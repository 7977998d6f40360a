from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Parter och samverkansöverenskommelser")

    def ready(self) -> None:
        from agreements.publishing.agreement import AGREEMENT_PUBLISHING
        from agreements.publishing.registry import register

        register(AGREEMENT_PUBLISHING)

        from agreements import models
        from agreements.page_scopes import watch, watch_organisations

        watch_organisations()
        watch(models.Agreement, lambda agreement: agreement)
        for part in (models.AgreementGoal, models.AgreementDuty, models.AgreementSignatory):
            watch(part, lambda row: row.agreement)
        for row_model in (models.AgreementSignOff, models.AgreementFormerSlug):
            watch(row_model, lambda row: row.agreement)
