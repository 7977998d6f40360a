"""The start page shows editors a way to start a pledge and the drafts of their parties."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements.models import Membership
from pledges.drafting.selectors import drafts_for_editor
from portal.choices import PublicationStatus
from tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db


def test_editor_sees_new_pledge_and_the_drafts_of_their_parties(editor_client, world, draft):
    PledgeFactory(
        title="Söderbys utkast",
        status=PublicationStatus.DRAFT,
        police_area=world.other_police_area,
        municipalities=[world.other_municipality],
    )
    PledgeFactory(
        title="Norrbys publicerade",
        police_area=world.police_area,
        municipalities=[world.municipality],
    )
    html = editor_client.get("/samordnare/").content.decode()
    assert "ingen roll som samordnare" not in html
    section = html[html.index('id="utkast-rubrik"') :]
    section = section[: section.index("</section>")]
    assert f'href="{reverse("pledges:draft_new")}"' in section
    assert "Nytt medborgarlöfte" in section
    assert f'href="{reverse("pledges:draft", kwargs={"pk": draft.pk})}"' in section
    assert "Söderbys utkast" not in section and "Norrbys publicerade" not in section


def test_coordinator_sees_no_drafts_and_no_new_pledge(client, member, world, draft):
    client.force_login(member(Membership.Role.COORDINATOR, world.municipality))
    html = client.get("/samordnare/").content.decode()
    assert "Nytt medborgarlöfte" not in html
    assert draft.title not in html


def test_drafts_for_editor_is_one_query_however_many_drafts(editor, world, draft):
    drafts_for_editor(editor)  # the roles are read once and cached on the user
    for _i in range(20):
        PledgeFactory(
            status=PublicationStatus.SUBMITTED,
            police_area=world.police_area,
            municipalities=[world.municipality],
        )
    with CaptureQueriesContext(connection) as context:
        drafts = drafts_for_editor(editor)
        assert [d.police_area.name for d in drafts][-1] == "Fjällen"
    assert len(drafts) == 21
    assert len(context.captured_queries) == 1
