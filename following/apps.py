from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowingConfig(AppConfig):
    """Residents follow a municipality or a police area by e-mail.

    It sits at the top, beside notifications: it adds a form to the municipality and
    police area pages through their page signals and listens to the publishing and
    follow-up workflows' signals, so no app below it knows about it.
    """

    name = "following"
    verbose_name = _("E-postprenumerationer")

    def ready(self) -> None:
        from agreements.publishing import signals as publishing
        from following import announce, receivers
        from followup.reviews import signals as reviews
        from pledges import signals as pages

        pages.municipality_page.connect(receivers.municipality_page, dispatch_uid="following")
        pages.police_area_page.connect(receivers.police_area_page, dispatch_uid="following")
        publishing.document_published.connect(announce.document_published, dispatch_uid="following")
        reviews.review_published.connect(announce.review_published, dispatch_uid="following")
