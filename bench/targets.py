"""Run by bench/throughput.py inside `manage.py shell`: publish one follow-up, then print
the address of each target as name=path lines."""

from __future__ import annotations

from django.contrib.staticfiles.storage import staticfiles_storage

from followup.models import Review
from pledges.models import Pledge
from portal.models import IssuedDocument
from tests.followup.review_fixtures import people_for, publish_through_sign_off


def main() -> None:
    pledge = Pledge.objects.get(slug="mala-2024")
    review = Review.objects.published().first() or publish_through_sign_off(
        pledge, people_for(pledge), 2024
    )
    issued = IssuedDocument.objects.for_object(pledge).order_by("-version").first()
    targets = {
        "floor": "/bench-floor/",
        "static": staticfiles_storage.url("css/portal.css"),
        "home": "/",
        "municipality": "/kommun/mala/",
        "police area": "/lokalpolisomrade/skelleftea/",
        "pledge": pledge.get_absolute_url(),
        "agreement": "/overenskommelse/asele-2019-2022/",
        "follow-up": review.get_absolute_url(),
        "pdf": issued.get_absolute_url(),
    }
    for name, path in targets.items():
        print(f"{name}={path}")
