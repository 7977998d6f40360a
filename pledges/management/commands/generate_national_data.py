from django.core.management.base import BaseCommand

from pledges.national import MUNICIPALITY_COUNT, generate_national_data


class Command(BaseCommand):
    help = (
        f"Create a national-scale data set of fictional names ({MUNICIPALITY_COUNT} "
        "municipalities with pledges) for load and scale tests. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--commitments", type=int, default=8, help="Commitments per pledge.")

    def handle(self, *args, **options):
        created = generate_national_data(commitments_per_pledge=options["commitments"])
        self.stdout.write(f"National data set ready; {created} objects created.")
