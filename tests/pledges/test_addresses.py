"""A pledge's address: made from its title with year ranges kept readable, and an old
address that keeps working with a permanent redirect when the slug changes."""

import importlib
import json
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test.utils import CaptureQueriesContext

from agreements.services import former_slug_record
from pledges.models import Pledge, PledgeFormerSlug
from portal.choices import PublicationStatus
from portal.text import swedish_slug
from tests.admin_pages import management_forms
from tests.factories import MunicipalityFactory, PledgeFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "documents"
ADD = "/admin/pledges/pledge/add/"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Medborgarlöfte 2023–2024", "medborgarlofte-2023-2024"),  # en dash
        ("Medborgarlöfte 2023—2024", "medborgarlofte-2023-2024"),  # em dash
        ("Medborgarlöfte 2023 – 2024, Åsele", "medborgarlofte-2023-2024-asele"),
        (
            "Medborgarlöften 2023–2025, Nordmalings kommun",
            "medborgarloften-2023-2025-nordmalings-kommun",
        ),
        ("Upplands-Bro 2024", "upplands-bro-2024"),
    ],
)
def test_slug_made_from_a_title_keeps_the_year_range_readable(title, slug):
    assert swedish_slug(title) == slug


def test_seed_slugs_already_keep_their_year_ranges():
    slugs = [
        row["slug"]
        for path in FIXTURES.glob("*.json")
        for key in ("pledges", "agreements")
        for row in json.loads(path.read_text(encoding="utf-8")).get(key, [])
    ]
    assert "sodra-fyrbodal-2023-2024" in slugs and "nordmaling-2023-2025" in slugs
    assert not [slug for slug in slugs if re.search(r"\d{8}", slug)]


# The admin ------------------------------------------------------------------


@pytest.fixture
def superuser(client):
    user = User.objects.create_superuser("redaktor")
    client.force_login(user)
    return user


def pledge_form(client, url: str, **values) -> dict:
    municipality = MunicipalityFactory()
    return {
        **management_forms(client, url),
        "municipalities": [municipality.pk],
        "period_start": "2023-01-01",
        "period_end": "2024-12-31",
        **values,
    }


def test_admin_makes_an_empty_slug_from_the_title_with_a_hyphen_for_the_en_dash(client, superuser):
    data = pledge_form(client, ADD, title="Medborgarlöfte 2023–2024, Testby kommun", slug="")
    response = client.post(ADD, data)
    assert response.status_code == 302, response.content.decode()
    assert Pledge.objects.get().slug == "medborgarlofte-2023-2024-testby-kommun"


def test_admin_no_longer_prepopulates_the_slug_with_its_javascript(client, superuser):
    # The admin's URLify drops the en dash ("20232024"); the slug is made on the server.
    html = client.get(ADD).content.decode()
    assert "&quot;#id_slug&quot;" not in html  # not in data-prepopulated-fields
    assert "Lämna tomt så skapas den av rubriken." in html


def test_admin_keeps_a_slug_the_editor_typed(client, superuser):
    data = pledge_form(client, ADD, title="Medborgarlöfte 2023–2024", slug="testby-2023-2024")
    assert client.post(ADD, data).status_code == 302
    assert Pledge.objects.get().slug == "testby-2023-2024"


def test_admin_says_so_when_the_title_gives_too_long_an_address(client, superuser):
    title = "Medborgarlöfte " + " ".join(["trygghet"] * 15)  # 149 characters, a 149-long slug
    response = client.post(ADD, pledge_form(client, ADD, title=title, slug=""))
    assert response.status_code == 200
    assert (
        "Adressen som rubriken ger blir 149 tecken lång, men får vara högst 120. "
        "Skriv ett kortare kortnamn." in response.content.decode()
    )
    assert not Pledge.objects.exists()


def test_changing_the_slug_in_the_admin_keeps_the_old_address(client, superuser):
    # Only a draft is changed in the admin: a published pledge changes by a new revision.
    pledge = PledgeFactory(
        title="Medborgarlöfte 2023–2024", slug="testby-20232024", status=PublicationStatus.DRAFT
    )
    url = f"/admin/pledges/pledge/{pledge.pk}/change/"
    data = pledge_form(client, url, title=pledge.title, slug="testby-2023-2024")
    assert client.post(url, data).status_code == 302

    pledge.refresh_from_db()
    assert pledge.slug == "testby-2023-2024"
    assert list(pledge.former_slugs.values_list("slug", flat=True)) == ["testby-20232024"]
    pledge.status = PublicationStatus.PUBLISHED
    pledge.save()
    response = client.get("/medborgarlofte/testby-20232024/")
    assert (response.status_code, response["Location"]) == (
        301,
        "/medborgarlofte/testby-2023-2024/",
    )


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


def test_old_address_of_a_draft_is_not_found(client):
    draft = PledgeFactory(slug="testby-2023-2024", status=PublicationStatus.DRAFT)
    former_slug_record(document=draft, former_slug="testby-20232024")
    assert client.get("/medborgarlofte/testby-20232024/").status_code == 404


def test_current_address_looks_up_no_former_address(client, moved):
    with CaptureQueriesContext(connection) as context:
        assert client.get(moved.get_absolute_url()).status_code == 200
    assert not [q for q in context.captured_queries if "formerslug" in q["sql"]]


def test_a_slug_changed_back_is_no_former_address(client):
    # Built on a draft, published once its address is settled.
    pledge = PledgeFactory(slug="testby-2023-2024", status=PublicationStatus.DRAFT)
    former_slug_record(document=pledge, former_slug="testby-20232024")
    pledge.slug = "testby-20232024"
    pledge.save()
    former_slug_record(document=pledge, former_slug="testby-2023-2024")
    pledge.status = PublicationStatus.PUBLISHED
    pledge.save()

    assert list(pledge.former_slugs.values_list("slug", flat=True)) == ["testby-2023-2024"]
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


def historical_apps(node: tuple[str, str]):
    return MigrationLoader(connection).project_state(node).apps


def test_migration_hyphenates_glued_year_ranges_and_keeps_the_old_address(client):
    glued = PledgeFactory(title="Medborgarlöfte 2023–2024, Testby", slug="medborgarlofte-20232024")
    chosen = PledgeFactory(title="Medborgarlöfte 2024, Kod 20232024", slug="kod-20232024")
    name = "0003_readable_year_ranges_in_slugs"
    migration = importlib.import_module(f"pledges.migrations.{name}")

    # Run as the migration ran, on the historical models: those have a plain manager
    # and no save() that refuses published documents (they came before the freeze).
    migration.hyphenate_year_ranges(historical_apps(("pledges", name)), None)

    glued.refresh_from_db()
    chosen.refresh_from_db()
    assert glued.slug == "medborgarlofte-2023-2024"
    assert chosen.slug == "kod-20232024"  # the title has no year range "2023–2024"
    assert PledgeFormerSlug.objects.get().slug == "medborgarlofte-20232024"
    assert client.get("/medborgarlofte/medborgarlofte-20232024/pdf/")["Location"] == (
        "/medborgarlofte/medborgarlofte-2023-2024/pdf/"
    )
