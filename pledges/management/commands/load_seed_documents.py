from django.core.management.base import BaseCommand, CommandError

from pledges.seed import SeedConflict, load_seed_documents


class Command(BaseCommand):
    help = (
        "Load the parties and the seed pledges and agreements from fixtures/. "
        "Idempotent: a second run changes nothing."
    )

    def handle(self, *args, **options):
        try:
            report = load_seed_documents()
        except SeedConflict as conflict:
            # Nothing was written (one transaction): say why instead of a traceback.
            raise CommandError(str(conflict)) from None
        if report.changed:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Seed documents loaded: {report.created} created, {report.updated} updated, "
                    f"{report.deleted} removed."
                )
            )
        else:
            self.stdout.write("Seed documents already up to date; nothing changed.")
