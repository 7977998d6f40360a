"""The CSV files: UTF-8 with BOM and semicolons, the columns the page describes, å/ä/ö
from the seed documents, only published content, and no formulas for a spreadsheet."""

from __future__ import annotations

import csv
import io

import pytest

from followup.reviews import services as reviews
from opendata.csv_files import ASSESSMENTS_FILE, PROGRESS_FILE, safe_cell
from pledges.models import Commitment, Pledge
from portal.choices import PublicationStatus
from tests.factories import CommitmentFactory, PledgeFactory
from tests.followup.review_fixtures import JAN_2024, fill, people_for

pytestmark = pytest.mark.django_db

PROGRESS = "/oppna-data/loften-per-ar.csv"
ASSESSMENTS = "/oppna-data/bedomningar.csv"


def read(response) -> list[dict[str, str]]:
    """The file as Excel would read it: BOM first, then semicolon-separated rows."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('.csv"')
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def header(response) -> list[str]:
    return next(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_progress_file_has_one_row_per_commitment_and_year_with_a_og_o(client, seeded):
    response = client.get(PROGRESS)
    assert header(response) == [column.name for column in PROGRESS_FILE.columns]
    assert "löfte" in header(response) and "gäller_från" in header(response)
    rows = read(response)
    mala = Pledge.objects.get(slug="mala-2024")
    mala_rows = [row for row in rows if row["medborgarlöfte"] == "mala-2024"]
    assert len(mala_rows) == mala.commitments.count() * len(mala.years)
    row = mala_rows[0]
    assert row["kommuner"] == "Malå"
    assert row["lokalpolisområde"] == "Skellefteå"
    assert row["rubrik"] == "Medborgarlöfte 2024, Malå kommun"
    assert row["år"] == "2024"
    # A yearly target from the seed text ("minst en gemensam tillsyn varje år").
    inspection = next(r for r in mala_rows if "tillsyn" in r["löfte"])
    assert inspection["mål"] == "1"
    assert inspection["typ"] == "minst 1 gång per år"
    assert inspection["genomförda"] == "0"
    # Every published pledge with commitments is there, and nothing else.
    with_commitments = {
        c.pledge.slug for c in Commitment.objects.filter(pledge__status=PublicationStatus.PUBLISHED)
    }
    assert {row["medborgarlöfte"] for row in rows} == with_commitments


def test_the_assessments_file_has_one_row_per_assessment_of_a_published_follow_up(
    client, world, published_review
):
    response = client.get(ASSESSMENTS)
    assert header(response) == [column.name for column in ASSESSMENTS_FILE.columns]
    rows = read(response)
    items = list(published_review.items.order_by("order", "pk"))
    assert [row["löfte"] for row in rows] == [item.text for item in items]
    assert {row["bedömning"] for row in rows} == {"Genomfört"}
    assert {row["bedömning_kod"] for row in rows} == {"done"}
    assert {row["dokument"] for row in rows} == {"granby-2024"}
    assert {row["uppföljning_id"] for row in rows} == {str(published_review.pk)}
    assert rows[0]["period_från"] == "2024-01-01"


def test_drafts_and_unpublished_follow_ups_are_not_in_the_files(client, world):
    draft = PledgeFactory(
        slug="granby-utkast",
        status=PublicationStatus.DRAFT,
        municipalities=[world.own_municipality],
    )
    draft_commitment = CommitmentFactory(pledge=draft, text="Ett löfte i ett utkast.")
    people = people_for(world.pledge)
    draft_review = reviews.review_start(
        user=people.coordinator, document=world.pledge, period_start=JAN_2024
    )
    fill(draft_review, people.coordinator)
    progress = client.get(PROGRESS).content.decode("utf-8-sig")
    assert "granby-2024" in progress
    assert "granby-utkast" not in progress and draft_commitment.text not in progress
    assert read(client.get(ASSESSMENTS)) == []
    assert read(client.get("/oppna-data/kommun/granby/bedomningar.csv")) == []
    draft_file = "/oppna-data/medborgarlofte/granby-utkast/loften-per-ar.csv"
    assert client.get(draft_file).status_code == 404


def test_a_municipality_file_holds_only_its_pledges(client, world):
    rows = read(client.get("/oppna-data/kommun/granby/loften-per-ar.csv"))
    assert {row["medborgarlöfte"] for row in rows} == {"granby-2024"}
    response = client.get("/oppna-data/kommun/granby/loften-per-ar.csv")
    assert response["Content-Disposition"] == 'attachment; filename="granby-loften-per-ar.csv"'
    assert client.get("/oppna-data/kommun/finns-inte/loften-per-ar.csv").status_code == 404
    assert client.get("/oppna-data/kommun/granby/annat.csv").status_code == 404
    pledge_rows = read(client.get("/oppna-data/medborgarlofte/granby-2024/loften-per-ar.csv"))
    assert {row["löfte_id"] for row in pledge_rows} == {
        str(c.pk) for c in world.pledge.commitments.all()
    }


def test_a_police_area_file_holds_the_documents_of_its_page(client, world, published_review):
    CommitmentFactory(pledge=Pledge.objects.get(slug="ekeby-2024"), text="Ekebys löfte.")
    rows = read(client.get("/oppna-data/lokalpolisomrade/norrskogen/loften-per-ar.csv"))
    assert {row["medborgarlöfte"] for row in rows} == {"granby-2024"}
    assessments = read(client.get("/oppna-data/lokalpolisomrade/norrskogen/bedomningar.csv"))
    assert {row["uppföljning_id"] for row in assessments} == {str(published_review.pk)}
    other = read(client.get("/oppna-data/lokalpolisomrade/soderslatt/loften-per-ar.csv"))
    assert {row["medborgarlöfte"] for row in other} == {"ekeby-2024"}
    response = client.get("/oppna-data/lokalpolisomrade/norrskogen/bedomningar.csv")
    assert response["Content-Disposition"] == 'attachment; filename="norrskogen-bedomningar.csv"'
    missing = "/oppna-data/lokalpolisomrade/finns-inte/loften-per-ar.csv"
    assert client.get(missing).status_code == 404


@pytest.mark.parametrize(
    "world_pledge",
    [{"title": '=HYPERLINK("http://example.com";"Klicka")'}],
)
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_plain_text(client, world):
    rows = read(client.get(PROGRESS))
    granby = [row for row in rows if row["medborgarlöfte"] == "granby-2024"]
    assert granby[0]["rubrik"] == '\'=HYPERLINK("http://example.com";"Klicka")'
    for dangerous in ("=1+1", "+46", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(dangerous) == "'" + dangerous
    for harmless in ("Malå", "3", "2024-01-01", "Kommun och polis"):
        assert safe_cell(harmless) == harmless
    assert safe_cell(None) == ""
    assert safe_cell(True) == "ja"


def test_the_files_answer_cors_and_revalidate(client, world):
    response = client.get(PROGRESS)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.get(PROGRESS, headers={"If-None-Match": response["ETag"]}).status_code == 304
