from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Tells people by e-mail what waits for them and what became of their documents.

    It sits above followup, pledges and agreements: it listens to the signals their
    workflows send and never is imported by them.
    """

    name = "notifications"
    verbose_name = _("Meddelanden")

    def ready(self) -> None:
        from agreements.naming import signals as naming
        from agreements.people import signals as people
        from agreements.publishing import signals as publishing
        from followup.reviews import signals as reviews
        from notifications import organisation_receivers, receivers
        from portal.languages import in_default_language

        for signal, receiver in [
            (publishing.document_submitted, receivers.document_submitted),
            (publishing.document_returned, receivers.document_returned),
            (publishing.document_published, receivers.document_published),
            (reviews.review_submitted, receivers.review_submitted),
            (reviews.review_returned, receivers.review_returned),
            (reviews.review_published, receivers.review_published),
            (people.invitation_accepted, organisation_receivers.invitation_accepted),
            (naming.police_area_proposed, organisation_receivers.police_area_proposed),
            (naming.police_area_accepted, organisation_receivers.police_area_accepted),
        ]:
            # The messages are Swedish, their links Swedish addresses, whatever the
            # language of the page where the step was taken (/en/…). weak=False: the
            # wrapper is held by the signal alone.
            signal.connect(in_default_language(receiver), weak=False, dispatch_uid="notifications")
