"""The interface in English under /en/, Swedish at today's addresses.

The language comes from the path alone: an address without a prefix is Swedish whatever
the browser asks for, /en/… is English. The documents' own texts stay Swedish and are
marked lang="sv" inside English pages; every page links to itself in the other language.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone, translation

from agreements.models import Agreement
from followup.models import Review, ReviewItem, ReviewSignOff, ReviewState
from pledges.models import Pledge

pytestmark = pytest.mark.django_db

SITE = "http://testserver.example"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def published_review(seeded) -> Review:
    """Malå 2024's follow-up, published (built with the models: the page is tested)."""
    mala = Pledge.objects.get(slug="mala-2024")
    now = timezone.now()
    review = Review.objects.create(
        pledge=mala,
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 12, 31),
        summary="Ett år med många insatser i centrum.",
        content_sha256="a" * 64,
    )
    ReviewItem.objects.create(
        review=review,
        order=0,
        group="Kommunen och polisen tillsammans",
        text="Gemensam tillsyn av serveringsställen.",
        progress="2 av 6 tillfällen 2024.",
        assessment="partly",
        comment="Två tillfällen blev av.",
    )
    signer = get_user_model().objects.create_user(username="undertecknare-exempel")
    for party in ({"municipality": mala.municipalities.get()}, {"police_area": mala.police_area}):
        ReviewSignOff.objects.create(
            review=review,
            content_version=1,
            content_sha256="a" * 64,
            user=signer,
            name="Exempel Exempelsson",
            title="Kommunchef",
            organisation="Malå kommun",
            **party,
        )
    review.state = ReviewState.PUBLISHED
    review.submitted_at = review.approved_at = review.published_at = now
    review.save()
    return review


def public_pages(review: Review) -> dict[str, str]:
    """Every public page type, by its Swedish address."""
    return {
        "home": "/",
        "search": "/sok/?q=mal",
        "overview": "/oversikt/",
        "municipality": "/kommun/mala/",
        "police area": "/lokalpolisomrade/skelleftea/",
        "pledge": "/medborgarlofte/mala-2024/",
        "agreement": "/overenskommelse/asele-2019-2022/",
        "follow-up": f"/uppfoljning/{review.pk}/",
        "about": "/om-medborgarloften/",
        "verify": "/kontrollera/",
        "login": "/logga-in/",
    }


def html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html)[1]


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))


def test_every_public_page_is_english_under_en_and_swedish_without_prefix(client, published_review):
    for name, path in public_pages(published_review).items():
        english = client.get("/en" + path)
        assert english.status_code == 200, name
        html = english.content.decode()
        assert html_lang(html) == "en", name
        assert english["Content-Language"] == "en", name
        # The header and navigation are the portal's own words: English.
        assert "Skip to content" in html and "Find your municipality" in html, name
        assert "Hoppa till innehållet" not in html, name
        # Each page links to itself in Swedish, marked as Swedish, from the header.
        assert f'<a href="{path}" lang="sv" hreflang="sv">Svenska</a>' in html.replace(
            "&amp;", "&"
        ), name
        assert alternates(html.replace("&amp;", "&")) == {
            "sv": SITE + path,
            "x-default": SITE + path,
            "en": SITE + "/en" + path,
        }, name

        swedish = client.get(path)
        assert swedish.status_code == 200, name
        html = swedish.content.decode()
        assert html_lang(html) == "sv", name
        assert swedish["Content-Language"] == "sv", name
        assert "Hoppa till innehållet" in html and "Skip to content" not in html, name
        assert f'<a href="/en{path}" lang="en" hreflang="en">English</a>' in html.replace(
            "&amp;", "&"
        ), name


def test_documents_keep_their_swedish_text_marked_lang_sv_on_english_pages(
    client, published_review
):
    pledge = client.get("/en/medborgarlofte/mala-2024/").content.decode()
    mala = Pledge.objects.get(slug="mala-2024")
    assert f'<h1 lang="sv">{mala.title}</h1>' in pledge
    assert f'<li aria-current="page" lang="sv">{mala.title}</li>' in pledge  # breadcrumbs
    commitment = mala.commitments.first()
    assert f'<p class="commitment__text" lang="sv">{commitment.text}</p>' in pledge
    assert '<p lang="sv">' in pledge  # the background and the other texts
    signatory = mala.signatories.first()
    assert f'<span class="signatory__organisation" lang="sv">{signatory.organisation}' in pledge

    agreement = client.get("/en/overenskommelse/asele-2019-2022/").content.decode()
    assert re.search(r'<h1 lang="sv">[^<]*Åsele', agreement)
    asele = Agreement.objects.get(slug="asele-2019-2022")
    assert f'<dd lang="sv">{asele.followed_up_by}</dd>' in agreement
    linked = asele.pledges.filter(status="published").first()
    assert f'{linked.get_absolute_url()}" lang="sv">{linked.title}</a>' in agreement

    review = client.get(f"/en/uppfoljning/{published_review.pk}/").content.decode()
    assert '<p lang="sv">Ett år med många insatser i centrum.</p>' in review
    assert '<h3 class="review-item__text" lang="sv">Gemensam tillsyn' in review
    assert '<p lang="sv">Två tillfällen blev av.</p>' in review

    # On the Swedish page the whole page is Swedish: nothing is marked again.
    swedish = client.get("/medborgarlofte/mala-2024/").content.decode()
    assert 'lang="sv">' not in swedish.replace('<html lang="sv">', "")


def test_an_address_without_prefix_is_swedish_whatever_the_browser_asks(client, seeded):
    response = client.get(
        "/kommun/mala/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9", HTTP_COOKIE="django_language=en"
    )
    assert response.status_code == 200  # not a redirect to /en/
    assert html_lang(response.content.decode()) == "sv"
    assert response["Content-Language"] == "sv"
    # The page does not depend on the browser's language: nothing to vary on.
    assert "Accept-Language" not in response.get("Vary", "")
    home = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert home.status_code == 200
    assert html_lang(home.content.decode()) == "sv"


def test_english_addresses_are_the_swedish_ones_under_en(client, seeded):
    assert client.get("/en/kommun/finns-inte/").status_code == 404
    missing = client.get("/en/finns-inte/")
    assert missing.status_code == 404
    html = missing.content.decode()
    assert html_lang(html) == "en"
    assert "Page not found" in html
    assert '<a href="/finns-inte/" lang="sv" hreflang="sv">Svenska</a>' in html
    # Other prefixes are no language of the portal.
    assert client.get("/sv/kommun/mala/").status_code == 404
    assert client.get("/de/kommun/mala/").status_code == 404


def test_what_is_the_same_in_every_language_stays_outside_the_prefix(client, seeded):
    assert client.get("/robots.txt").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/en/robots.txt").status_code == 404
    assert client.get("/en/healthz").status_code == 404
    assert client.get("/en/admin/").status_code == 404
    assert client.get("/admin/").status_code == 302  # to the admin's login


def test_the_login_form_works_in_english(client, django_user_model, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    django_user_model.objects.create_user("samordnare-en", password="ett-bra-losenord-123")
    page = client.get("/en/logga-in/?next=/en/samordnare/konto/")
    assert page.status_code == 200
    assert html_lang(page.content.decode()) == "en"
    response = client.post(
        "/en/logga-in/?next=/en/samordnare/konto/",
        {"username": "samordnare-en", "password": "ett-bra-losenord-123"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/samordnare/konto/"
    profile = client.get(response["Location"])
    assert profile.status_code == 200
    assert html_lang(profile.content.decode()) == "en"
    assert "Log out" in profile.content.decode()


def test_pdf_addresses_on_english_pages_lead_to_the_swedish_files(client, seeded):
    from portal.models import IssuedDocument

    issued = IssuedDocument(sha256="b" * 64)
    with translation.override("en"):
        assert issued.get_absolute_url() == "/dokument/" + "b" * 64 + ".pdf"


def test_the_technical_error_page_speaks_the_language_of_the_address(rf):
    from portal.views import server_error

    with translation.override("en"):
        english = server_error(rf.get("/en/kommun/mala/")).content.decode()
    assert html_lang(english) == "en"
    assert "Something went wrong on our side" in english
    assert '<a href="/en/">To the home page</a>' in english
    swedish = server_error(rf.get("/kommun/mala/")).content.decode()
    assert html_lang(swedish) == "sv"
    assert "Något gick fel hos oss" in swedish
    assert '<a href="/">Till startsidan</a>' in swedish


def test_only_the_exact_prefix_is_english():
    from portal.languages import language_of_path, path_in_language, unprefixed

    assert language_of_path("/en/kommun/mala/") == "en"
    assert language_of_path("/en") == "en"
    assert language_of_path("/en-gb/kommun/mala/") == "sv"
    assert language_of_path("/english/") == "sv"
    assert language_of_path("/kommun/en/") == "sv"
    assert unprefixed("/en/kommun/mala/") == "/kommun/mala/"
    assert unprefixed("/en") == "/"
    assert unprefixed("/en-gb/x/") == "/en-gb/x/"
    assert path_in_language("/", "en") == "/en/"
    assert path_in_language("/en/sok/", "en") == "/en/sok/"
    assert path_in_language("/en/sok/", "sv") == "/sok/"
