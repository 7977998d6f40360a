"""Staff find an address in the admin and delete it when its owner asks; nobody adds or
edits one there."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from following.models import Follower
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def test_staff_find_an_address_and_delete_it(client):
    staff = get_user_model().objects.create_superuser("personal", "p@example.se", "x")
    municipality = MunicipalityFactory(name="Granby")
    follower = Follower.objects.create(email="ta.bort@example.se", municipality=municipality)
    Follower.objects.create(email="annan@example.se", municipality=municipality)
    client.force_login(staff)

    found = client.get("/admin/following/follower/", {"q": "ta.bort"})
    text = found.content.decode()
    assert "ta.bort@example.se" in text
    assert "annan@example.se" not in text
    assert client.get("/admin/following/follower/add/").status_code == 403

    delete_url = f"/admin/following/follower/{follower.pk}/delete/"
    assert client.get(delete_url).status_code == 200
    client.post(delete_url, {"post": "yes"})
    assert list(Follower.objects.values_list("email", flat=True)) == ["annan@example.se"]
