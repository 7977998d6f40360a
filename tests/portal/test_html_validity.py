"""Every public and coordinator page type is valid HTML by the Nu Html Checker (vnu).

The pages are rendered with the test client on the seed documents, with activities logged
and annual follow-ups taken through the services into each state the pages show. Each is
written to a file and one run of vnu.jar checks them all, since the JVM takes seconds to
start. Any error fails the test, naming the page, the line and vnu's message; warnings do
not fail it.

vnu.jar comes from the npm package vnu-jar: `make install` puts it in .venv/vnu and
`make test` passes its path in VNU_JAR. Outside CI a missing Java or jar skips the test
with the reason; in CI (CI=true) it fails.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from agreements.models import Membership
from followup.activities import services as activities
from followup.models import Activity, Review, ReviewState
from followup.reviews import services as reviews
from pledges.models import Commitment, Pledge
from portal.models import IssuedDocument
from tests.followup.review_fixtures import (
    member,
    people_for,
    publish_through_sign_off,
    sign,
    start_fill_submit,
)

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_VNU_JAR = ROOT / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
VNU_TIMEOUT_SECONDS = 300

# A page vnu must find an error in: proves that it really read and checked the files.
KNOWN_INVALID_PAGE = (
    '<!DOCTYPE html><html lang="sv"><head><title>Kontroll</title></head>'
    '<body><main><time datetime="inte ett datum">i går</time></main></body></html>'
)


@dataclass(frozen=True)
class PageVisit:
    """One request of the test client: its page is written to a file for vnu."""

    name: str  # what a failure calls the page
    path: str
    user: User | None = None  # None: a resident, never logged in
    data: dict | None = None  # POSTed when given, else a GET
    status: int = 200
    shows: tuple[str, ...] = ()  # in the HTML: this is the state meant

    def describe(self) -> str:
        method = "POST" if self.data is not None else "GET"
        who = f" as {self.user.get_username()}" if self.user else ""
        return f"{self.name} ({method} {self.path}{who}, {self.status})"


def _in_ci() -> bool:
    return os.environ.get("CI") == "true"


@pytest.fixture
def vnu_command() -> list[str]:
    """`java -jar vnu.jar`, or a skip (a failure in CI) naming what is missing."""
    jar = Path(os.environ.get("VNU_JAR") or DEFAULT_VNU_JAR)
    java = shutil.which("java")
    missing = []
    if java is None:
        missing.append("Java (Debian package default-jre-headless)")
    if not jar.is_file():
        missing.append(f"vnu.jar at {jar} (`make install` installs the npm package vnu-jar)")
    if missing:
        message = "The HTML validity test needs " + " and ".join(missing) + "."
        if _in_ci():
            pytest.fail(message + " CI=true, so this is a failure, not a skip.", pytrace=False)
        pytest.skip(message)
    return [java, "-jar", str(jar)]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing every test user's password with the production hasher only costs time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _unassessed_submission(review: Review) -> dict:
    """The draft form sent for signing with no commitment assessed: refused."""
    data = {
        "content_version": review.content_version,
        "summary": "Ett år med fler insatser än planerat.",
        "lessons": "",
        "next_steps": "",
        "action": "submit",
    }
    for item in review.items.all():
        data[f"item_{item.pk}_assessment"] = ""
        data[f"item_{item.pk}_comment"] = ""
    return data


def _people_pages(municipality, colleague) -> list[PageVisit]:
    """An organisation's people pages, and accepting an invitation, in each state."""
    from django.utils import timezone

    from agreements.models import Invitation
    from agreements.models.invitations import INVITATION_VALID_FOR, new_token

    administrator = get_user_model().objects.create_user(
        "administrator-html", first_name="Ada", last_name="Admin"
    )
    Membership.objects.create(
        user=administrator, municipality=municipality, role=Membership.Role.ADMINISTRATOR
    )
    token, digest = new_token()
    Invitation.objects.create(
        municipality=municipality,
        email="ny@mala.se",
        roles=[Membership.Role.EDITOR],
        token_hash=digest,
        expires_at=timezone.now() + INVITATION_VALID_FOR,
    )
    used, used_digest = new_token()
    Invitation.objects.create(
        municipality=municipality,
        email="gammal@mala.se",
        roles=[Membership.Role.EDITOR],
        token_hash=used_digest,
        expires_at=timezone.now() + INVITATION_VALID_FOR,
        accepted_at=timezone.now(),
    )
    base = f"/organisation/kommun/{municipality.slug}/personer/"
    return [
        PageVisit("people page", base, user=administrator, shows=("ny@mala.se",)),
        PageVisit("invite form", base + "bjud-in/", user=administrator),
        PageVisit(
            "invite form, refused",
            base + "bjud-in/",
            user=administrator,
            data={"email": "inte en adress"},
            status=400,
            shows=("Välj minst en roll.",),
        ),
        PageVisit("a person's roles", f"{base}{colleague.pk}/", user=administrator),
        PageVisit("accept an invitation", f"/inbjudan/{token}/"),
        PageVisit(
            "accept an invitation, refused",
            f"/inbjudan/{token}/",
            data={"first_name": "", "password1": "abc", "password2": "abd"},
            status=400,
            shows=("Ditt konto är inte skapat",),
        ),
        PageVisit("a used invitation", f"/inbjudan/{used}/", status=410, shows=("redan använd",)),
    ]


def _naming_pages() -> list[PageVisit]:
    """The police area naming pages of both sides, with a proposal waiting and one
    accepted (Nordmaling's pledge page then says where its police area came from)."""
    from agreements.models import Municipality, PoliceArea
    from agreements.naming.services import naming_accept, naming_propose

    umea = PoliceArea.objects.create(slug="umea", name="Umeå", region="nord")
    nordmaling = Municipality.objects.get(slug="nordmaling")
    asele = Municipality.objects.get(slug="asele")
    police = member(Membership.Role.EDITOR, umea, first_name="Pia", last_name="Polis")
    admin = member(Membership.Role.ADMINISTRATOR, asele, first_name="Åke", last_name="Admin")
    naming_accept(
        user=member(Membership.Role.ADMINISTRATOR, nordmaling),
        naming=naming_propose(
            user=police, municipality=nordmaling, police_area=umea, by_police=True
        ),
    )
    naming_propose(user=police, municipality=asele, police_area=umea, by_police=True)
    police_page = "/organisation/lokalpolisomrade/umea/ansvarigt-lokalpolisomrade/"
    return [
        PageVisit("police area naming, police side", police_page, user=police, shows=("Återta",)),
        PageVisit(
            "police area naming, municipality side",
            "/organisation/kommun/asele/ansvarigt-lokalpolisomrade/",
            user=admin,
            shows=("Godkänn",),
        ),
        PageVisit(
            "police area naming, refused",
            police_page,
            user=police,
            data={"municipality": ""},
            status=400,
            shows=("Välj en kommun.",),
        ),
        PageVisit("start page with a naming link", "/samordnare/", user=admin),
    ]


def portal_pages() -> list[PageVisit]:
    """Every page type in the states it shows, with the data each one needs."""
    Role = Membership.Role
    mala = Pledge.objects.get(slug="mala-2024")
    sodra = Pledge.objects.get(slug="sodra-fyrbodal-2023-2024")
    nordmaling = Pledge.objects.get(slug="nordmaling-2023-2025")

    # Malå: activities logged (one corrected, one on request), then the 2024 follow-up
    # signed by both parties and published with its sealed PDF.
    mala_people = people_for(mala)
    coordinator = mala_people.coordinator
    yearly = mala.commitments.filter(kind=Commitment.Kind.YEARLY_TARGET).first()
    on_request = mala.commitments.filter(kind=Commitment.Kind.ON_REQUEST).first()
    corrected = activities.activity_log(
        user=coordinator,
        commitment=yearly,
        date=datetime.date(2024, 3, 12),
        text="Trafikkontroll vid skolan",
        place="Malå skola",
        link="https://example.org/nyhet",
        internal_note="Två patruller",
    )
    activities.activity_correct(
        user=coordinator,
        activity=corrected,
        version=corrected.version,
        date=corrected.date,
        text="Trafikkontroll vid skolan och idrottshallen",
        count=2,
        place=corrected.place,
    )
    kept = activities.activity_log(
        user=coordinator,
        commitment=on_request,
        date=datetime.date(2024, 5, 2),
        text="Önskemål om trygghetsvandring i centrum",
        kind=Activity.Kind.REQUEST_RECEIVED,
    )
    published = publish_through_sign_off(mala, mala_people, 2024)
    assert published.state == ReviewState.PUBLISHED
    sha256 = IssuedDocument.objects.for_object(published).get().sha256

    # Södra Fyrbodal: 2023 submitted and signed by the police, 2024 a draft.
    sodra_people = people_for(sodra)
    submitted = start_fill_submit(sodra, sodra_people, 2023)
    sign(submitted, sodra_people.police)
    submitted.refresh_from_db()
    assert submitted.state == ReviewState.SUBMITTED
    draft = reviews.review_start(
        user=sodra_people.coordinator, document=sodra, period_start=datetime.date(2024, 1, 1)
    )
    signatory = sodra_people.municipalities["Stenungsund"]
    nameless = member(
        Role.SIGNATORY, signatory.memberships.get().municipality, first_name="", last_name=""
    )

    # Nordmaling: an editor's planned activity under a focus area.
    editor = member(Role.EDITOR, nordmaling.municipalities.get())
    focus_area = nordmaling.focus_areas.first()
    activities.planned_activity_add(
        user=editor, focus_area=focus_area, text="Trygghetsvandring i Nordmalings centrum"
    )

    publishing = _publishing_pages(mala, mala_people)

    review_url = reverse("followup:review", args=[submitted.pk])
    sign_url = reverse("followup:review_sign", args=[submitted.pk])
    return_url = reverse("followup:review_return", args=[submitted.pk])
    draft_url = reverse("followup:review", args=[draft.pk])
    log_url = reverse("followup:activity_log", args=[yearly.pk])
    return [
        # Public pages.
        PageVisit("home", "/"),
        PageVisit("search results", "/sok/?q=mal"),
        PageVisit("national overview", "/oversikt/?lan=vasterbotten", shows=("Uppföljning 2024",)),
        PageVisit(
            "search results with a county and pledge texts",
            "/sok/?q=v%C3%A4sterbotten",
            shows=("Kommuner i Västerbottens län",),
        ),
        PageVisit(
            "search results in pledge texts",
            "/sok/?q=trygghetsvandring",
            shows=("Medborgarlöften som nämner sökorden",),
        ),
        PageVisit(
            "municipality page with a published follow-up",
            "/kommun/mala/",
            shows=("Senaste årliga uppföljning",),
        ),
        PageVisit("municipality page with an agreement", "/kommun/asele/"),
        PageVisit("police area page", "/lokalpolisomrade/skelleftea/"),
        PageVisit("police area page, three municipalities", "/lokalpolisomrade/sodra-fyrbodal/"),
        PageVisit(
            "pledge page with a published follow-up",
            mala.get_absolute_url(),
            shows=("Uppföljningen för 2024 är undertecknad av alla parter",),
        ),
        PageVisit(
            "pledge page with focus areas",
            nordmaling.get_absolute_url(),
            shows=("Trygghetsvandring i Nordmalings centrum", "namngavs i portalen"),
        ),
        PageVisit("pledge page, three municipalities", sodra.get_absolute_url()),
        PageVisit("pledge page without its text", "/medborgarlofte/arboga-2024/"),
        PageVisit("agreement page", "/overenskommelse/asele-2019-2022/"),
        PageVisit("published annual follow-up", published.get_absolute_url()),
        PageVisit("about", "/om-medborgarloften/"),
        PageVisit("accessibility statement", "/tillganglighet/"),
        PageVisit("open data", "/oppna-data/", shows=("CC0", "bedomningar.csv")),
        PageVisit("verification page", "/kontrollera/"),
        PageVisit(
            "verification page, a known document",
            "/kontrollera/",
            data={"sha256": sha256},
            shows=("Dokumentet är äkta och oförändrat",),
        ),
        PageVisit(
            "verification page, a refused answer",
            "/kontrollera/",
            data={"sha256": "x"},
            shows=("Dokumentet kunde inte kontrolleras",),
        ),
        PageVisit(
            "verification page, a file refused unchecked",
            "/kontrollera/",
            data={"file": SimpleUploadedFile("ändrad.pdf", b"%PDF-1.7\n" + b"%%EOF\n" * 6)},
            shows=("Filen har ändrats i för många omgångar",),
        ),
        PageVisit("login", "/logga-in/"),
        PageVisit(
            "login, refused",
            "/logga-in/",
            data={"username": "ingen", "password": "fel-losenord"},
            shows=("Ange ett korrekt användarnamn och lösenord.",),
        ),
        PageVisit("password reset request", "/glomt-losenord/"),
        PageVisit("password reset, mail sent", "/glomt-losenord/skickat/"),
        PageVisit(
            "password reset, a used link",
            "/nytt-losenord/MQ/fel-lank/",
            shows=("Länken fungerar inte längre",),
        ),
        PageVisit("page not found", "/finns-inte/", status=404),
        PageVisit("name and title page", "/samordnare/konto/", user=coordinator),
        PageVisit(
            "name and title page, refused",
            "/samordnare/konto/",
            user=coordinator,
            data={"first_name": "", "last_name": "x" * 151, "title": ""},
            status=400,
            shows=("Ditt namn och din titel är inte sparade",),
        ),
        *_people_pages(mala.municipalities.get(), coordinator),
        *_naming_pages(),
        PageVisit(
            "follow-up waiting for a signatory without a name",
            review_url,
            user=nameless,
            shows=("Ange ditt namn och din titel innan du skriver under",),
        ),
        # Coordinators' and signatories' pages.
        PageVisit("start page as coordinator", "/samordnare/", user=coordinator),
        PageVisit(
            "start page as coordinator with reviews", "/samordnare/", user=sodra_people.coordinator
        ),
        PageVisit(
            "start page as signatory",
            "/samordnare/",
            user=signatory,
            shows=("1 uppföljning väntar på din underskrift",),
        ),
        PageVisit(
            "review page, draft with its form",
            draft_url,
            user=sodra_people.coordinator,
            shows=('name="summary"',),
        ),
        PageVisit(
            "review page, refused submission",
            draft_url,
            user=sodra_people.coordinator,
            data=_unassessed_submission(draft),
            status=400,
            shows=("Utkastet är sparat men inte inskickat.",),
        ),
        PageVisit(
            "review page, submitted with sign and return forms",
            review_url,
            user=signatory,
            shows=(f'action="{sign_url}"', f'action="{return_url}"'),
        ),
        PageVisit(
            "review page, refused signature",
            sign_url,
            user=signatory,
            data={
                "password": "fel-losenord",
                "title": "Kommunchef",
                "content_version": submitted.content_version,
            },
            status=400,
            shows=("Du har inte skrivit under:",),
        ),
        PageVisit(
            "review page, refused return",
            return_url,
            user=signatory,
            data={"comment": ""},
            status=400,
            shows=("Skriv vad som behöver ändras.",),
        ),
        PageVisit(
            "review page, published",
            reverse("followup:review", args=[published.pk]),
            user=coordinator,
        ),
        PageVisit("activity log form", log_url, user=coordinator),
        PageVisit(
            "activity log form, on request",
            reverse("followup:activity_log", args=[on_request.pk]),
            user=coordinator,
            shows=(f'name="c{on_request.pk}-kind"',),
        ),
        PageVisit(
            "activity log form, refused",
            log_url,
            user=coordinator,
            data={f"c{yearly.pk}-date": "2023-12-31", f"c{yearly.pk}-text": ""},
            status=400,
            shows=("Aktiviteten är inte sparad",),
        ),
        PageVisit(
            "activity correction",
            reverse("followup:correct", args=[kept.pk]),
            user=coordinator,
        ),
        PageVisit(
            "activity withdrawal", reverse("followup:withdraw", args=[kept.pk]), user=coordinator
        ),
        PageVisit(
            "activity history",
            reverse("followup:history", args=[corrected.pk]),
            user=coordinator,
            shows=("Loggad", "Ändrad"),
        ),
        PageVisit(
            "planned activity form",
            reverse("followup:planned_add", args=[focus_area.pk]),
            user=editor,
        ),
        *publishing,
        # In English: the language switch, the hreflang links and the documents' text
        # marked lang="sv" on the public pages.
        *(
            PageVisit(f"{name} in English", "/en" + path)
            for name, path in [
                ("home", "/"),
                ("search results", "/sok/?q=trygghetsvandring"),
                ("municipality page", "/kommun/mala/"),
                ("police area page", "/lokalpolisomrade/skelleftea/"),
                ("pledge page", mala.get_absolute_url()),
                ("pledge page with focus areas", nordmaling.get_absolute_url()),
                ("agreement page", "/overenskommelse/asele-2019-2022/"),
                ("published annual follow-up", published.get_absolute_url()),
                ("national overview", "/oversikt/"),
                ("login page", "/logga-in/"),
            ]
        ),
        PageVisit("a page that does not exist, in English", "/en/finns-inte/", status=404),
    ]


def _publishing_pages(mala: Pledge, people) -> list[PageVisit]:
    """Malå's editors draft new pledges: one open as a draft, one sent and signed by the
    police, one published and revised; the pages of each step."""
    from agreements.publishing import workflow
    from pledges.drafting.services import pledge_start
    from pledges.publishing import PLEDGE_PUBLISHING as SPEC

    municipality = mala.municipalities.get()
    editor = member(Membership.Role.EDITOR, municipality, first_name="Eva", last_name="Ek")

    def drafted(title: str) -> Pledge:
        return pledge_start(
            user=editor,
            organisation=municipality,
            police_area=mala.police_area,
            municipalities=[municipality],
            title=title,
            period_start=datetime.date(2027, 1, 1),
            period_end=datetime.date(2027, 12, 31),
            from_predecessor=True,
        )

    def submit(pledge: Pledge) -> None:
        pledge.refresh_from_db()
        workflow.document_submit(
            spec=SPEC, user=editor, document=pledge, content_version=pledge.content_version
        )

    def sign_as(pledge: Pledge, user) -> None:
        pledge.refresh_from_db()
        workflow.document_sign(
            spec=SPEC,
            user=user,
            document=pledge,
            password="ett-langt-testlosenord",
            content_version=pledge.content_version,
            title="Chef",
        )

    draft = drafted("Medborgarlöfte 2027, utkast")
    sent = drafted("Medborgarlöfte 2027, skickat")
    submit(sent)
    sign_as(sent, people.police)
    first = drafted("Medborgarlöfte 2027, publicerat")
    submit(first)
    for signatory in people.signatories:
        sign_as(first, signatory)
    revision = workflow.document_revise(spec=SPEC, user=editor, document=first)
    submit(revision)
    for signatory in people.signatories:
        sign_as(revision, signatory)
    first.refresh_from_db()
    revision.refresh_from_db()
    signatory = people.municipalities[municipality.name]
    sign_url = SPEC.step_url("sign", sent)
    return [
        PageVisit("new pledge form", reverse("pledges:draft_new"), user=editor),
        PageVisit("pledge draft page", reverse("pledges:draft", args=[draft.pk]), user=editor),
        PageVisit(
            "pledge draft preview",
            reverse("pledges:draft_preview", args=[draft.pk]),
            user=editor,
        ),
        PageVisit(
            "signing page with sign and return forms",
            sign_url,
            user=signatory,
            shows=("Din underskrift är den sista som saknas",),
        ),
        PageVisit(
            "signing page, refused signature",
            sign_url,
            user=signatory,
            data={"password": "fel", "title": "", "content_version": sent.content_version},
            status=400,
            shows=("Du har inte skrivit under:",),
        ),
        PageVisit(
            "signing page, refused return",
            SPEC.step_url("return", sent),
            user=signatory,
            data={"comment": ""},
            status=400,
            shows=("Skriv vad som behöver ändras.",),
        ),
        PageVisit(
            "signing page of a published pledge", SPEC.step_url("sign", revision), user=editor
        ),
        PageVisit(
            "pledge page, a revision with portal signatures",
            revision.get_absolute_url(),
            shows=("Undertecknat i portalen", "Revisioner"),
        ),
        PageVisit(
            "pledge page, a replaced revision",
            first.get_absolute_url(),
            shows=("en tidigare lydelse som har ersatts",),
        ),
    ]


def render(visit: PageVisit) -> str:
    """The page's HTML from a fresh client, after checking that it is the page meant."""
    client = Client()
    if visit.user is not None:
        client.force_login(visit.user)
    response = client.get(visit.path) if visit.data is None else client.post(visit.path, visit.data)
    assert response.status_code == visit.status, (
        f"{visit.describe()} answered {response.status_code}"
    )
    assert response["Content-Type"].startswith("text/html"), visit.describe()
    html = response.content.decode()
    for text in visit.shows:
        assert text in html, f"{visit.describe()} does not show {text!r}"
    return html


def run_vnu(vnu_command: list[str], files: list[Path]) -> list[dict]:
    """vnu's messages for all the files, from one start of the JVM."""
    result = subprocess.run(  # noqa: S603 (our own command line, no shell)
        [*vnu_command, "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=VNU_TIMEOUT_SECONDS,
        check=False,
    )
    # Exit status 1 means "errors found": the report says which.
    try:
        return json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError) as error:
        raise AssertionError(
            f"vnu exited {result.returncode} without a JSON report ({error}):\n"
            f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        ) from error


def describe_errors(errors: dict[Path, list[dict]], visits: dict[Path, PageVisit]) -> str:
    count = sum(len(messages) for messages in errors.values())
    lines = [
        f"vnu found {count} error(s) in {len(errors)} page(s)"
        f" (the files are in {next(iter(errors)).parent}):"
    ]
    for file, messages in errors.items():
        page = visits[file].describe() if file in visits else "a file vnu names"
        lines.append(f"- {page}, {file.name}:")
        for message in messages:
            where = f"line {message['lastLine']}" if "lastLine" in message else "the document"
            lines.append(f"    {where}: {message['message']}")
            if message.get("extract"):
                lines.append(f"      {message['extract'].strip()!r}")
    return "\n".join(lines)


def _file_name(number: int, name: str) -> str:
    return f"{number:02d}-{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}.html"


def test_every_public_and_coordinator_page_type_is_valid_html(
    vnu_command, seeded, sealing, tmp_path
):
    visits: dict[Path, PageVisit] = {}
    for number, visit in enumerate(portal_pages(), start=1):
        file = tmp_path / _file_name(number, visit.name)
        file.write_text(render(visit), encoding="utf-8")
        visits[file] = visit
    known_invalid = tmp_path / "00-known-invalid.html"
    known_invalid.write_text(KNOWN_INVALID_PAGE, encoding="utf-8")

    messages = run_vnu(vnu_command, [known_invalid, *visits])

    errors: dict[Path, list[dict]] = {}
    for message in messages:
        # "error", or "non-document-error" when vnu could not read a file at all.
        if message["type"] != "info":
            file = Path(message.get("url", "").removeprefix("file:"))
            errors.setdefault(file, []).append(message)
    assert errors.pop(known_invalid, None), f"vnu checked nothing: {messages}"
    if errors:
        pytest.fail(describe_errors(errors, visits), pytrace=False)
