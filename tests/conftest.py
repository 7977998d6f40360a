"""Fixtures shared by every test module."""

import pytest

from pledges.seed import load_seed_documents
from portal.documents.certificates import create_dev_certificate
from tests.task_queue import database_queue  # noqa: F401 (a fixture for every module)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts with an empty cache: a page cached by one test is never served
    in another, whose database differs, and rate-limit counters do not carry over."""
    from django.core.cache import cache

    from portal.documents import register

    cache.clear()
    register._local.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts and ends in the default language (Swedish): a test that
    activates English leaves no English addresses to the next one's reverse()."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def rendered_pages(settings):
    """Public pages rendered on every request, not served from the page cache: for tests
    that count the queries a page's rendering makes, or write rows in bulk (no signals)."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def seeded(db):
    """The database with the seed documents loaded, as the README's run command leaves it."""
    load_seed_documents()


@pytest.fixture(scope="session")
def seal_certificate(tmp_path_factory):
    """A self-signed sealing certificate for the session: (PKCS#12 path, passphrase file)."""
    directory = tmp_path_factory.mktemp("seal")
    pkcs12, passphrase_file = directory / "seal.p12", directory / "seal.passphrase"
    create_dev_certificate(pkcs12_path=pkcs12, passphrase_path=passphrase_file)
    return pkcs12, passphrase_file


@pytest.fixture
def sealing(settings, seal_certificate, tmp_path):
    """Documents can be sealed: the session's certificate, media in this test's tmp_path."""
    pkcs12, passphrase_file = seal_certificate
    settings.PORTAL_SEAL_PKCS12 = str(pkcs12)
    settings.PORTAL_SEAL_PASSPHRASE = ""
    settings.PORTAL_SEAL_PASSPHRASE_FILE = str(passphrase_file)
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings


@pytest.fixture(autouse=True)
def patient_verification(settings):
    """The verification page's time limit, for a machine busy with other tests: a check
    stopped for taking 5 s would be the load's fault, not the file's. The test of the
    limit itself sets its own."""
    settings.VERIFY_TIME_LIMIT_SECONDS = 60


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    """Background tasks (mail) run at once, inside the test, when they are enqueued."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
