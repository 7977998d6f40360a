from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from portal.documents.certificates import create_dev_certificate


class Command(BaseCommand):
    help = (
        "Create a self-signed development certificate for sealing PDFs in var/certs/ "
        "(with a random passphrase beside it). Idempotent: an existing one is kept. "
        "Never use it in production; see the README for a real certificate."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pkcs12", default=str(settings.PORTAL_DEV_SEAL_PKCS12))
        parser.add_argument(
            "--passphrase-file", default=str(settings.PORTAL_DEV_SEAL_PASSPHRASE_FILE)
        )

    def handle(self, *args, **options):
        pkcs12_path = Path(options["pkcs12"])
        created = create_dev_certificate(
            pkcs12_path=pkcs12_path, passphrase_path=Path(options["passphrase_file"])
        )
        if created:
            self.stdout.write(
                self.style.SUCCESS(f"Development certificate written to {pkcs12_path}.")
            )
        else:
            self.stdout.write(f"Development certificate {pkcs12_path} already exists; kept it.")
