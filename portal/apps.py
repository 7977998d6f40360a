from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portalen")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_delete, post_save

        from portal import checks  # noqa: F401  (registers the seal certificate check)
        from portal.documents import register
        from portal.models import IssuedDocument
        from portal.search import register_sqlite_fold

        connection_created.connect(register_sqlite_fold, dispatch_uid="portal-fold")

        for signal in (post_save, post_delete):
            signal.connect(register.forget, sender=IssuedDocument, dispatch_uid="register")
