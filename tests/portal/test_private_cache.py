"""Pages made for one person are never kept by a shared cache or stored by the browser:
Cache-Control: private, no-store (PrivateCacheMiddleware). Anonymous public pages are left
as their views made them."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.cache import patch_cache_control

from portal.middleware import PrivateCacheMiddleware
from tests.factories import MunicipalityFactory, PledgeFactory
from tests.followup.factories import UserFactory

pytestmark = pytest.mark.django_db


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.fixture
def user(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return UserFactory(username="samordnare-granby")


def test_a_logged_in_page_is_private_and_not_stored(client, user):
    client.force_login(user)
    response = client.get("/samordnare/")
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)


def test_a_public_page_fetched_logged_in_is_private_too(client, user):
    # The header shows the person's name and a log-out button.
    MunicipalityFactory(slug="granby")
    client.force_login(user)
    assert {"private", "no-store"} <= directives(client.get("/kommun/granby/"))


def test_a_public_page_fetched_anonymously_is_left_alone(client):
    PledgeFactory(slug="granby-2024")
    for path in ["/", "/medborgarlofte/granby-2024/", "/om-medborgarloften/"]:
        response = client.get(path)
        assert response.status_code == 200
        assert not directives(response) & {"private", "no-store"}, path


def test_the_login_response_that_sets_the_session_cookie_is_private(client, user):
    response = client.post(
        "/logga-in/", {"username": user.username, "password": "ett-langt-testlosenord"}
    )
    assert response.status_code == 302
    assert {"private", "no-store"} <= directives(response)


def test_a_private_choice_of_the_view_is_kept(user):
    def view(request):
        response = HttpResponse("egen")
        patch_cache_control(response, private=True, max_age=60)
        return response

    request = RequestFactory().get("/")
    request.user = user
    response = PrivateCacheMiddleware(view)(request)
    assert directives(response) == {"private", "max-age=60"}


def test_a_public_choice_of_the_view_gives_way_for_a_logged_in_user(user):
    def view(request):
        response = HttpResponse("dokument")
        patch_cache_control(response, public=True, max_age=3600)
        return response

    request = RequestFactory().get("/")
    request.user = user
    response = PrivateCacheMiddleware(view)(request)
    assert "public" not in directives(response)
    assert {"private", "no-store"} <= directives(response)
