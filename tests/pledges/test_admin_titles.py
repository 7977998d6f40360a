"""A title longer than its limit is refused with a Swedish message, never cut silently."""

import re

import pytest
from django.contrib.auth.models import User

from pledges.models import Pledge
from portal.choices import PublicationStatus
from tests.admin_pages import management_forms
from tests.factories import MunicipalityFactory, PledgeFactory

pytestmark = pytest.mark.django_db

ADD = "/admin/pledges/pledge/add/"
TOO_LONG = "Medborgarlöfte 2025–2026 " + "x" * 176  # 201 characters


@pytest.fixture
def editor(client):
    client.force_login(User.objects.create_superuser("redaktor"))
    return client


def pledge_form(client, url: str, **values) -> dict:
    return {
        **management_forms(client, url),
        "slug": "testby-2025-2026",
        "municipalities": [MunicipalityFactory().pk],
        "period_start": "2025-01-01",
        "period_end": "2026-12-31",
        **values,
    }


def test_admin_refuses_a_201_character_title_with_a_swedish_message(editor):
    assert len(TOO_LONG) == 201
    response = editor.post(ADD, pledge_form(editor, ADD, title=TOO_LONG))

    assert response.status_code == 200
    assert "Säkerställ att detta värde har som mest 200 tecken (den har 201)." in (
        response.content.decode()
    )
    assert not Pledge.objects.exists()


def test_admin_keeps_the_whole_title_in_the_form_for_the_editor_to_shorten(editor):
    html = editor.post(ADD, pledge_form(editor, ADD, title=TOO_LONG)).content.decode()
    assert f'value="{TOO_LONG}"' in html


def test_admin_title_field_does_not_let_the_browser_cut_the_text(editor):
    # A maxlength attribute makes the browser drop what is pasted beyond it, without a word.
    title_input = re.search(r'<input[^>]*name="title"[^>]*>', editor.get(ADD).content.decode())
    assert title_input and "maxlength" not in title_input.group()


def test_admin_inlines_do_not_let_the_browser_cut_a_focus_area_title(editor):
    pledge = PledgeFactory(status=PublicationStatus.DRAFT)
    html = editor.get(f"/admin/pledges/pledge/{pledge.pk}/change/").content.decode()
    assert 'name="focus_areas-__prefix__-title"' in html
    assert not re.search(r'<input[^>]*name="focus_areas-__prefix__-title"[^>]*maxlength', html)


def test_admin_takes_a_title_of_exactly_200_characters(editor):
    title = TOO_LONG[:200]
    assert editor.post(ADD, pledge_form(editor, ADD, title=title)).status_code == 302
    assert Pledge.objects.get().title == title
