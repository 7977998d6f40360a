"""The whole annual follow-up through the web pages: a review is started, drafted,
returned, corrected, signed by every party, published and revised."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from agreements.models import Membership
from followup.models import Review, ReviewSignOff, ReviewState
from portal.models import IssuedDocument
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.followup.reviews.test_web import (
    draft_data,
    html_text,
    sign,
    signatories,  # noqa: F401
    start_review,
)

Role = Membership.Role


def test_whole_workflow_with_return_and_correction(
    client,
    world,
    coordinator,
    signatories,  # noqa: F811
    document_settings,  # noqa: F811
):
    police, municipal = signatories
    client.force_login(coordinator)

    # The start page offers the year; starting prefills the commitments and the log.
    page = client.get(reverse("followup:start")).content.decode()
    assert "Påbörja uppföljningen 2024" in page
    review = start_review(client, world)
    page = html_text(client.get(reverse("followup:review", args=[review.pk])))
    assert "Vid minst sex tillfällen per år genomförs en trafikkontroll." in page
    assert "1 av 6 tillfällen 2024." in page  # the logged activity, against the target
    assert "Första trafikkontrollen" in page

    # Submitting without assessments is refused, with what is missing marked on each
    # field; the draft is kept.
    response = client.post(
        reverse("followup:review", args=[review.pk]),
        draft_data(review, assessment="", action="submit"),
    )
    assert response.status_code == 400
    review.refresh_from_db()
    assert review.state == ReviewState.DRAFT
    assert review.summary == "Ett bra år."
    refused = html_text(response)
    assert "Utkastet är sparat men inte inskickat. Rätta det som är markerat:" in refused
    assert "Bedöm alla löften: 2 saknar bedömning." in refused
    for item in review.items.all():
        field = f'id="id_item_{item.pk}_assessment_error"'
        assert field in response.content.decode()

    # An assessment outside the scale is refused with a Swedish message.
    bad = draft_data(review)
    bad[f"item_{review.items.first().pk}_assessment"] = "kanske"
    response = client.post(reverse("followup:review", args=[review.pk]), bad)
    assert response.status_code == 400
    assert "Utkastet är inte sparat. Rätta det som är markerat:" in response.content.decode()
    assert "Välj en bedömning från listan." in response.content.decode()

    response = client.post(
        reverse("followup:review", args=[review.pk]), draft_data(review, action="submit")
    )
    review.refresh_from_db()
    assert review.state == ReviewState.SUBMITTED
    assert len(review.content_sha256) == 64

    # The signatories see it in their queue; one signs, with a wrong password first.
    client.force_login(municipal)
    start = html_text(client.get(reverse("followup:start")))
    assert "1 uppföljning väntar på din underskrift" in start
    response = sign(client, review, password="fel-losenord")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Du har inte skrivit under:" in body  # the error summary, linked to the field
    assert 'href="#id_password">Ditt lösenord: Lösenordet stämmer inte.' in body
    assert not ReviewSignOff.objects.exists()
    assert sign(client, review).status_code == 302
    assert ReviewSignOff.objects.get().organisation == world.own_municipality.official_name

    # The police chief sends it back with a comment; the coordinator sees the comment.
    client.force_login(police)
    response = client.post(reverse("followup:review_return", args=[review.pk]), {"comment": ""})
    assert response.status_code == 400
    assert "Skriv vad som behöver ändras." in response.content.decode()
    client.post(
        reverse("followup:review_return", args=[review.pk]),
        {"comment": "Trafikkontrollerna var fem, inte sex."},
    )
    review.refresh_from_db()
    assert review.state == ReviewState.DRAFT
    client.force_login(coordinator)
    page = html_text(client.get(reverse("followup:review", args=[review.pk])))
    assert "Trafikkontrollerna var fem, inte sex." in page

    # Corrected and submitted again: the earlier signature no longer counts.
    client.post(
        reverse("followup:review", args=[review.pk]),
        draft_data(review, action="submit", assessment="partly", summary="Nästan allt gjordes."),
    )
    review.refresh_from_db()
    assert review.state == ReviewState.SUBMITTED
    client.force_login(police)
    sign(client, review)
    review.refresh_from_db()
    assert review.state == ReviewState.SUBMITTED  # the municipality must sign again
    client.force_login(municipal)
    response = sign(client, review, title="Kommunalråd")
    review.refresh_from_db()
    assert review.state == ReviewState.PUBLISHED
    assert review.approved_at and review.published_at
    assert IssuedDocument.objects.for_object(review).count() == 1

    # Residents: the pledge page announces it and shows the assessments and the PDF.
    client.logout()
    pledge_page = html_text(client.get(world.pledge.get_absolute_url()))
    assert "Uppföljningen för 2024 är undertecknad av alla parter" in pledge_page
    assert "Delvis genomfört" in pledge_page
    assert "Nästan allt gjordes." in pledge_page
    assert "Petra Polis" in pledge_page and "Kim Kommunalråd" in pledge_page
    assert "Förseglad PDF för 2024" in pledge_page
    public = html_text(client.get(review.get_absolute_url()))
    assert "Tidiga kontroller fungerar bäst." in public
    assert "Kommunalråd" in public
    municipality_page = html_text(client.get(world.own_municipality.get_absolute_url()))
    assert "Senaste årliga uppföljning" in municipality_page
    # The page dates in Swedish time: just after midnight the UTC day is the day before.
    assert f"publicerad {timezone.localtime(review.published_at).day}" in municipality_page

    # A correction is a new revision, signed again; both stay public.
    client.force_login(coordinator)
    response = client.post(reverse("followup:review_revise", args=[review.pk]))
    revision = Review.objects.get(replaces=review)
    assert response.url == reverse("followup:review", args=[revision.pk])
    assert revision.revision == 2 and revision.state == ReviewState.DRAFT
    client.post(
        reverse("followup:review", args=[revision.pk]),
        draft_data(
            revision, action="submit", assessment="partly", summary="Rättad sammanfattning."
        ),
    )
    for signer in (police, municipal):
        client.force_login(signer)
        sign(client, revision)
    revision.refresh_from_db()
    assert revision.state == ReviewState.PUBLISHED
    client.logout()
    pledge_page = html_text(client.get(world.pledge.get_absolute_url()))
    assert "Uppföljning 2024 (revision 2)" in pledge_page
    assert "Ersätter revision 1" in pledge_page
    assert "Ersatt av revision 2." in pledge_page
    old = html_text(client.get(review.get_absolute_url()))
    assert "Den här revisionen är ersatt av revision 2" in old
