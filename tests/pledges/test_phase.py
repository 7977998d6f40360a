"""Whether a document is current, ended, upcoming or extended follows from its dates."""

import datetime

import pytest

from portal.choices import Phase, PublicationStatus
from tests.factories import AgreementFactory, MunicipalityFactory, PledgeFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.mark.parametrize(
    ("today", "phase"),
    [
        (D(2023, 12, 31), Phase.UPCOMING),
        (D(2024, 1, 1), Phase.CURRENT),
        (D(2024, 12, 31), Phase.CURRENT),
        (D(2025, 1, 1), Phase.ENDED),
    ],
)
def test_pledge_phase_follows_its_period(today, phase):
    pledge = PledgeFactory(period_start=D(2024, 1, 1), period_end=D(2024, 12, 31))
    assert pledge.phase(today) == phase


def test_agreement_extends_until_further_notice_without_successor():
    agreement = AgreementFactory(
        valid_from=D(2019, 1, 1), valid_until=D(2022, 12, 31), extends_until_further_notice=True
    )
    assert agreement.phase(D(2026, 11, 23)) == Phase.EXTENDED
    assert "förlängs tills vidare" in agreement.phase_sentence(D(2026, 11, 23))


def test_agreement_ends_once_a_published_successor_exists():
    old = AgreementFactory(
        valid_from=D(2019, 1, 1), valid_until=D(2022, 12, 31), extends_until_further_notice=True
    )
    AgreementFactory(predecessor=old, valid_from=D(2023, 1, 1), valid_until=D(2026, 12, 31))
    old.refresh_from_db()
    assert old.phase(D(2024, 1, 1)) == Phase.ENDED
    assert old.phase_sentence(D(2024, 1, 1)).endswith("och har ersatts.")


def test_a_draft_successor_does_not_end_the_extension():
    old = AgreementFactory(
        valid_from=D(2019, 1, 1), valid_until=D(2022, 12, 31), extends_until_further_notice=True
    )
    AgreementFactory(predecessor=old, valid_from=D(2023, 1, 1), status=PublicationStatus.DRAFT)
    old.refresh_from_db()
    assert old.phase(D(2024, 1, 1)) == Phase.EXTENDED


def test_agreement_without_extension_simply_ends():
    agreement = AgreementFactory(valid_from=D(2019, 1, 1), valid_until=D(2022, 12, 31))
    assert agreement.phase(D(2023, 1, 1)) == Phase.ENDED


def test_current_pledge_is_listed_as_current_on_its_municipality_page(client):
    today = datetime.date.today()
    municipality = MunicipalityFactory(name="Provby", slug="provby")
    pledge = PledgeFactory(
        municipalities=[municipality],
        period_start=today - datetime.timedelta(days=30),
        period_end=today + datetime.timedelta(days=300),
    )
    PledgeFactory(
        title="Nästa löfte",
        municipalities=[municipality],
        period_start=today + datetime.timedelta(days=400),
        period_end=today + datetime.timedelta(days=800),
    )
    html = client.get("/kommun/provby/").content.decode()
    current_section = html.split("Gällande medborgarlöfte")[1].split("Kommande")[0]
    assert pledge.title in current_section
    assert "Gäller nu" in current_section
    assert "Nästa löfte" in html.split("Kommande")[1].split("Samverkansöverenskommelse")[0]


def test_draft_pledges_are_not_public(client):
    pledge = PledgeFactory(status=PublicationStatus.DRAFT)
    assert client.get(pledge.get_absolute_url()).status_code == 404


def test_a_pledge_moves_to_the_archive_when_its_successor_is_published(client):
    today = datetime.date.today()
    municipality = MunicipalityFactory(name="Provby", slug="provby")
    previous = PledgeFactory(
        title="Förra löftet",
        municipalities=[municipality],
        period_start=today - datetime.timedelta(days=300),
        period_end=today + datetime.timedelta(days=60),
    )
    PledgeFactory(
        title="Nya löftet",
        predecessor=previous,
        municipalities=[municipality],
        period_start=today + datetime.timedelta(days=10),
        period_end=today + datetime.timedelta(days=700),
    )

    html = client.get("/kommun/provby/").content.decode()
    current, archive = html.split('id="arkiv-rubrik"')
    assert "Förra löftet" not in current
    assert "Nya löftet" in current.split("Kommande")[1]
    assert "Förra löftet" in archive
    assert "Ersatt av ett nytt löfte" in archive
    assert "Gäller nu" not in archive
    assert "Det förra, för" in current and "är ersatt av ett nytt medborgarlöfte" in current


def test_a_pledge_stays_current_while_its_successor_is_a_draft(client):
    today = datetime.date.today()
    municipality = MunicipalityFactory(name="Provby", slug="provby")
    previous = PledgeFactory(
        title="Förra löftet",
        municipalities=[municipality],
        period_start=today - datetime.timedelta(days=300),
        period_end=today + datetime.timedelta(days=60),
    )
    PledgeFactory(
        title="Nya löftet",
        predecessor=previous,
        municipalities=[municipality],
        period_start=today + datetime.timedelta(days=10),
        period_end=today + datetime.timedelta(days=700),
        status=PublicationStatus.DRAFT,
    )

    html = client.get("/kommun/provby/").content.decode()
    current, archive = html.split('id="arkiv-rubrik"')
    assert "Förra löftet" in current.split("Gällande medborgarlöfte")[1]
    assert "Nya löftet" not in html
    assert "Förra löftet" not in archive
