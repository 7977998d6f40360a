"""The admin shows a published pledge or agreement read-only: the model refuses any change
to it, so the admin offers none and says that a change is a new revision in the portal."""

import pytest
from django.contrib.auth.models import User

from agreements.models import Agreement
from pledges.models import Commitment, Pledge
from portal.choices import PublicationStatus
from tests.factories import (
    AgreementFactory,
    AgreementGoalFactory,
    CommitmentFactory,
    FocusAreaFactory,
    MunicipalityFactory,
    PledgeFactory,
)

pytestmark = pytest.mark.django_db

REVISION_MESSAGE = "En ändring görs genom att skriva en ny revision i portalen"


@pytest.fixture
def editor(client):
    client.force_login(User.objects.create_superuser("redaktor"))
    return client


@pytest.fixture
def published(db):
    municipality = MunicipalityFactory()
    pledge = PledgeFactory(title="Medborgarlöfte 2026", municipalities=[municipality])
    FocusAreaFactory(pledge=pledge, title="Trafik")
    CommitmentFactory(pledge=pledge, text="Polisen ska kontrollera hastigheten.")
    return pledge


def change_url(document) -> str:
    meta = document._meta
    return f"/admin/{meta.app_label}/{meta.model_name}/{document.pk}/change/"


def test_change_page_of_a_published_pledge_is_read_only_and_says_why(editor, published):
    response = editor.get(change_url(published))
    html = response.content.decode()

    assert response.status_code == 200
    assert REVISION_MESSAGE in html
    assert 'name="title"' not in html  # shown as text, not as an input
    assert "Medborgarlöfte 2026" in html
    assert "__prefix__" not in html  # no inline row to add
    assert 'name="_save"' not in html
    assert f"/admin/pledges/pledge/{published.pk}/delete/" not in html


def test_posting_the_change_page_of_a_published_pledge_changes_nothing(editor, published):
    slug = published.slug
    data = {
        "title": "Ändrad rubrik",
        "slug": "andrad",
        "municipalities": [MunicipalityFactory().pk],
        "period_start": "2026-01-01",
        "period_end": "2026-12-31",
    }

    response = editor.post(change_url(published), data)

    assert response.status_code == 403
    published.refresh_from_db()
    assert (published.title, published.slug) == ("Medborgarlöfte 2026", slug)
    assert published.status == PublicationStatus.PUBLISHED


def test_a_published_pledge_cannot_be_deleted_in_the_admin(editor, published):
    url = f"/admin/pledges/pledge/{published.pk}/delete/"
    assert editor.get(url).status_code == 403
    assert editor.post(url, {"post": "yes"}).status_code == 403
    assert Pledge.objects.filter(pk=published.pk).exists()


def test_delete_selected_refuses_a_published_pledge_with_a_message(editor, published):
    draft = PledgeFactory(status=PublicationStatus.DRAFT)
    response = editor.post(
        "/admin/pledges/pledge/",
        {"action": "delete_selected", "_selected_action": [published.pk, draft.pk], "post": "yes"},
        follow=True,
    )

    assert response.status_code == 200
    assert REVISION_MESSAGE in response.content.decode()
    assert Pledge.objects.filter(pk__in=[published.pk, draft.pk]).count() == 2


def test_delete_selected_still_deletes_drafts(editor):
    draft = PledgeFactory(status=PublicationStatus.DRAFT)
    editor.post(
        "/admin/pledges/pledge/",
        {"action": "delete_selected", "_selected_action": [draft.pk], "post": "yes"},
    )
    assert not Pledge.objects.filter(pk=draft.pk).exists()


def test_reverting_a_published_pledge_to_an_earlier_version_is_refused(editor, published):
    version = published.history.earliest()
    url = f"{change_url(published).removesuffix('change/')}history/{version.history_id}/"
    response = editor.post(url, {"title": "Gammal rubrik"})
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.title == "Medborgarlöfte 2026"


def test_a_commitment_of_a_published_pledge_is_read_only_in_its_own_admin(editor, published):
    commitment = published.commitments.get()
    url = change_url(commitment)

    assert REVISION_MESSAGE in editor.get(url).content.decode()
    response = editor.post(url, {"text": "Ändrad text", "pledge": published.pk})
    assert response.status_code == 403
    assert editor.post(f"{url.removesuffix('change/')}delete/", {"post": "yes"}).status_code == 403
    commitment.refresh_from_db()
    assert commitment.text == "Polisen ska kontrollera hastigheten."
    response = editor.post(
        "/admin/pledges/commitment/",
        {"action": "delete_selected", "_selected_action": [commitment.pk], "post": "yes"},
        follow=True,
    )
    assert REVISION_MESSAGE in response.content.decode()
    assert Commitment.objects.filter(pk=commitment.pk).exists()


def test_a_draft_pledge_stays_editable_with_its_inlines(editor):
    draft = PledgeFactory(status=PublicationStatus.DRAFT)
    html = editor.get(change_url(draft)).content.decode()
    assert 'name="title"' in html
    assert 'name="commitments-__prefix__-text"' in html
    assert REVISION_MESSAGE not in html


def test_a_published_agreement_is_read_only_and_cannot_be_deleted(editor):
    agreement = AgreementFactory(title="Överenskommelse 2024–2027")
    AgreementGoalFactory(agreement=agreement)
    url = change_url(agreement)

    html = editor.get(url).content.decode()
    assert REVISION_MESSAGE in html
    assert "__prefix__" not in html
    assert editor.post(url, {"title": "Ändrad"}).status_code == 403
    assert editor.post(f"{url.removesuffix('change/')}delete/", {"post": "yes"}).status_code == 403
    agreement.refresh_from_db()
    assert agreement.title == "Överenskommelse 2024–2027"
    assert Agreement.objects.filter(pk=agreement.pk).exists()
