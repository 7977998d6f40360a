"""Years before the portal: a pledge year with nothing logged says so once, with no zeros;
staff upload the paper follow-up of such a year as its scanned original, which residents
see, download and verify; the coordinators' start page keeps such periods apart."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agreements.models import Membership
from followup.models import Review, ReviewState
from portal.models import IssuedDocument
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.followup.factories import MembershipFactory, UserFactory
from tests.seeds import html_text

SCAN = b"%PDF-1.4\n% uppfoljning 2017, undertecknad pa papper\n%%EOF\n"


@pytest.fixture
def staff_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def page(client, url: str) -> str:
    return html_text(client.get(url).content.decode())


def upload_scan(staff_client, pledge, *, period="2017-01-01", content=SCAN):
    return staff_client.post(
        reverse("admin:followup_review_add"),
        {
            "target": f"pledge:{pledge.pk}",
            "period_start": period,
            "upload": SimpleUploadedFile("uppfoljning-2017.pdf", content),
            "signed_by": "Anna Andersson, kommunalråd, Granby kommun",
            "note": "Inskannad från pappersoriginalet",
        },
    )


def test_a_year_with_nothing_logged_says_so_once_without_zeros(client, old_pledge):
    text = page(client, f"{old_pledge.get_absolute_url()}?ar=2017")
    assert text.count("Arbetet under 2017 följdes inte upp i portalen") == 1
    assert "0 av 4" not in text
    assert "Inga aktiviteter är loggade" not in text
    assert "<progress" not in client.get(old_pledge.get_absolute_url()).content.decode()


def test_staff_upload_a_paper_follow_up_that_residents_see_download_and_verify(
    client,
    staff_client,
    old_pledge,
    document_settings,  # noqa: F811
):
    form = staff_client.get(reverse("admin:followup_review_add"))
    assert form.status_code == 200
    assert "Periodens första dag" in form.content.decode()

    response = upload_scan(staff_client, old_pledge)

    assert response.status_code == 302
    review = Review.objects.get(pledge=old_pledge)
    assert review.is_scanned and review.state == ReviewState.PUBLISHED
    assert (review.period_start, review.period_end) == (
        datetime.date(2017, 1, 1),
        datetime.date(2017, 12, 31),
    )
    scan = IssuedDocument.objects.for_object(review).get()
    assert scan.kind == IssuedDocument.Kind.SCANNED

    client.logout()
    pledge_page = page(client, f"{old_pledge.get_absolute_url()}?ar=2017")
    assert "Arbetet under 2017 följdes inte upp i portalen" in pledge_page
    assert "Uppföljningen för 2017 finns som inskannat original." in pledge_page
    assert "Inskannat original för 2017 (PDF)" in pledge_page
    review_page = page(client, review.get_absolute_url())
    assert "gjordes och undertecknades på papper" in review_page
    assert "Anna Andersson, kommunalråd, Granby kommun" in review_page
    download = client.get(scan.get_absolute_url())
    assert b"".join(download.streaming_content) == SCAN
    verified = client.post(reverse("portal:verify"), {"file": SimpleUploadedFile("fil.pdf", SCAN)})
    assert "Filen är ett inskannat original som finns i portalen" in html_text(
        verified.content.decode()
    )


def test_a_second_scan_for_the_same_year_or_a_non_pdf_is_refused_with_a_message(
    staff_client,
    old_pledge,
    document_settings,  # noqa: F811
):
    assert upload_scan(staff_client, old_pledge).status_code == 302
    again = upload_scan(staff_client, old_pledge, content=SCAN + b"% annan fil\n")
    assert again.status_code == 200
    assert "Det finns redan en uppföljning för perioden i portalen." in again.content.decode()
    wrong_day = upload_scan(staff_client, old_pledge, period="2017-03-01")
    assert "Ingen uppföljningsperiod för dokumentet börjar den dagen." in (
        wrong_day.content.decode()
    )
    not_pdf = upload_scan(staff_client, old_pledge, period="2018-01-01", content=b"hej")
    assert not_pdf.status_code == 200
    assert Review.objects.filter(pledge=old_pledge).count() == 1


def test_coordinators_find_old_periods_behind_a_link_not_in_their_list(client, world, old_pledge):
    coordinator = MembershipFactory(
        user=UserFactory(), role=Membership.Role.COORDINATOR, municipality=world.own_municipality
    ).user
    client.force_login(coordinator)
    html = client.get(reverse("followup:start")).content.decode()
    older = html[html.index('<details class="review-periods-older">') :]
    older = older[: older.index("</details>")]
    # The world's 2024 pledge has a logged activity: listed. 2017–2019: behind the link.
    listed = html.replace(older, "")
    assert "Påbörja uppföljningen 2024" in listed
    for year in ("2017", "2018", "2019"):
        assert f"Påbörja uppföljningen {year}" not in listed
        assert f"Påbörja uppföljningen {year}" in older
    assert "3 äldre perioder som inte följdes upp i portalen" in html_text(older)
    # Nor is the coordinator asked to log activities for the old pledge.
    assert "Medborgarlöfte 2017–2019, Granby kommun" not in html[: html.index("Årliga")]
    assert f'id="mlofte-{old_pledge.pk}"' not in html
