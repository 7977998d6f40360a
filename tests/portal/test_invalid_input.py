"""No input gets a 500: a NUL character or bytes that are not UTF-8 in a path, a query
string or a form field get the Swedish 400 page (RejectInvalidTextMiddleware).

PostgreSQL refuses NUL in text, so these requests once reached a query and failed there
(`/sok/?q=%00`, `/dokument/%00.pdf`); SQLite let them through. CI runs this module on
both databases.
"""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory

from pledges.views import search
from tests.factories import AgreementFactory, MunicipalityFactory, PledgeFactory

pytestmark = pytest.mark.django_db

# Percent-encoded: NUL, a byte that is never UTF-8, a UTF-8-encoded lone surrogate and an
# overlong encoding of "/".
BAD = ["%00", "%FF", "%ED%A0%80", "%C0%AF"]
SHA = "a" * 64
REFUSED_TEXT = "tecken som inte är tillåtna"

# Every public page type; {…} are filled from the objects the fixture makes.
PAGES = [
    "/",
    "/sok/",
    "/kommun/{municipality}/",
    "/lokalpolisomrade/{police_area}/",
    "/medborgarlofte/{pledge}/",
    "/medborgarlofte/{pledge}/pdf/",
    "/overenskommelse/{agreement}/",
    "/overenskommelse/{agreement}/pdf/",
    "/uppfoljning/1/",
    "/dokument/{sha}.pdf",
    "/kontrollera/",
    "/logga-in/",
    "/glomt-losenord/",
    "/nytt-losenord/MQ/{sha}/",
    "/inbjudan/{sha}/",
    "/om-medborgarloften/",
    "/tillganglighet/",
]

# Forms anyone may post, with the field that carries the bad text and the others.
FORMS = [
    ("/kontrollera/", "sha256", {}),
    ("/logga-in/", "username", {"password": "ett-langt-testlosenord"}),
    ("/logga-in/", "password", {"username": "samordnare-granby"}),
    ("/glomt-losenord/", "email", {}),
]


@pytest.fixture
def names(db) -> dict[str, str]:
    pledge = PledgeFactory(slug="granby-2024")
    municipality = MunicipalityFactory(slug="granby")
    agreement = AgreementFactory(slug="granby-overenskommelse")
    return {
        "municipality": municipality.slug,
        "police_area": municipality.police_area.slug,
        "pledge": pledge.slug,
        "agreement": agreement.slug,
        "sha": SHA,
    }


def assert_refused(response) -> None:
    assert response.status_code == 400
    assert REFUSED_TEXT in response.content.decode()


def spoiled_paths(path: str, bad: str) -> list[str]:
    """The path with bad text in each of its segments, and appended to the last."""
    segments = path.strip("/").split("/")
    spoiled = [path.rstrip("/") + bad + "/"] if path != "/" else [f"/{bad}/"]
    for index, segment in enumerate(segments):
        if segment:
            changed = [*segments[:index], segment + bad, *segments[index + 1 :]]
            spoiled.append("/" + "/".join(changed) + "/")
    return spoiled


@pytest.mark.parametrize("page", PAGES)
def test_bad_text_in_a_path_segment_is_refused(client, names, page):
    for bad in BAD:
        for path in spoiled_paths(page.format(**names), bad):
            response = client.get(path)
            assert response.status_code < 500, path
            if bad == "%00":
                assert_refused(response)
        # Django keeps bytes in a path that are not UTF-8 percent-encoded (the text "%FF"),
        # harmless text that no page matches: those get the 404 page.


@pytest.mark.parametrize("page", PAGES)
def test_bad_text_in_the_query_string_is_refused(client, names, page):
    path = page.format(**names)
    for bad in BAD:
        for query in [f"q={bad}", f"{bad}=1", f"visa={bad}&ar={bad}&kommun={bad}&next={bad}"]:
            assert_refused(client.get(f"{path}?{query}"))


@pytest.mark.parametrize("bad", BAD)
@pytest.mark.parametrize(("path", "field", "others"), FORMS)
def test_bad_text_in_a_urlencoded_form_field_is_refused(client, names, path, field, others, bad):
    body = "&".join([f"{field}={bad}", *(f"{name}={value}" for name, value in others.items())])
    response = client.post(path, body, content_type="application/x-www-form-urlencoded")
    assert_refused(response)


@pytest.mark.parametrize("bad", [b"\x00", b"\xff", b"\xed\xa0\x80"])
@pytest.mark.parametrize(("path", "field", "others"), FORMS)
def test_bad_text_in_a_multipart_form_field_is_refused(client, names, path, field, others, bad):
    boundary = "grans"
    parts = [(field.encode(), b"x" + bad), *((k.encode(), v.encode()) for k, v in others.items())]
    body = b"".join(
        b'--grans\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % part
        for part in parts
    )
    response = client.post(
        path, body + b"--grans--\r\n", content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code < 500
    if bad == b"\x00":
        assert_refused(response)
    # Django's multipart parser turns bytes that are not UTF-8 into U+FFFD, which is
    # harmless text: that form just answers as for any wrong value.


def test_an_uploaded_file_named_with_nul_is_refused(client, names):
    body = (
        b'--grans\r\nContent-Disposition: form-data; name="file"; filename="a\x00.pdf"\r\n'
        b"Content-Type: application/pdf\r\n\r\n%PDF-1.7\r\n--grans--\r\n"
    )
    response = client.post(
        "/kontrollera/", body, content_type="multipart/form-data; boundary=grans"
    )
    assert response.status_code < 500


def test_the_refusal_is_a_swedish_page(client, names):
    response = client.get("/sok/?q=%00")
    assert_refused(response)
    page = response.content.decode()
    assert "<h1>Felaktig begäran</h1>" in page
    assert 'lang="sv"' in page


@pytest.mark.parametrize(
    "path",
    ["/sok/?q=Granby", "/sok/?q=%C3%85sele+%C3%B6", "/sok/?q=a%2Bb%26c", "/kommun/granby/"],
)
def test_ordinary_text_is_not_refused(client, names, path):
    # Swedish letters, an encoded + and & are fine: only NUL and broken UTF-8 are refused.
    assert client.get(path).status_code in (200, 302)


def test_a_form_with_swedish_letters_is_not_refused(client, names):
    response = client.post("/kontrollera/", {"sha256": "åäö"})
    assert response.status_code == 200
    assert REFUSED_TEXT not in response.content.decode()


def test_a_broken_cookie_is_dropped_not_refused(names):
    visitor = Client()
    visitor.cookies["sessionid"] = "abcdefgh\x00ijkl"
    assert visitor.get("/sok/?q=Granby").status_code in (200, 302)
    assert visitor.get("/samordnare/").status_code == 302


def test_search_view_drops_nul_even_without_the_middleware(names):
    # The safety net in the view itself: a request that skipped the middleware.
    request = RequestFactory().get("/sok/", {"q": "Gran\x00by"})
    assert search(request).status_code in (200, 302)
