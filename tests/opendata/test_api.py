"""The open data API (/api/v1/): every answer matches the OpenAPI document the API serves,
only published content appears, lists page through with stable links, answers revalidate
with ETag and Last-Modified, and any site may read them."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings

from followup.models import ReviewState
from followup.reviews import services as reviews
from pledges.models import Pledge
from portal.choices import PublicationStatus
from tests.factories import (
    AgreementDutyFactory,
    AgreementFactory,
    AgreementGoalFactory,
    CommitmentFactory,
    PledgeFactory,
)
from tests.followup.review_fixtures import fill, people_for, sign, submit
from tests.opendata.openapi import Validator

pytestmark = pytest.mark.django_db

API = "/api/v1"


def path_of(url: str) -> str:
    assert url.startswith(settings.SITE_URL), url
    return url.removeprefix(settings.SITE_URL)


def slugs(response) -> list[str]:
    return [item["slug"] for item in response.json()["items"]]


@pytest.fixture
def hidden(world):
    """What residents never see: a draft, a pledge waiting for signatures and a revision
    that a later signed one replaced, each of Granby."""
    municipalities = [world.own_municipality]
    return {
        "draft": PledgeFactory(
            slug="granby-utkast", status=PublicationStatus.DRAFT, municipalities=municipalities
        ),
        "submitted": PledgeFactory(
            slug="granby-skickat",
            status=PublicationStatus.SUBMITTED,
            municipalities=municipalities,
        ),
        "replaced": PledgeFactory(
            slug="granby-ersatt", status=PublicationStatus.REPLACED, municipalities=municipalities
        ),
        "draft_agreement": AgreementFactory(
            slug="granby-overenskommelse-utkast",
            status=PublicationStatus.DRAFT,
            municipalities=municipalities,
        ),
    }


def test_every_endpoint_answers_as_its_openapi_document_says(client, world, published_review):
    agreement = AgreementFactory(slug="granby-2024-2027", municipalities=[world.own_municipality])
    AgreementGoalFactory(agreement=agreement, text="Minska brotten i Granby")
    AgreementDutyFactory(agreement=agreement, text="Polisen håller kontakt med skolorna.")
    api = Validator(client)
    urls = [
        f"{API}/municipalities",
        f"{API}/municipalities/granby",
        f"{API}/police-areas",
        f"{API}/police-areas/norrskogen",
        f"{API}/pledges",
        f"{API}/pledges?municipality=granby&limit=1",
        f"{API}/pledges/granby-2024",
        f"{API}/agreements",
        f"{API}/agreements/granby-2024-2027",
        f"{API}/follow-ups",
        f"{API}/follow-ups?municipality=granby",
        f"{API}/pledges?police_area=norrskogen",
        f"{API}/agreements?police_area=norrskogen",
        f"{API}/follow-ups?police_area=norrskogen&limit=1",
        f"{API}/follow-ups/{published_review.pk}",
    ]
    for url in urls:
        api.get(url)
    pledge = api.get(f"{API}/pledges/granby-2024").json()
    assert pledge["municipalities"] == ["granby"]
    assert pledge["police_area"] == "norrskogen"
    traffic = next(c for c in pledge["commitments"] if c["id"] == world.commitment.pk)
    assert traffic["focus_area"] == "Trafik"
    assert traffic["kind"] == "yearly_target"
    assert traffic["progress"][0]["year"] == 2024
    assert traffic["progress"][0]["target"] == 6
    assert traffic["progress"][0]["done"] == world.activity.count
    follow_up = api.get(f"{API}/follow-ups/{published_review.pk}").json()
    assert follow_up["pledge"] == "granby-2024"
    assert follow_up["period_label"] == "2024"
    assert {a["text"] for a in follow_up["assessments"]} == {
        c.text for c in world.pledge.commitments.all()
    }
    assert {a["assessment"] for a in follow_up["assessments"]} == {"done"}
    # Who signed in the portal, by name and title as on the follow-up's page.
    signed = {(s.name, s.title, s.organisation) for s in published_review.current_sign_offs()}
    assert len(signed) >= 2
    assert {(s["name"], s["title"], s["organisation"]) for s in follow_up["signatures"]} == signed
    agreement_data = api.get(f"{API}/agreements/granby-2024-2027").json()
    assert agreement_data["goals"] == ["Minska brotten i Granby"]
    # What the clients are told when they ask wrong, in Swedish, also by the document.
    assert "finns inte" in api.get(f"{API}/pledges/finns-inte", status=404).json()["detail"]
    assert "finns inte" in api.get(f"{API}/municipalities/nej", status=404).json()["detail"]
    assert "finns inte" in api.get(f"{API}/follow-ups/999999", status=404).json()["detail"]
    assert "finns inte" in api.get(f"{API}/pledges?municipality=nej", status=404).json()["detail"]
    unknown_area = api.get(f"{API}/follow-ups?police_area=nej", status=404).json()["detail"]
    assert unknown_area == "Lokalpolisområdet finns inte."
    for bad in ("limit=0", "limit=101", "limit=många", "offset=-1"):
        detail = api.get(f"{API}/pledges?{bad}", status=400).json()["detail"]
        assert detail.startswith("Ogiltigt värde för"), detail


def test_the_document_is_openapi_3_and_names_every_endpoint(client):
    document = client.get(f"{API}/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        f"{API}/{name}"
        for name in [
            "municipalities",
            "municipalities/{slug}",
            "police-areas",
            "police-areas/{slug}",
            "pledges",
            "pledges/{slug}",
            "agreements",
            "agreements/{slug}",
            "follow-ups",
            "follow-ups/{review_id}",
        ]
    }


def test_drafts_unsigned_and_replaced_documents_never_appear(client, world, hidden):
    listed = slugs(client.get(f"{API}/pledges"))
    assert "granby-2024" in listed
    for name in ("draft", "submitted", "replaced"):
        assert hidden[name].slug not in listed
        assert client.get(f"{API}/pledges/{hidden[name].slug}").status_code == 404
    assert hidden["draft_agreement"].slug not in slugs(client.get(f"{API}/agreements"))
    municipality = client.get(f"{API}/municipalities/granby").json()
    assert municipality["pledges"] == ["granby-2024"]
    assert municipality["agreements"] == []


def test_unpublished_and_corrected_follow_ups_never_appear(client, world, published_review):
    people = people_for(world.pledge)
    # A draft of another year, and one sent for signatures but not yet signed.
    draft = reviews.review_start(
        user=people.coordinator, document=world.pledge, period_start=datetime.date(2024, 1, 1)
    )
    assert draft.pk == published_review.pk  # the year's follow-up exists: start returns it
    ekeby = Pledge.objects.get(slug="ekeby-2024")
    CommitmentFactory(pledge=ekeby)
    ekeby_people = people_for(ekeby)
    waiting = reviews.review_start(
        user=ekeby_people.coordinator, document=ekeby, period_start=datetime.date(2024, 1, 1)
    )
    fill(waiting, ekeby_people.coordinator)
    submit(waiting, ekeby_people.coordinator)
    # A correction of Granby's follow-up, signed by every party: it replaces the first.
    correction = reviews.review_revise(user=people.coordinator, review=published_review)
    fill(correction, people.coordinator, summary="Rättad: fler kontroller än vi först skrev.")
    submit(correction, people.coordinator)
    for signatory in people.signatories:
        sign(correction, signatory)
    correction.refresh_from_db()
    assert correction.state == ReviewState.PUBLISHED

    listed = client.get(f"{API}/follow-ups").json()
    assert [item["id"] for item in listed["items"]] == [correction.pk]
    assert listed["items"][0]["revision"] == 2
    assert listed["items"][0]["summary"] == "Rättad: fler kontroller än vi först skrev."
    for review in (published_review, waiting):
        assert client.get(f"{API}/follow-ups/{review.pk}").status_code == 404


def test_lists_page_through_every_row_once_in_a_stable_order(client, world):
    for year in range(2010, 2017):
        PledgeFactory(
            slug=f"granby-{year}",
            municipalities=[world.own_municipality],
            period_start=datetime.date(year, 1, 1),
            period_end=datetime.date(year, 12, 31),
        )
    total = Pledge.objects.published().count()
    url, seen, pages = f"{API}/pledges?limit=3", [], 0
    while url:
        data = client.get(url).json()
        assert data["count"] == total
        assert len(data["items"]) <= 3
        seen += [item["slug"] for item in data["items"]]
        url = path_of(data["next"]) if data["next"] else None
        pages += 1
    assert pages == -(-total // 3)
    assert len(seen) == len(set(seen)) == total
    # Newest period first; the same order on every request.
    assert seen[-1] == "granby-2010"
    assert slugs(client.get(f"{API}/pledges?limit=100")) == seen
    last = client.get(f"{API}/pledges?limit=3&offset=6").json()
    assert path_of(last["previous"]) == f"{API}/pledges?limit=3&offset=3"


@pytest.mark.parametrize("page_cache", [True, False], ids=["cached", "rendered"])
def test_answers_revalidate_with_etag_and_last_modified(client, world, settings, page_cache):
    settings.PAGE_CACHE_ENABLED = page_cache
    url = f"{API}/pledges"
    first = client.get(url)
    assert first.status_code == 200
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert client.get(url)["ETag"] == etag
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": last_modified}).status_code == 304
    assert client.get(url, headers={"If-None-Match": '"annat"'}).status_code == 200


def test_a_cached_answer_is_renewed_when_a_follow_up_is_published(client, world):
    before = client.get(f"{API}/follow-ups")
    assert before.json()["count"] == 0
    review = publish_granby(world)
    after = client.get(f"{API}/follow-ups", headers={"If-None-Match": before["ETag"]})
    assert after.status_code == 200
    assert [item["id"] for item in after.json()["items"]] == [review.pk]


def publish_granby(world):
    from tests.followup.review_fixtures import publish_through_sign_off

    return publish_through_sign_off(world.pledge, people_for(world.pledge), 2024)


def test_any_site_may_read_the_api_without_credentials(client, world):
    for method in ("get", "head"):
        response = getattr(client, method)(f"{API}/pledges", headers={"Origin": "https://a.se"})
        assert response.status_code == 200
        assert response["Access-Control-Allow-Origin"] == "*"
        assert not response.has_header("Access-Control-Allow-Credentials")
    preflight = client.options(
        f"{API}/pledges",
        headers={"Origin": "https://a.se", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert client.post(f"{API}/pledges").status_code == 405


def test_no_fingerprints_or_login_names_are_exposed(client, world, published_review):
    text = client.get(f"{API}/follow-ups").content.decode()
    text += client.get(f"{API}/pledges").content.decode()
    assert published_review.content_sha256
    assert published_review.content_sha256 not in text
    for sign_off in published_review.sign_offs.select_related("user"):
        assert sign_off.user.get_username() not in text
    for field in ("content_sha256", "created_by", "internal_note", "content_version"):
        assert field not in text


def test_a_police_areas_lists_hold_the_documents_its_page_shows(client, world, published_review):
    # Named in the text, or answering for the municipality of a text that names no police
    # area: both are Norrskogen's, as on its page and in its feed; Ekeby's is not.
    unnamed = PledgeFactory(
        slug="granby-2025", police_area=None, municipalities=[world.own_municipality]
    )
    AgreementFactory(slug="granby-2024-2027", municipalities=[world.own_municipality])
    AgreementFactory(slug="ekeby-2024-2027", municipalities=[world.other_municipality])
    api = Validator(client)

    pledges = api.get(f"{API}/pledges?police_area=norrskogen")
    assert sorted(slugs(pledges)) == ["granby-2024", unnamed.slug]
    assert pledges.json()["count"] == 2
    assert slugs(api.get(f"{API}/pledges?police_area=soderslatt")) == ["ekeby-2024"]
    assert slugs(api.get(f"{API}/agreements?police_area=norrskogen")) == ["granby-2024-2027"]
    follow_ups = api.get(f"{API}/follow-ups?police_area=norrskogen").json()["items"]
    assert [f["id"] for f in follow_ups] == [published_review.pk]
    assert api.get(f"{API}/follow-ups?police_area=soderslatt").json()["items"] == []
    # Both places at once: what is both the municipality's and the police area's.
    both = api.get(f"{API}/pledges?municipality=ekeby&police_area=norrskogen")
    assert slugs(both) == []
    # The next page keeps the place.
    first = api.get(f"{API}/pledges?police_area=norrskogen&limit=1").json()
    assert "police_area=norrskogen" in first["next"]
    second = api.get(path_of(first["next"])).json()
    assert {first["items"][0]["slug"], second["items"][0]["slug"]} == {
        "granby-2024",
        unnamed.slug,
    }
