"""Fixtures for the browser tests: Debian's chromium driven by playwright against a live server.

No browser is ever downloaded (`playwright install` is never called): the tests launch the
chromium that Debian packages, at CHROMIUM_PATH. Outside CI a missing chromium skips these
tests with a message naming the package; in CI (CI=true) it fails them.
"""

from __future__ import annotations

import datetime
import os
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Error,
    Page,
    Request,
    Response,
    sync_playwright,
)

from agreements.models import Membership, Municipality
from pledges.seed import load_seed_documents

CHROMIUM_PATH = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# --no-sandbox: the CI container runs as root, where chromium's sandbox cannot start.
# --disable-background-networking: chromium must not call home (updates, safe browsing),
# so the only network traffic is to the live server.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking"]
BROWSER_TESTS_DIR = Path(__file__).resolve().parent
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


@dataclass(frozen=True)
class PortalPage:
    path: str
    status: int = 200
    # An account from ACCOUNTS to log in as first; None for a resident, who never logs in.
    login_as: str | None = None
    # Records the page shows that its path does not name, as placeholders ("{activity}"):
    # seeded as for a path that names them (see SEEDERS).
    seed: str = ""

    @property
    def id(self) -> str:
        """The test id: the path, and who looks at it with which records when it matters."""
        return " ".join(part for part in (self.path, self.login_as, self.seed) if part)


# Every page type, with the seed documents loaded. A new page is one line here; each test
# that takes `portal_page` then runs once for it.
PAGES = [
    PortalPage("/"),
    PortalPage("/sok/?q=mal"),
    PortalPage("/kommun/mala/"),
    PortalPage("/kommun/asele/"),
    PortalPage("/lokalpolisomrade/sodra-fyrbodal/"),
    PortalPage("/medborgarlofte/mala-2024/"),
    # One activity logged in 2024: the year's progress bars show, most of them empty.
    PortalPage("/medborgarlofte/mala-2024/", seed="{activity}"),
    PortalPage("/medborgarlofte/nordmaling-2023-2025/"),
    PortalPage("/medborgarlofte/sodra-fyrbodal-2023-2024/"),
    PortalPage("/medborgarlofte/arboga-2024/"),  # its text is not entered yet
    PortalPage("/overenskommelse/asele-2019-2022/"),
    PortalPage("/om-medborgarloften/"),
    PortalPage("/tillganglighet/"),
    PortalPage("/oppna-data/"),
    PortalPage("/kontrollera/"),
    PortalPage("/logga-in/"),
    # Glömt lösenordet: the request form, "look in your e-mail", and a used or old link.
    PortalPage("/glomt-losenord/"),
    PortalPage("/glomt-losenord/skickat/"),
    PortalPage("/nytt-losenord/MQ/fel-lank/"),
    PortalPage("/finns-inte/", status=404),
    # Följ via e-post: the form on its own page, and a link from the mail that leads nowhere.
    PortalPage("/kommun/nordmaling/folj/"),
    PortalPage("/folj/avsluta/fel-lank/", status=404),
    PortalPage("/uppfoljning/{published_review}/"),
    # Behind login.
    PortalPage("/samordnare/konto/", login_as="undertecknare-mala"),
    PortalPage("/samordnare/", login_as="samordnare-mala", seed="{activity}"),
    PortalPage("/samordnare/", login_as="undertecknare-mala"),
    PortalPage("/samordnare/uppfoljning/{draft_review}/", login_as="samordnare-asele"),
    PortalPage("/samordnare/uppfoljning/{submitted_review}/", login_as="undertecknare-mala"),
    PortalPage("/samordnare/lofte/{commitment}/logga/", login_as="samordnare-mala"),
    PortalPage("/samordnare/aktivitet/{activity}/historik/", login_as="samordnare-mala"),
    # The activity log no longer gives the figures the review was saved or submitted with.
    PortalPage("/samordnare/uppfoljning/{changed_draft_review}/", login_as="samordnare-mala"),
    PortalPage(
        "/samordnare/uppfoljning/{changed_submitted_review}/", login_as="samordnare-stenungsund"
    ),
    # Drafting a pledge: the start form, the draft page and its preview.
    PortalPage("/samordnare/", login_as="redaktor-mala", seed="{draft_pledge}"),
    PortalPage("/redaktor/medborgarlofte/nytt/", login_as="redaktor-mala"),
    PortalPage("/redaktor/medborgarlofte/{draft_pledge}/", login_as="redaktor-mala"),
    PortalPage(
        "/redaktor/medborgarlofte/{submitted_pledge}/underskrifter/",
        login_as="undertecknare-mala",
    ),
    PortalPage(
        "/redaktor/medborgarlofte/{draft_pledge}/forhandsgranska/", login_as="redaktor-mala"
    ),
    # Drafting an agreement: the start form, the draft page and its preview.
    PortalPage("/redaktor/overenskommelse/ny/", login_as="redaktor-mala"),
    PortalPage("/redaktor/overenskommelse/{draft_agreement}/", login_as="redaktor-mala"),
    PortalPage(
        "/redaktor/overenskommelse/{draft_agreement}/forhandsgranska/", login_as="redaktor-mala"
    ),
    # An organisation's people: the page with a pending invitation, inviting, one person's
    # roles; accepting an invitation, and a link that leads nowhere.
    PortalPage(
        "/organisation/kommun/mala/personer/", login_as="administrator-mala", seed="{invitation}"
    ),
    PortalPage("/organisation/kommun/mala/personer/bjud-in/", login_as="administrator-mala"),
    PortalPage("/organisation/kommun/mala/personer/{colleague}/", login_as="administrator-mala"),
    PortalPage("/inbjudan/{invitation}/"),
    PortalPage("/inbjudan/fel-lank/", status=404),
]
# Accounts the pages above may log in as: username → (role, municipality slug).
ACCOUNTS = {
    "samordnare-mala": (Membership.Role.COORDINATOR, "mala"),
    "undertecknare-mala": (Membership.Role.SIGNATORY, "mala"),
    "samordnare-asele": (Membership.Role.COORDINATOR, "asele"),
    "samordnare-stenungsund": (Membership.Role.COORDINATOR, "stenungsund"),
    "redaktor-mala": (Membership.Role.EDITOR, "mala"),
    "administrator-mala": (Membership.Role.ADMINISTRATOR, "mala"),
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "portal_page" in metafunc.fixturenames:
        metafunc.parametrize("portal_page", PAGES, ids=[p.id for p in PAGES])


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One headless chromium for the browser tests: starting it takes most of a second.

    Package scope, not session: playwright's sync API keeps an asyncio loop running in
    the test thread while it is started, and the tests after this package (sealing PDFs
    with pyHanko, which calls asyncio.run) must not see it.
    """
    if not CHROMIUM_PATH.is_file():
        message = (
            f"Browser tests need Debian's chromium at {CHROMIUM_PATH}: "
            "install the package with `apt-get install chromium`."
        )
        if _in_ci():
            pytest.fail(message + " CI=true, so this is a failure, not a skip.", pytrace=False)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    """Let the ORM run in the test thread of a browser test while playwright is started.

    Playwright's sync API runs its asyncio loop in the test thread (on another greenlet),
    so Django sees a running event loop and raises SynchronousOnlyOperation when a test
    seeds the database and when pytest-django flushes it afterwards, although nothing
    async touches the database: the live server answers from its own thread. The variable
    is set only around the browser tests' setup, call and teardown (a fixture would be
    torn down before pytest-django's flush), so every other test keeps Django's check.
    """
    if BROWSER_TESTS_DIR not in item.path.parents:
        return (yield)
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        return (yield)
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def site(live_server, transactional_db) -> str:
    """The live server's base URL, with the seed documents loaded.

    The live server answers from another thread, so the data must be committed:
    transactional_db (not db), flushed after each test, hence seeded for each test.
    """
    load_seed_documents()
    return live_server.url


def seed_reviews() -> dict[str, int]:
    """Annual reviews in each state the pages show, on the seed documents.

    Malå 2024: revision 1 published (signed by both parties), revision 2 submitted and
    waiting for signatures; Åsele's agreement: the 2019–2020 follow-up as a draft.
    Built directly with the models: the pages, not the workflow, are tested here.
    """
    from django.utils import timezone

    from agreements.models import Agreement
    from followup.models import Review, ReviewItem, ReviewSignOff, ReviewState
    from pledges.models import Pledge

    now = timezone.now()
    mala = Pledge.objects.get(slug="mala-2024")
    signer = get_user_model().objects.create_user(username="undertecknare-exempel")

    def review(document_field, document, state, sign_offs=(), **fields) -> Review:
        # Built as a draft, then moved to its state: a signed-off review takes no changes.
        created = Review.objects.create(
            **{document_field: document},
            summary="Ett år med många insatser.",
            content_sha256="a" * 64,
            **fields,
        )
        for order, text in enumerate(["Första löftet.", "Andra löftet."]):
            ReviewItem.objects.create(
                review=created,
                order=order,
                group="Kommunen och polisen tillsammans",
                text=text,
                progress="2 av 6 tillfällen 2024.",
                assessment="partly" if state != ReviewState.DRAFT else "",
                comment="En kommentar.",
            )
        for party in sign_offs:
            ReviewSignOff.objects.create(
                review=created,
                content_version=1,
                content_sha256="a" * 64,
                user=signer,
                name="Exempel Exempelsson",
                title="Kommunchef",
                organisation="Malå kommun",
                **party,
            )
        created.state = state
        created.save()
        return created

    dates = {"period_start": mala.period_start, "period_end": mala.period_end}
    published = review(
        "pledge",
        mala,
        ReviewState.PUBLISHED,
        sign_offs=[{"municipality": mala.municipalities.get()}, {"police_area": mala.police_area}],
        submitted_at=now,
        approved_at=now,
        published_at=now,
        **dates,
    )
    submitted = review(
        "pledge",
        mala,
        ReviewState.SUBMITTED,
        revision=2,
        replaces=published,
        submitted_at=now,
        **dates,
    )
    asele = Agreement.objects.get(slug="asele-2019-2022")
    draft = review(
        "agreement",
        asele,
        ReviewState.DRAFT,
        period_start=asele.valid_from,
        period_end=asele.valid_from.replace(year=asele.valid_from.year + 2)
        - datetime.timedelta(days=1),
    )
    return {
        "published_review": published.pk,
        "submitted_review": submitted.pk,
        "draft_review": draft.pk,
    }


def seed_activity() -> dict[str, int]:
    """One activity on Malå's "vid minst sex tillfällen" commitment, logged and corrected."""
    from followup.models import Activity
    from pledges.models import Commitment

    commitment = Commitment.objects.get(pledge__slug="mala-2024", yearly_target=6)
    activity = Activity.objects.create(
        commitment=commitment,
        date=datetime.date(2024, 5, 3),
        text="Kvällsinsats mot langning vid idrottsplatsen",
        count=2,
        place="Idrottsplatsen",
        internal_note="Två patruller och fältassistenterna.",
    )
    activity.text = "Kvällsinsats mot langning vid idrottsplatsen, med föräldravandrarna"
    activity.version = 2
    activity.save()
    return {"commitment": commitment.pk, "activity": activity.pk}


def seed_changed_reviews() -> dict[str, int]:
    """Reviews whose figures the activity log no longer gives.

    Malå 2024 as a draft, one item saved with an activity since withdrawn (fewer times than
    the target, so the page asks to confirm); Södra Fyrbodal 2023 submitted, one item's
    figures changed since. The other items carry the log's figures, as when they started.
    """
    from django.utils import timezone

    from followup.models import Review, ReviewState
    from followup.reviews.content import prefill_items
    from followup.reviews.periods import ReviewPeriod
    from pledges.models import Commitment, Pledge

    def review(slug: str, year: int, state: str, kind: str, stale_progress: str) -> Review:
        pledge = Pledge.objects.get(slug=slug)
        period = ReviewPeriod(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
        created = Review.objects.create(
            pledge=pledge,
            period_start=period.start,
            period_end=period.end,
            summary="Ett år med många insatser.",
            content_sha256="a" * 64,
        )
        items = prefill_items(pledge, period)
        next(item for item in items if item.commitment.kind == kind).progress = stale_progress
        for item in items:
            item.review = created
            item.save()
        if state != ReviewState.DRAFT:
            created.state = state
            created.submitted_at = timezone.now()
            created.save()
        return created

    draft = review(
        "mala-2024",
        2024,
        ReviewState.DRAFT,
        Commitment.Kind.YEARLY_TARGET,
        "1 av 1 tillfälle 2024.\n– 2024-03-12: Gemensam tillsyn av serveringsställen i centrum",
    )
    submitted = review(
        "sodra-fyrbodal-2023-2024",
        2023,
        ReviewState.SUBMITTED,
        Commitment.Kind.ONGOING,
        "2 tillfällen loggade 2023.\n– 2023-05-10: Föräldravandring i centrum\n"
        "– 2023-03-02: Samtal om trygghet med elevrådet",
    )
    return {"changed_draft_review": draft.pk, "changed_submitted_review": submitted.pk}


# The records a path's placeholders name, and the function that creates them.
def seed_draft_pledge() -> dict[str, int]:
    """A draft of Malå's next pledge with one focus area and commitments of two kinds."""
    from agreements.publishing.workflow import draft_slug
    from pledges.models import Commitment, FocusArea, Pledge

    mala = Pledge.objects.get(slug="mala-2024")
    draft = Pledge.objects.create(
        title="Medborgarlöfte 2026, Malå kommun",
        slug=draft_slug(),
        police_area=mala.police_area,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        background="Ett utkast till nästa års löfte.",
    )
    draft.municipalities.set(mala.municipalities.all())
    area = FocusArea.objects.create(pledge=draft, title="Trafik", order=0)
    Commitment.objects.create(
        pledge=draft,
        focus_area=area,
        text="Sex trafikkontroller per år.",
        kind=Commitment.Kind.YEARLY_TARGET,
        yearly_target=6,
        order=0,
    )
    Commitment.objects.create(pledge=draft, text="Polisen följer lägesbilden.", order=1)
    return {"draft_pledge": draft.pk}


def seed_submitted_pledge() -> dict[str, int]:
    """The draft above, sent to the signatories: the signing page's forms show."""
    from pledges.models import Pledge
    from pledges.publishing import PLEDGE_PUBLISHING
    from portal.choices import PublicationStatus

    pk = seed_draft_pledge()["draft_pledge"]
    sent = Pledge.objects.get(pk=pk)
    sent.status = PublicationStatus.SUBMITTED
    sent.content_sha256 = PLEDGE_PUBLISHING.content_sha256(PLEDGE_PUBLISHING.load(pk))
    sent.save()
    return {"submitted_pledge": pk}


def seed_draft_agreement() -> dict[str, int]:
    """A draft agreement of Malå with a goal and a duty of each party."""
    from agreements.models import Agreement, AgreementDuty, AgreementGoal
    from agreements.publishing.workflow import draft_slug
    from pledges.models import Pledge

    mala = Pledge.objects.get(slug="mala-2024")
    draft = Agreement.objects.create(
        title="Samverkansöverenskommelse 2026–2029, Malå kommun",
        slug=draft_slug(),
        police_area=mala.police_area,
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2029, 12, 31),
        extends_until_further_notice=True,
        introduction="Ett utkast till nästa överenskommelse.",
    )
    draft.municipalities.set(mala.municipalities.all())
    AgreementGoal.objects.create(agreement=draft, text="Ökad trygghet i centrum.", order=0)
    for order, party in enumerate(("police", "municipality", "joint")):
        AgreementDuty.objects.create(
            agreement=draft, party=party, text=f"Åtagande {order + 1}.", order=order
        )
    return {"draft_agreement": draft.pk}


def seed_invitation() -> dict[str, str]:
    """A pending invitation to Malå as editor and signatory; its link's token."""
    from django.utils import timezone

    from agreements.models import Invitation
    from agreements.models.invitations import INVITATION_VALID_FOR, new_token

    token, digest = new_token()
    Invitation.objects.create(
        municipality=Municipality.objects.get(slug="mala"),
        email="ny.kollega@mala.se",
        roles=[Membership.Role.EDITOR, Membership.Role.SIGNATORY],
        token_hash=digest,
        expires_at=timezone.now() + INVITATION_VALID_FOR,
    )
    return {"invitation": token}


def seed_colleague() -> dict[str, int]:
    """A coordinator of Malå with a name and a title."""
    from portal.models import Profile

    user = get_user_model().objects.create_user(
        username="kollega-mala", first_name="Kim", last_name="Kollega"
    )
    Profile.objects.create(user=user, title="Trygghetssamordnare")
    Membership.objects.create(
        user=user, municipality=Municipality.objects.get(slug="mala"), role="coordinator"
    )
    return {"colleague": user.pk}


SEEDERS = [
    ({"invitation"}, seed_invitation),
    ({"colleague"}, seed_colleague),
    ({"draft_pledge"}, seed_draft_pledge),
    ({"submitted_pledge"}, seed_submitted_pledge),
    ({"draft_agreement"}, seed_draft_agreement),
    ({"published_review", "submitted_review", "draft_review"}, seed_reviews),
    ({"commitment", "activity"}, seed_activity),
    ({"changed_draft_review", "changed_submitted_review"}, seed_changed_reviews),
]


def seed_for(path: str, ids: dict[str, int], seed: str = "") -> str:
    """The path with its placeholders filled in, seeding what they and ``seed`` name (once
    per test)."""
    names = {name for _, name, _, _ in string.Formatter().parse(path + seed) if name}
    for keys, seeder in SEEDERS:
        if names & keys and not keys <= ids.keys():
            ids.update(seeder())
    return path.format(**ids)


@dataclass
class Traffic:
    """What a page asked the network for, and what the browser refused or failed to load."""

    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    # Chromium reports a load that the Content-Security-Policy blocked (say, a font from a
    # CDN, or an inline style) only on the console: it never becomes a request.
    console_errors: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in {"data", "blob", "about"}
            and urlsplit(url).hostname not in LOCAL_HOSTS
        ]


@pytest.fixture
def traffic() -> Traffic:
    return Traffic()


@pytest.fixture
def page(browser: Browser, traffic: Traffic) -> Iterator[Page]:
    """A fresh context (no cookies) and page per test, recording every request it makes."""
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()

    def on_request(request: Request) -> None:
        traffic.requests.append(request.url)

    def on_response(response: Response) -> None:
        # The page's own document may be an intended error page (404); its assets may not.
        if response.status >= 400 and response.request.resource_type != "document":
            traffic.failures.append(f"{response.status} {response.url}")

    def on_request_failed(request: Request) -> None:
        traffic.failures.append(f"{request.failure} {request.url}")

    def on_console(message: ConsoleMessage) -> None:
        # Failed loads are in traffic.failures already, with their URL (an intended 404
        # page logs one for its own document).
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            traffic.console_errors.append(message.text)

    def on_page_error(error: Error) -> None:
        traffic.console_errors.append(f"uncaught {error.name}: {error.message}")

    page.on("request", on_request)
    page.on("response", on_response)
    page.on("requestfailed", on_request_failed)
    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    yield page
    context.close()


def log_in(page: Page, site: str, username: str) -> None:
    """Give the browser a session for a new account with the role that ACCOUNTS names."""
    role, municipality_slug = ACCOUNTS[username]
    # A fictional full name: an account without one cannot sign.
    user = get_user_model().objects.create_user(
        username=username, first_name="Exempel", last_name="Testperson"
    )
    Membership.objects.create(
        user=user, role=role, municipality=Municipality.objects.get(slug=municipality_slug)
    )
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site}]
    )


@pytest.fixture
def visit(site: str, page: Page, traffic: Traffic):
    """Open a path (or a PortalPage) on the live server; check its status and that all its
    assets loaded."""

    ids: dict[str, int] = {}

    def visit(path: str | PortalPage, status: int = 200, login_as: str | None = None) -> Page:
        seed = ""
        if isinstance(path, PortalPage):
            path, status, login_as, seed = path.path, path.status, path.login_as, path.seed
        path = seed_for(path, ids, seed)
        if login_as is not None:
            log_in(page, site, login_as)
        response = page.goto(site + path)
        assert response is not None, path
        assert response.status == status, f"{path} answered {response.status}, not {status}"
        # page.goto follows redirects: a page behind login must not have sent us to log in.
        assert page.url == site + path, f"{path} redirected to {page.url}"
        assert not traffic.failures, f"{path} failed to load: {traffic.failures}"
        assert traffic.foreign_requests() == [], f"{path} left the live server"
        assert traffic.console_errors == [], f"{path} logged errors"
        return page

    return visit
