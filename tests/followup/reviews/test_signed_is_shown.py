"""What a signatory signs is what the pages and the PDF show: the draft follows the live
activity log, a change after submission stops signing until the coordinators resubmit,
the signatory previews the PDF, and returning or resubmitting says whose signatures it
cancels. Everything goes through the web forms."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from agreements.models import Membership
from followup.models import Activity, Review, ReviewEvent, ReviewState
from portal.models import IssuedDocument
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.factories import CommitmentFactory
from tests.followup.reviews.test_web import (
    PASSWORD,
    draft_data,
    html_text,
    sign,
    signatories,  # noqa: F401
    start_review,
)

Role = Membership.Role


def log_through_form(client, commitment, *, date="2024-10-01", text="Kvällskontroll", count=1):
    response = client.post(
        reverse("followup:activity_log", args=[commitment.pk]),
        {
            f"c{commitment.pk}-date": date,
            f"c{commitment.pk}-text": text,
            f"c{commitment.pk}-count": str(count),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def review_page(client, review: Review):
    return client.get(reverse("followup:review", args=[review.pk]))


def submit(client, review: Review, **overrides):
    review.refresh_from_db()
    data = draft_data(review, action="submit")
    data.update(overrides)
    return client.post(reverse("followup:review", args=[review.pk]), data)


def target_item(review: Review):
    return review.items.get(commitment__kind="yearly_target")


def test_an_activity_logged_after_the_start_shows_in_the_draft(client, world, coordinator):
    client.force_login(coordinator)
    review = start_review(client, world)
    assert "1 av 6 tillfällen 2024." in html_text(review_page(client, review))

    log_through_form(client, world.commitment, text="Kontroll vid skolan")

    page = html_text(review_page(client, review))
    assert "2 av 6 tillfällen 2024." in page
    assert "Kontroll vid skolan" in page
    assert "ändrat sedan utkastet sparades" in page
    # Saving writes the live figures in; then nothing is marked as changed any more.
    client.post(reverse("followup:review", args=[review.pk]), draft_data(review, action="save"))
    assert "2 av 6 tillfällen 2024." in target_item(review).progress
    assert "ändrat sedan utkastet sparades" not in html_text(review_page(client, review))


def test_an_activity_withdrawn_after_the_start_is_gone_from_the_signed_content(
    client,
    world,
    coordinator,
    signatories,  # noqa: F811
    document_settings,  # noqa: F811
):
    police, municipal = signatories
    client.force_login(coordinator)
    review = start_review(client, world)
    assert "Första trafikkontrollen" in target_item(review).progress

    client.post(reverse("followup:withdraw", args=[world.activity.pk]))
    assert Activity.objects.get(pk=world.activity.pk).is_withdrawn
    assert submit(client, review).status_code == 302
    for signatory in (police, municipal):
        client.force_login(signatory)
        assert sign(client, review).status_code == 302

    review.refresh_from_db()
    assert review.state == ReviewState.PUBLISHED
    item = target_item(review)
    assert "Första trafikkontrollen" not in item.progress
    assert "0 av 6 tillfällen 2024." in item.progress
    public = html_text(client.get(review.get_absolute_url()))
    assert "Första trafikkontrollen" not in public
    sealed = IssuedDocument.objects.for_object(review).get()
    with sealed.file.open("rb") as stored:
        text = "".join(p.extract_text() for p in PdfReader(stored).pages)
    assert "Första trafikkontrollen" not in text
    assert "0 av 6 tillfällen 2024." in text


def test_a_log_change_after_submission_stops_signing_until_the_coordinators_resubmit(
    client,
    world,
    coordinator,
    signatories,  # noqa: F811
    document_settings,  # noqa: F811
):
    police, municipal = signatories
    client.force_login(coordinator)
    review = start_review(client, world)
    assert submit(client, review).status_code == 302
    client.force_login(police)
    assert sign(client, review).status_code == 302  # Petra Polis signs the first figures

    client.force_login(coordinator)
    log_through_form(client, world.commitment, text="Extra kontroll i december")

    # The remaining signatory is told plainly and gets no sign form; a forged post is refused.
    client.force_login(municipal)
    page = html_text(review_page(client, review))
    assert "Aktivitetsloggen har ändrats sedan uppföljningen skickades in" in page
    assert "Inskickat 1 av 6 tillfällen 2024." in page
    assert "I loggen nu 2 av 6 tillfällen 2024." in page
    sign_action = reverse("followup:review_sign", args=[review.pk])
    assert f'action="{sign_action}"' not in review_page(client, review).content.decode()
    refused = sign(client, review)
    assert refused.status_code == 400
    assert "Aktivitetsloggen har ändrats sedan uppföljningen skickades in" in html_text(refused)
    review.refresh_from_db()
    assert review.state == ReviewState.SUBMITTED

    # The coordinator sees the same and resubmits; the page says whose signature lapses.
    client.force_login(coordinator)
    page = html_text(review_page(client, review))
    assert "upphör att gälla när du skickar in igen: Petra Polis" in page
    response = client.post(
        reverse("followup:review_resubmit", args=[review.pk]),
        {"content_version": review.content_version},
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.state == ReviewState.SUBMITTED
    assert "2 av 6 tillfällen 2024." in target_item(review).progress
    assert review.current_sign_offs() == []
    cancelled = review.events.get(kind=ReviewEvent.Kind.SIGNATURES_CANCELLED)
    assert "Petra Polis" in cancelled.comment

    # Petra Polis is told her signature lapsed, in her queue and on the review, and both
    # sign the new figures.
    client.force_login(police)
    queue = html_text(client.get(reverse("followup:start")))
    assert "Din tidigare underskrift gäller inte längre" in queue
    page = html_text(review_page(client, review))
    assert "Den underskriften gäller inte längre" in page
    assert "2 av 6 tillfällen 2024." in page
    for signatory in (police, municipal):
        client.force_login(signatory)
        assert sign(client, review).status_code == 302
    review.refresh_from_db()
    assert review.state == ReviewState.PUBLISHED
    assert "2 av 6 tillfällen 2024." in html_text(client.get(review.get_absolute_url()))


def test_the_signatory_previews_the_pdf_marked_as_a_draft_on_every_page_never_stored(
    client,
    world,
    coordinator,
    signatories,  # noqa: F811
    make_member,
):
    police, _municipal = signatories
    client.force_login(coordinator)
    review = start_review(client, world)
    submit(client, review)
    client.force_login(police)
    page = review_page(client, review).content.decode()
    preview_url = reverse("followup:review_preview_pdf", args=[review.pk])
    assert f'href="{preview_url}">Förhandsgranska PDF</a>' in page

    response = client.get(preview_url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "utkast" in response["Content-Disposition"]
    pages = PdfReader(io.BytesIO(response.content)).pages
    assert all("Utkast – inte undertecknat" in p.extract_text() for p in pages)
    text = "".join(p.extract_text() for p in pages)
    assert "Vid minst sex tillfällen per år genomförs en trafikkontroll." in text
    assert "1 av 6 tillfällen 2024." in text
    assert not IssuedDocument.objects.exists()
    # Nobody outside the parties sees it.
    client.force_login(make_member(Role.SIGNATORY, "other_municipality"))
    assert client.get(preview_url).status_code == 403


def test_a_wrong_password_puts_the_error_summary_first_with_focus(
    client,
    world,
    coordinator,
    signatories,  # noqa: F811
):
    police, _municipal = signatories
    client.force_login(coordinator)
    review = start_review(client, world)
    submit(client, review)
    client.force_login(police)

    response = sign(client, review, password="fel-losenord")

    assert response.status_code == 400
    html = response.content.decode()
    main = html[html.index("<main") :]
    # The summary comes straight after the heading, before the review, and takes focus.
    after_heading = main[main.index("</h1>") :]
    assert after_heading.lstrip("</h1>").lstrip().startswith('<div class="error-summary"')
    assert 'tabindex="-1" autofocus' in after_heading[:200]
    message = "Lösenordet stämmer inte. Skriv ditt eget lösenord för att skriva under."
    assert html.count(message) == 2  # once in the summary (linked), once at the field
    assert 'href="#id_password"' in html


def test_the_signing_page_shows_no_version_numbers_or_fingerprints_and_who_has_signed(
    client,
    world,
    coordinator,
    signatories,  # noqa: F811
):
    police, municipal = signatories
    client.force_login(coordinator)
    review = start_review(client, world)
    submit(client, review)
    client.force_login(police)
    first = html_text(review_page(client, review))
    assert "Uppföljningen publiceras för invånarna när alla parter har skrivit under." in first
    sign(client, review)

    client.force_login(municipal)
    page = html_text(review_page(client, review))
    review.refresh_from_db()
    assert review.content_sha256 not in page
    assert "innehållsversion" not in page.lower()
    assert "Polisen, lokalpolisområde Norrskogen: underskriven" in page
    assert "Granby kommun: inte underskriven" in page
    assert "Din underskrift är den sista som saknas" in page
    assert "publiceras uppföljningen för invånarna direkt" in page


def test_returning_warns_whose_signatures_it_cancels_then_cancels_them(
    client,
    world,
    coordinator,
    signatories,  # noqa: F811
):
    police, municipal = signatories
    client.force_login(coordinator)
    review = start_review(client, world)
    submit(client, review)
    client.force_login(police)
    sign(client, review)

    client.force_login(municipal)
    page = html_text(review_page(client, review))
    assert "Om du skickar tillbaka uppföljningen upphör den här underskriften att gälla" in page
    assert "Petra Polis" in page
    response = client.post(
        reverse("followup:review_return", args=[review.pk]), {"comment": "Fel siffror."}
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.state == ReviewState.DRAFT
    assert "Petra Polis" in review.events.get(kind=ReviewEvent.Kind.SIGNATURES_CANCELLED).comment

    # After the next submission, Petra Polis is told her earlier signature lapsed.
    client.force_login(coordinator)
    submit(client, review)
    client.force_login(police)
    assert "Den underskriften gäller inte längre" in html_text(review_page(client, review))


def test_done_with_fewer_logged_times_than_the_target_is_asked_about(client, world, coordinator):
    client.force_login(coordinator)
    review = start_review(client, world)
    review.refresh_from_db()
    data = draft_data(review, action="submit")
    del data["confirm_short_of_target"]

    refused = client.post(reverse("followup:review", args=[review.pk]), data)

    assert refused.status_code == 400
    text = html_text(refused)
    assert "Utkastet är sparat men inte inskickat" in text
    assert "är bedömt som genomfört, men loggen visar färre tillfällen än målet" in text
    item = target_item(review)
    assert f'id="id_item_{item.pk}_assessment_error"' in refused.content.decode()
    review.refresh_from_db()
    assert review.state == ReviewState.DRAFT

    confirmed = submit(client, review)
    assert confirmed.status_code == 302
    review.refresh_from_db()
    assert review.state == ReviewState.SUBMITTED


def test_a_password_check_still_goes_first(client, world, coordinator, signatories):  # noqa: F811
    """The log check never reveals anything before the password is confirmed."""
    police, _municipal = signatories
    client.force_login(coordinator)
    review = start_review(client, world)
    submit(client, review)
    log_through_form(client, world.commitment)
    client.force_login(police)
    response = sign(client, review, password="fel")
    assert response.status_code == 400
    assert "Lösenordet stämmer inte" in html_text(response)
    assert PASSWORD  # the right one is the factory's


@pytest.mark.parametrize("responsible", ["police", "municipality"])
def test_coordinators_cannot_log_through_the_form_for_the_other_partys_commitment(
    client, world, make_member, responsible
):
    commitment = CommitmentFactory(
        pledge=world.pledge,
        text="Ett löfte för en part",
        responsible=responsible,
        kind="ongoing",
        yearly_target=None,
    )
    other = "own_municipality" if responsible == "police" else "own_police_area"
    client.force_login(make_member(Role.COORDINATOR, other))
    url = reverse("followup:activity_log", args=[commitment.pk])
    assert client.get(url).status_code == 403
    response = client.post(
        url, {f"c{commitment.pk}-date": "2024-05-01", f"c{commitment.pk}-text": "x"}
    )
    assert response.status_code == 403
    assert not Activity.objects.filter(commitment=commitment).exists()
