"""Atom feeds of what is published for a municipality, a police area and the country:
valid Atom, the events residents follow, linked from their pages, served from the shared
cache and renewed at once by a publication, in a constant number of queries."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from agreements.models import Membership, Municipality, PoliceArea
from agreements.publishing.registry import spec_for
from agreements.publishing.workflow import document_revise, document_sign, document_submit
from followup.models import ReviewState
from pledges.models import Pledge
from pledges.national import generate_national_data
from portal.choices import PublicationStatus
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.factories import AgreementFactory, MunicipalityFactory, PledgeFactory, PoliceAreaFactory
from tests.followup.review_fixtures import PASSWORD, member, people_for, publish_through_sign_off

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
VISIBLE_LINK = "Prenumerera på nyheter (Atom-flöde)"


def feed_urls(world) -> dict[str, str]:
    return {
        "country": reverse("followup:country_feed"),
        "municipality": reverse("followup:municipality_feed", args=[world.own_municipality.slug]),
        "police area": reverse("followup:police_area_feed", args=[world.own_police_area.slug]),
    }


def parse(response) -> ET.Element:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - the feed this test just rendered
    assert root.tag == f"{ATOM}feed"
    return root


def entries(root: ET.Element) -> list[dict[str, str]]:
    return [
        {
            "id": entry.findtext(f"{ATOM}id"),
            "title": entry.findtext(f"{ATOM}title"),
            "updated": entry.findtext(f"{ATOM}updated"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def titles(client, path: str) -> list[str]:
    return [entry["title"] for entry in entries(parse(client.get(path)))]


def test_each_feed_is_atom_with_id_title_updated_and_self_link(client, world):
    for name, path in feed_urls(world).items():
        root = parse(client.get(path))
        assert root.findtext(f"{ATOM}id"), name
        assert root.findtext(f"{ATOM}title"), name
        assert root.findtext(f"{ATOM}updated"), name
        # RFC 4287 4.1.1: a feed whose entries name no author names one itself.
        assert root.findtext(f"{ATOM}author/{ATOM}name") == "Medborgarlöften", name
        links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
        assert links["self"] == f"http://testserver{path}", name
        found = entries(root)
        assert found, name
        for entry in found:
            assert entry["id"] and entry["title"] and entry["updated"], name
            assert entry["link"].startswith("http://testserver/"), name
            assert entry["summary"], name
        assert len({entry["id"] for entry in found}) == len(found), name


def test_a_published_pledge_is_in_its_municipality_police_area_and_country_feeds(client, world):
    title = f"Nytt medborgarlöfte: {world.pledge.title}"
    for name, path in feed_urls(world).items():
        assert title in titles(client, path), name
    other = reverse("followup:municipality_feed", args=[world.other_municipality.slug])
    assert title not in titles(client, other)
    other_area = reverse("followup:police_area_feed", args=[world.other_police_area.slug])
    assert title not in titles(client, other_area)


def test_a_pledge_naming_no_police_area_is_in_its_municipalitys_police_area_feed(client, world):
    pledge = PledgeFactory(
        title="Löfte utan lokalpolisområde",
        police_area=None,
        municipalities=[world.own_municipality],
    )
    path = reverse("followup:police_area_feed", args=[world.own_police_area.slug])
    assert f"Nytt medborgarlöfte: {pledge.title}" in titles(client, path)


def test_a_new_agreement_is_in_the_feeds_of_its_parties(client, world):
    agreement = AgreementFactory(
        title="Samverkan i Granby", police_area=None, municipalities=[world.own_municipality]
    )
    title = f"Ny samverkansöverenskommelse: {agreement.title}"
    for name, path in feed_urls(world).items():
        found = [e for e in entries(parse(client.get(path))) if e["title"] == title]
        assert len(found) == 1, name
        assert found[0]["link"] == f"http://testserver{agreement.get_absolute_url()}"
    other = reverse("followup:municipality_feed", args=[world.other_municipality.slug])
    assert title not in titles(client, other)


def test_unknown_municipality_or_police_area_is_404(client, world):
    assert client.get("/kommun/finns-inte/flode/").status_code == 404
    assert client.get("/lokalpolisomrade/finns-inte/flode/").status_code == 404


@pytest.mark.usefixtures("seeded")
def test_the_seed_pledges_are_in_the_feeds(client):
    pledge = Pledge.objects.published().filter(municipalities__slug="mala").first()
    assert pledge is not None
    title = f"Nytt medborgarlöfte: {pledge.title}"
    assert title in titles(client, "/kommun/mala/flode/")
    assert title in titles(client, "/flode/")
    link = next(e["link"] for e in entries(parse(client.get("/flode/"))) if e["title"] == title)
    assert link == f"http://testserver{pledge.get_absolute_url()}"


@pytest.mark.usefixtures("seeded")
def test_a_loaded_document_is_dated_by_when_it_took_effect_not_when_it_was_loaded(client):
    # The seed texts record no publication date: the day the pledge took effect is the
    # nearest a resident can be told, where the time of loading would say nothing.
    pledge = Pledge.objects.published().get(municipalities__slug="mala")
    found = entries(parse(client.get("/kommun/mala/flode/")))
    entry = next(e for e in found if e["title"] == f"Nytt medborgarlöfte: {pledge.title}")
    assert entry["updated"].startswith(pledge.period_start.isoformat())


@pytest.mark.usefixtures("document_settings")
def test_a_published_follow_up_shows_in_the_cached_feed_at_once(
    client, world, django_assert_num_queries
):
    path = feed_urls(world)["municipality"]
    before = titles(client, path)
    assert not any(title.startswith("Uppföljning") for title in before)
    with django_assert_num_queries(0):
        assert titles(client, path) == before  # from the shared cache
    review = publish_through_sign_off(world.pledge, people_for(world.pledge), 2024)
    assert review.state == ReviewState.PUBLISHED
    found = entries(parse(client.get(path)))
    assert found[0]["title"] == f"Uppföljning 2024 publicerad: {world.pledge.title}"
    assert found[0]["link"] == f"http://testserver{review.get_absolute_url()}"
    for name, other in feed_urls(world).items():
        assert found[0]["title"] in titles(client, other), name


@pytest.mark.usefixtures("document_settings")
def test_a_published_revision_shows_in_the_feeds(client, world):
    spec = spec_for("medborgarlofte")
    people = people_for(world.pledge)
    editor = member(Membership.Role.EDITOR, world.own_municipality)
    path = feed_urls(world)["police area"]
    titles(client, path)  # cached before the revision
    revision = document_revise(spec=spec, user=editor, document=world.pledge)
    revision = document_submit(
        spec=spec, user=editor, document=revision, content_version=revision.content_version
    )
    for signatory in people.signatories:
        document_sign(
            spec=spec,
            user=signatory,
            document=revision,
            password=PASSWORD,
            content_version=revision.content_version,
        )
    revision.refresh_from_db()
    assert revision.status == PublicationStatus.PUBLISHED
    found = entries(parse(client.get(path)))
    assert found[0]["title"] == f"Ny revision: {revision.title}"
    assert found[0]["link"] == f"http://testserver{revision.get_absolute_url()}"
    assert "Revision 2" in found[0]["summary"]
    # The first revision's publication stays in the feed, under its own id.
    first = [e for e in found if e["title"] == f"Nytt medborgarlöfte: {world.pledge.title}"]
    assert len(first) == 1 and first[0]["id"] != found[0]["id"]


def test_the_pages_link_their_feed_in_the_head_and_visibly(client, world):
    pages = {
        "/": reverse("followup:country_feed"),
        world.own_municipality.get_absolute_url(): feed_urls(world)["municipality"],
        world.own_police_area.get_absolute_url(): feed_urls(world)["police area"],
    }
    for page, feed in pages.items():
        html = client.get(page).content.decode()
        head = html.split("</head>")[0]
        assert '<link rel="alternate" type="application/atom+xml" title="' in head, page
        assert f'href="{feed}"' in head, page
        body = html.split("</head>")[1]
        assert f'<a href="{feed}" type="application/atom+xml">{VISIBLE_LINK}</a>' in body, page


def grow(round_: int, area: PoliceArea) -> Municipality:
    """Pledges and a follow-up-free municipality of ``area`` each round, whose pledges
    name no police area, and the national data set in the second round. Codes start
    with 7: the national data's are 9xxx."""
    if round_ == 1:
        generate_national_data(commitments_per_pledge=1)
    for index in range(3):
        municipality = MunicipalityFactory(
            police_area=area, slug=f"vaxt-{round_}-{index}", code=f"7{round_}0{index}"
        )
        PledgeFactory(police_area=None, municipalities=[municipality])
        PledgeFactory(police_area=area, municipalities=[municipality])
    return municipality


def test_the_feeds_make_a_constant_number_of_queries(client, django_assert_max_num_queries):
    area = PoliceAreaFactory(slug="vaxtomradet")
    for round_ in range(3):
        municipality = grow(round_, area)
        paths = [
            reverse("followup:country_feed"),
            reverse("followup:municipality_feed", args=[municipality.slug]),
            reverse("followup:police_area_feed", args=[area.slug]),
        ]
        for path in paths:
            # The municipality or police area (not for the country), then the pledges,
            # the agreements and the follow-ups. An unknown parameter keeps the shared
            # cache out of it.
            with django_assert_max_num_queries(4):
                response = client.get(path, {"x": "1"})
            assert len(entries(parse(response))) >= 2, path
