"""A pledge's PDF always has its commitments in the order the editors gave them, each with
the party that answers for it: the grouped view is only the web page's (issue 10)."""

import pytest

from pledges.documents import PLEDGE_PDF
from pledges.models import Commitment
from portal.services import document_issue
from tests.documents.conftest import pdf_text
from tests.factories import CommitmentFactory, FocusAreaFactory, MunicipalityFactory, PledgeFactory

pytestmark = pytest.mark.django_db

COMMITMENTS = [
    ("Polisen genomför trafikkontroller vid skolorna.", Commitment.Responsible.POLICE),
    ("Kommunen ser över belysningen i centrum.", Commitment.Responsible.MUNICIPALITY),
    ("Polisen besöker föräldramöten i årskurs sju.", Commitment.Responsible.POLICE),
]


def test_pdf_shows_the_commitments_in_written_order_when_parties_alternate():
    pledge = PledgeFactory(slug="vaxelvis", municipalities=[MunicipalityFactory()])
    area = FocusAreaFactory(pledge=pledge, title="Trygg skolväg")
    for order, (text, responsible) in enumerate(COMMITMENTS):
        CommitmentFactory(
            pledge=pledge, focus_area=area, text=text, responsible=responsible, order=order
        )

    issued, _created = document_issue(pdf=PLEDGE_PDF, document=pledge)
    with issued.file.open("rb") as handle:
        text = " ".join(pdf_text(handle.read()).split())

    positions = [text.index(commitment) for commitment, _party in COMMITMENTS]
    assert positions == sorted(positions)
    assert text.count("Ansvar: Polisen") == 2 and text.count("Ansvar: Kommunen") == 1
    assert "grupperade efter ansvarig part" not in text
