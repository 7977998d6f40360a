"""An agreement's title longer than its limit is refused with a Swedish message."""

import re

import pytest
from django.contrib.auth.models import User

from agreements.models import Agreement
from tests.admin_pages import management_forms
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

ADD = "/admin/agreements/agreement/add/"


def test_admin_refuses_a_201_character_title_with_a_swedish_message(client):
    client.force_login(User.objects.create_superuser("redaktor"))
    title = "Samverkansöverenskommelse 2025–2028 " + "x" * 165
    assert len(title) == 201
    assert (
        "maxlength"
        not in re.search(r'<input[^>]*name="title"[^>]*>', client.get(ADD).content.decode()).group()
    )

    response = client.post(
        ADD,
        {
            **management_forms(client, ADD),
            "title": title,
            "slug": "testby-2025-2028",
            "police_party_name": "Polismyndigheten",
            "municipalities": [MunicipalityFactory().pk],
            "valid_from": "2025-01-01",
            "valid_until": "2028-12-31",
        },
    )

    assert response.status_code == 200
    assert "Säkerställ att detta värde har som mest 200 tecken (den har 201)." in (
        response.content.decode()
    )
    assert not Agreement.objects.exists()
