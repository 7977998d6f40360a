from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Prepare the demo run by the README's run command: load the seed documents. Idempotent."

    def handle(self, *args, **options):
        call_command("load_seed_documents", stdout=self.stdout)
        # Sealed PDFs of the seed documents, with a self-signed development certificate.
        call_command("create_dev_certificate", stdout=self.stdout)
        call_command("issue_documents", stdout=self.stdout)
        # Before the accounts: it adds the police areas whose demo accounts they print.
        call_command("name_demo_police_areas", stdout=self.stdout)
        call_command("create_demo_accounts", stdout=self.stdout)
        call_command("create_demo_activities", stdout=self.stdout)
