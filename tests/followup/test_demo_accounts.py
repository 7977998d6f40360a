"""Demo accounts exist only in demo mode."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from agreements.models import Membership

pytestmark = pytest.mark.django_db


def test_demo_accounts_are_refused_without_demo_mode(seeded, settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="demo mode"):
        call_command("create_demo_accounts", stdout=StringIO())
    assert not get_user_model().objects.exists()


def test_demo_mode_creates_one_account_per_role_and_prints_credentials(seeded, settings):
    settings.DEMO_MODE = True
    out = StringIO()
    call_command("create_demo_accounts", stdout=out)
    text = out.getvalue()
    for username in [
        "samordnare-mala",
        "undertecknare-mala",
        "redaktor-mala",
        "administrator-mala",
        "administrator-polisen-skelleftea",
    ]:
        assert username in text
    coordinator = get_user_model().objects.get(username="samordnare-mala")
    membership = coordinator.memberships.get()
    assert (membership.role, membership.municipality.slug) == (
        Membership.Role.COORDINATOR,
        "mala",
    )
    assert Membership.objects.filter(
        user__username="samordnare-polisen-skelleftea", police_area__slug="skelleftea"
    ).exists()
    # The printed password works, and a second run changes nothing but the passwords.
    password = next(line.split()[1] for line in text.splitlines() if "samordnare-mala " in line)
    coordinator.refresh_from_db()
    assert coordinator.check_password(password)
    count = Membership.objects.count()
    call_command("create_demo_accounts", stdout=StringIO())
    assert Membership.objects.count() == count


def test_demo_coordinator_can_log_on_mala_pledge(seeded, settings, client):
    settings.DEMO_MODE = True
    call_command("create_demo_accounts", stdout=StringIO())
    client.force_login(get_user_model().objects.get(username="samordnare-mala"))
    # Malå's 2024 pledge ended more than a year ago: with nothing logged in the portal it
    # was followed up elsewhere, and the coordinator is not asked to log for it.
    assert "Logga aktivitet" not in client.get("/samordnare/").content.decode()
    # The demo logs example activities on it (as `make run` does): it is followed up here.
    call_command("create_demo_activities", stdout=StringIO())
    page = client.get("/samordnare/").content.decode()
    assert "Medborgarlöfte" in page and "Logga aktivitet" in page


def test_demo_example_activities_are_marked_on_the_pledge_page(seeded, settings, client):
    settings.DEMO_MODE = True
    call_command("create_demo_accounts", stdout=StringIO())
    call_command("create_demo_activities", stdout=StringIO())
    call_command("create_demo_activities", stdout=StringIO())  # idempotent
    from followup.models import Activity

    assert Activity.objects.filter(is_example=True).count() == 5
    assert not Activity.objects.filter(is_example=False).exists()
    page = client.get("/medborgarlofte/mala-2024/").content.decode()
    assert "4 av 6 tillfällen 2024" in page
    assert page.count('<span class="tag tag--example">Exempeldata</span>') >= 5
    assert "påhittade för att visa hur portalen fungerar" in page


def test_example_activities_are_refused_without_demo_mode(seeded, settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="demo mode"):
        call_command("create_demo_activities", stdout=StringIO())


def test_demo_administrator_reaches_the_people_page(seeded, settings, client):
    settings.DEMO_MODE = True
    call_command("create_demo_accounts", stdout=StringIO())
    administrator = get_user_model().objects.get(username="administrator-mala")
    assert administrator.memberships.get().role == Membership.Role.ADMINISTRATOR
    client.force_login(administrator)
    assert "/organisation/kommun/mala/personer/" in client.get("/samordnare/").content.decode()
    page = client.get("/organisation/kommun/mala/personer/").content.decode()
    assert "Samordnare Malå" in page and "Administratör Malå" in page


def test_demo_accounts_have_an_example_address_so_the_demo_prints_their_mail(settings, seeded):
    settings.DEMO_MODE = True
    call_command("create_demo_accounts", stdout=StringIO())
    user = get_user_model().objects.get(username="undertecknare-mala")
    assert user.email == "undertecknare-mala@example.org"
