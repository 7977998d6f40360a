from django.core.management.base import BaseCommand

from notifications.reminders import reminders_send


class Command(BaseCommand):
    help = (
        "Send the reminders due today: follow-up periods ending within a month or "
        "unpublished three months after their end (coordinators), and documents and "
        "follow-ups that have waited a week for a signature (signatories). Run it daily; "
        "each reminder goes to each person once, however often it runs."
    )

    def handle(self, *args, **options):
        sent = reminders_send()
        self.stdout.write(f"{sent} reminder(s) queued.")
