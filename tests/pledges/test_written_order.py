"""A pledge's commitments are shown in the order the editors gave them, each with the
party that answers for it; grouping them by party is a view the reader may choose
("?visa=part"), never a rewrite of the text (issue 10)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pledges.models import Commitment
from tests.factories import CommitmentFactory, FocusAreaFactory, MunicipalityFactory, PledgeFactory
from tests.seeds import html_text

pytestmark = pytest.mark.django_db

POLICE, MUNICIPALITY = Commitment.Responsible.POLICE, Commitment.Responsible.MUNICIPALITY
FIRST = "Polisen genomför trafikkontroller vid skolorna."
SECOND = "Kommunen ser över belysningen i centrum."
THIRD = "Polisen besöker föräldramöten i årskurs sju."


@pytest.fixture
def alternating(db):
    """A pledge whose commitments alternate: police, municipality, police."""
    pledge = PledgeFactory(slug="vaxelvis", municipalities=[MunicipalityFactory()])
    area = FocusAreaFactory(pledge=pledge, title="Trygg skolväg")
    for order, (text, responsible) in enumerate(
        [(FIRST, POLICE), (SECOND, MUNICIPALITY), (THIRD, POLICE)]
    ):
        CommitmentFactory(
            pledge=pledge,
            focus_area=area,
            text=text,
            responsible=responsible,
            kind=Commitment.Kind.ONGOING,
            yearly_target=None,
            order=order,
        )
    return pledge


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return html_text(response.content.decode())


def in_order(text: str, *parts: str) -> bool:
    positions = [text.index(part) for part in parts]
    return positions == sorted(positions)


def test_page_shows_the_commitments_in_written_order_each_with_its_party(client, alternating):
    text = page(client, "/medborgarlofte/vaxelvis/")
    assert in_order(text, FIRST, SECOND, THIRD)
    assert f"{FIRST} Ansvar: Polisen" in text
    assert f"{SECOND} Ansvar: Kommunen" in text
    assert f"{THIRD} Ansvar: Polisen" in text


def test_page_offers_the_view_grouped_by_party(client, alternating):
    html = client.get("/medborgarlofte/vaxelvis/").content.decode()
    assert '<a href="?visa=part#loften">Visa löftena grupperade efter ansvarig part</a>' in html


def test_grouped_view_puts_each_partys_commitments_under_its_heading(client, alternating):
    response = client.get("/medborgarlofte/vaxelvis/", {"visa": "part"})
    html = response.content.decode()
    text = html_text(html)

    assert in_order(text, "Polisen", FIRST, THIRD, "Kommunen", SECOND)
    assert '<h4 class="responsible">Polisen</h4>' in html
    assert "Ansvar:" not in text  # the headings name the party
    assert "Löftena visas grupperade efter ansvarig part." in text
    assert '<a href="/medborgarlofte/vaxelvis/#loften">Visa i den ordning texten har</a>' in html


def test_switching_the_view_keeps_the_rest_of_the_query(client, alternating):
    html = client.get("/medborgarlofte/vaxelvis/", {"ar": "2026"}).content.decode()
    assert 'href="?ar=2026&amp;visa=part#loften"' in html
    html = client.get("/medborgarlofte/vaxelvis/", {"ar": "2026", "visa": "part"}).content.decode()
    assert 'href="?ar=2026#loften"' in html


def test_no_grouped_view_is_offered_when_one_party_answers_for_everything(client):
    pledge = PledgeFactory(slug="en-part")
    CommitmentFactory(pledge=pledge, responsible=POLICE)
    CommitmentFactory(pledge=pledge, responsible=POLICE)
    text = page(client, "/medborgarlofte/en-part/")
    assert "Ansvar: Polisen" in text
    assert "grupperade efter ansvarig part" not in text


def test_consecutive_commitments_of_a_party_keep_their_written_order(client):
    pledge = PledgeFactory(slug="ordning", municipalities=[MunicipalityFactory()])
    texts = ["Löfte A.", "Löfte B.", "Löfte C.", "Löfte D."]
    for order, (text, responsible) in enumerate(
        zip(texts, [MUNICIPALITY, MUNICIPALITY, POLICE, MUNICIPALITY], strict=True)
    ):
        # Inserted out of order: the page follows "order", not the database's row order.
        CommitmentFactory(pledge=pledge, text=text, responsible=responsible, order=10 - order)
    text = page(client, "/medborgarlofte/ordning/")
    assert in_order(text, *reversed(texts))


def test_both_views_make_the_same_number_of_queries(client, alternating):
    counts = []
    for query in ({}, {"visa": "part"}):
        client.get("/medborgarlofte/vaxelvis/", query)
        with CaptureQueriesContext(connection) as context:
            client.get("/medborgarlofte/vaxelvis/", query)
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1]
