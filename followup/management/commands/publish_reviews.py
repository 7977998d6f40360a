from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from followup.models import Review, ReviewState
from followup.reviews.signing import review_publish
from portal.documents.certificates import seal_config


class Command(BaseCommand):
    help = (
        "Publish every annual review that all parties have signed but that could not be "
        "published at the time (its PDF could not be sealed). Idempotent."
    )

    def handle(self, *args, **options):
        try:
            seal_config()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        published = 0
        for review in Review.objects.filter(state=ReviewState.APPROVED).order_by("pk"):
            review_publish(review=review)
            published += 1
            self.stdout.write(f"Published {review}.")
        if not published:
            self.stdout.write("No signed-off review is waiting to be published.")
