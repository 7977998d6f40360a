from django.core.management.base import BaseCommand

from following.services import followers_purge


class Command(BaseCommand):
    help = (
        "Delete the e-mail addresses that were entered to follow a municipality or police "
        "area but not confirmed within 7 days. Run it daily; running it again deletes "
        "nothing more."
    )

    def handle(self, *args, **options):
        deleted = followers_purge()
        self.stdout.write(f"{deleted} unconfirmed address(es) deleted.")
