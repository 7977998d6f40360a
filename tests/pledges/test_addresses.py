"""A pledge's old address keeps working with a permanent redirect when its slug changes."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission, User
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.services import former_slug_record
from pledges.models import Pledge, PledgeFormerSlug
from portal.choices import PublicationStatus
from tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db


# The redirect ----------------------------------------------------------------


@pytest.fixture
def moved(db):
    """A published pledge whose slug changed from "testby-20232024"."""
    pledge = PledgeFactory(title="Medborgarlöfte 2023–2024", slug="testby-2023-2024")
    former_slug_record(document=pledge, former_slug="testby-20232024")
    return pledge


def test_old_address_redirects_permanently_to_the_page(client, moved):
    response = client.get("/medborgarlofte/testby-20232024/")
    assert response.status_code == 301
    assert response["Location"] == "/medborgarlofte/testby-2023-2024/"


def test_old_pdf_address_redirects_permanently_to_the_pdf(client, moved):
    response = client.get("/medborgarlofte/testby-20232024/pdf/")
    assert response.status_code == 301
    assert response["Location"] == "/medborgarlofte/testby-2023-2024/pdf/"


def test_redirect_keeps_the_query(client, moved):
    response = client.get("/medborgarlofte/testby-20232024/?kommun=testby")
    assert response["Location"] == "/medborgarlofte/testby-2023-2024/?kommun=testby"


def test_unknown_address_is_not_found(client, moved):
    assert client.get("/medborgarlofte/finns-inte/").status_code == 404
    assert client.get("/medborgarlofte/finns-inte/pdf/").status_code == 404


def test_old_address_of_a_draft_is_not_found(client, moved):
    Pledge.objects.filter(pk=moved.pk).update(status=PublicationStatus.DRAFT)
    assert client.get("/medborgarlofte/testby-20232024/").status_code == 404


def test_current_address_looks_up_no_former_address(client, moved):
    with CaptureQueriesContext(connection) as context:
        assert client.get(moved.get_absolute_url()).status_code == 200
    assert not [q for q in context.captured_queries if "formerslug" in q["sql"]]


def test_a_slug_changed_back_is_no_former_address(client, moved):
    moved.slug = "testby-20232024"
    moved.save()
    former_slug_record(document=moved, former_slug="testby-2023-2024")
    assert list(moved.former_slugs.values_list("slug", flat=True)) == ["testby-2023-2024"]
    assert client.get("/medborgarlofte/testby-20232024/").status_code == 200
    assert client.get("/medborgarlofte/testby-2023-2024/")["Location"] == (
        "/medborgarlofte/testby-20232024/"
    )


def test_recording_a_former_address_needs_the_change_permission(moved):
    viewer = User.objects.create_user("lasare", is_staff=True)
    viewer.user_permissions.set(Permission.objects.filter(codename="view_pledge"))
    with pytest.raises(PermissionDenied):
        former_slug_record(document=moved, former_slug="annat", recorded_by=viewer)


# The migration that gives existing slugs their hyphen back ---------------------


def test_migration_hyphenates_glued_year_ranges_and_keeps_the_old_address(client):
    glued = PledgeFactory(title="Medborgarlöfte 2023–2024, Testby", slug="medborgarlofte-20232024")
    chosen = PledgeFactory(title="Medborgarlöfte 2024, Kod 20232024", slug="kod-20232024")
    migration = importlib.import_module("pledges.migrations.0003_readable_year_ranges_in_slugs")

    migration.hyphenate_year_ranges(apps, None)

    glued.refresh_from_db()
    chosen.refresh_from_db()
    assert glued.slug == "medborgarlofte-2023-2024"
    assert chosen.slug == "kod-20232024"  # the title has no year range "2023–2024"
    assert PledgeFormerSlug.objects.get().slug == "medborgarlofte-20232024"
    assert client.get("/medborgarlofte/medborgarlofte-20232024/pdf/")["Location"] == (
        "/medborgarlofte/medborgarlofte-2023-2024/pdf/"
    )
