from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from agreements.documents import AGREEMENT_PDF
from agreements.selectors import published_agreements
from pledges.documents import PLEDGE_PDF
from pledges.selectors import published_pledges
from portal.documents.certificates import seal_config
from portal.models import IssuedDocument
from portal.services import document_issue


class Command(BaseCommand):
    help = (
        "Render, seal and store the PDF of every published pledge and agreement that has "
        "none yet. Idempotent. With --refresh, also issue a new version of each document "
        "whose content changed since its latest PDF."
    )

    def add_arguments(self, parser):
        parser.add_argument("--refresh", action="store_true")

    def handle(self, *args, **options):
        try:
            seal_config()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        issued = 0
        jobs = [
            (published_agreements(), AGREEMENT_PDF),
            (published_pledges(), PLEDGE_PDF),
        ]
        for queryset, pdf in jobs:
            for document in queryset.order_by("pk"):
                sealed = IssuedDocument.objects.for_object(document).filter(
                    kind=IssuedDocument.Kind.SEALED
                )
                if sealed.exists() and not options["refresh"]:
                    continue
                version, created = document_issue(document=document, pdf=pdf)
                if created:
                    issued += 1
                    self.stdout.write(f"Issued {version.file_name} ({version.sha256[:12]}…).")
        if issued:
            self.stdout.write(self.style.SUCCESS(f"{issued} document(s) issued."))
        else:
            self.stdout.write("Every published document already has its PDF; nothing issued.")
