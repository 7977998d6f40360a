"""Two app servers share nothing but PostgreSQL, Redis and the S3 bucket: the app is stateless.

Starts, as subprocesses, an S3-compatible object store (moto's server mode) and two gunicorn
servers, A and B, on free ports of 127.0.0.1. Both use one PostgreSQL database made for this
module (dropped at the end), one Redis database as their cache (CACHE_URL, flushed at the
start) and one bucket for media; each has a var directory of its own, so nothing on one
server's disk can help the other. The commands that prepare the data and make changes run
with server A's environment. Then:

- a PDF that staff seal on A (the admin list's action, over HTTP) downloads from B at its
  public addresses, and B's verification page calls it authentic;
- a public page B has cached in Redis shows, on B's very next request, what A changed;
- a login made on A holds on B.

Outside CI an unreachable PostgreSQL or Redis, or a missing moto, skips these tests with the
reason; in CI (CI=true) it fails them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.servers

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
REDIS_URL = "redis://127.0.0.1:6379/9"
BUCKET = "portal-media"
AUTHENTIC = "Dokumentet är äkta och oförändrat"
START_TIMEOUT = 20  # seconds for a server to answer
USERNAME, PASSWORD = "samordnare-servrar", "Servrar-test-2026!"


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def _unavailable(message: str) -> None:
    if _in_ci():
        pytest.fail(message + " CI=true, so this is a failure, not a skip.", pytrace=False)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _check_services() -> None:
    """Skip (fail in CI) naming what is missing: the test needs all of it."""
    try:
        import boto3  # noqa: F401
        import moto.server  # noqa: F401
        import redis
        import requests  # noqa: F401
    except ImportError as error:
        _unavailable(f"{error.name} is not installed: `make install` installs the dev extra.")
    if not (BIN / "gunicorn").is_file():
        _unavailable(f"gunicorn is not installed beside {sys.executable}.")
    import psycopg

    try:
        psycopg.connect(dbname="postgres", connect_timeout=3, **PG).close()
    except psycopg.OperationalError as error:
        _unavailable(f"PostgreSQL is not reachable on 127.0.0.1:5432 as postgres: {error}")
    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=3).ping()
    except redis.RedisError as error:
        _unavailable(f"Redis is not reachable at {REDIS_URL}: {error}")


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(dbname="postgres", autocommit=True, **PG) as connection:
        connection.execute(sql)


@dataclass
class Server:
    name: str
    url: str
    env: dict[str, str]
    process: subprocess.Popen | None = None
    log: Path | None = None


@dataclass
class Cluster:
    a: Server
    b: Server
    s3_url: str
    workdir: Path

    def manage(self, server: Server, *args: str) -> str:
        """`manage.py ARGS` with ``server``'s environment; its output (it must succeed)."""
        result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=server.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stderr[-3000:]}"
        return result.stdout

    def shell(self, server: Server, code: str) -> str:
        return self.manage(server, "shell", "--no-imports", "-c", code)

    def s3(self):
        """A client of the S3 server, with the credentials the app servers use."""
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.s3_url,
            region_name=self.a.env["AWS_S3_REGION_NAME"],
            aws_access_key_id=self.a.env["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=self.a.env["AWS_SECRET_ACCESS_KEY"],
        )

    def bucket_keys(self) -> set[str]:
        listing = self.s3().list_objects_v2(Bucket=BUCKET)
        return {item["Key"] for item in listing.get("Contents", [])}


def _start(command: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen:
    with log.open("wb") as output:
        return subprocess.Popen(  # noqa: S603 - programs of our own virtualenv
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )


def _wait_for(url: str, process: subprocess.Popen, log: Path) -> None:
    import requests

    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{url} exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            # A long read timeout: the first request may find the app still loading.
            requests.get(url, timeout=(2, 30))
            return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer in {START_TIMEOUT} s:\n{log.read_text()[-3000:]}")


def _stop(processes: list[subprocess.Popen | None]) -> None:
    """End each process, all at once rather than one after the other."""
    running = [process for process in processes if process and process.poll() is None]
    for process in running:
        process.terminate()
    for process in running:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _server_env(*, name: str, url: str, database: str, s3_url: str, workdir: Path) -> dict:
    """Everything the settings read, explicitly; a var directory of this server's own."""
    var = workdir / name
    (var / "static").mkdir(parents=True)  # STATIC_ROOT; WhiteNoise serves from the finders
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(var),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "SECRET_KEY": "servers-test-only-not-secret",
        "DEBUG": "false",
        "PORTAL_DEMO": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": url,
        # Plain HTTP here: the session and CSRF cookies must travel without TLS.
        "SECURE_COOKIES": "false",
        "PORTAL_VAR_DIR": str(var),
        "MEDIA_ROOT": str(var / "media"),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "CONN_MAX_AGE": "0",
        "CACHE_URL": REDIS_URL,
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_url,
        "AWS_S3_REGION_NAME": "eu-north-1",
        "AWS_S3_ADDRESSING_STYLE": "path",
        "AWS_ACCESS_KEY_ID": "servers-test",
        "AWS_SECRET_ACCESS_KEY": "servers-test-not-secret",
        # The organisation's certificate is configuration both servers are given.
        "PORTAL_SEAL_PKCS12": str(workdir / "certs" / "seal.p12"),
        "PORTAL_SEAL_PASSPHRASE_FILE": str(workdir / "certs" / "seal.passphrase"),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LOG_LEVEL": "WARNING",
    }


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[Cluster]:
    """moto, the database, the cache and the two servers; all of it ended and dropped after
    the module's tests, also when one of them failed."""
    _check_services()
    import redis

    workdir = tmp_path_factory.mktemp("servers")
    database = f"portal_servers_{secrets.token_hex(4)}"
    moto_port = _free_port()
    s3_url = f"http://127.0.0.1:{moto_port}"
    a_url, b_url = (f"http://127.0.0.1:{_free_port()}" for _ in range(2))
    env = {"database": database, "s3_url": s3_url, "workdir": workdir}
    a = Server("a", a_url, _server_env(name="a", url=a_url, **env))
    b = Server("b", b_url, _server_env(name="b", url=b_url, **env))
    cluster = Cluster(a=a, b=b, s3_url=s3_url, workdir=workdir)
    moto = None
    created = False
    try:
        # Everything starts at once, the slow parts overlapping: moto, the two servers
        # (gunicorn loads Django in its worker before the first request) and the commands
        # that fill the database, which the servers only query once they are asked.
        moto_log = workdir / "moto.log"
        moto = _start(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(moto_port)],
            moto_log,
            {**a.env, "HOME": str(workdir)},
        )
        redis.Redis.from_url(REDIS_URL).flushdb()
        _admin(f'CREATE DATABASE "{database}"')
        created = True
        for server in (a, b):
            server.log = workdir / f"gunicorn-{server.name}.log"
            bind = server.url.removeprefix("http://")
            server.process = _start(
                [str(BIN / "gunicorn"), "portal.wsgi:application", "--workers", "1"]
                + ["--bind", bind],
                server.log,
                server.env,
            )
        # One process for the three commands: each start of Django costs seconds.
        cluster.shell(
            a,
            "from django.core.management import call_command; "
            "call_command('migrate', interactive=False, verbosity=0); "
            "call_command('load_seed_documents'); "
            "call_command('create_dev_certificate', "
            f"pkcs12={a.env['PORTAL_SEAL_PKCS12']!r}, "
            f"passphrase_file={a.env['PORTAL_SEAL_PASSPHRASE_FILE']!r}); "
            "from django.contrib.auth import get_user_model; "
            f"get_user_model().objects.create_superuser({USERNAME!r}, password={PASSWORD!r}, "
            "first_name='Servrar', last_name='Testsson')",
        )
        _wait_for(s3_url, moto, moto_log)
        cluster.s3().create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-north-1"}
        )
        for server in (a, b):
            _wait_for(f"{server.url}/om-medborgarloften/", server.process, server.log)
        yield cluster
    finally:
        _stop([a.process, b.process, moto])
        if created:
            _admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        redis.Redis.from_url(REDIS_URL).flushdb()


def _get(url: str, session=None):
    import requests

    response = (session or requests).get(url, timeout=30)
    assert response.status_code == 200, f"GET {url}: {response.status_code}"
    return response


def _csrf_token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def _log_in(session, server: Server) -> None:
    """Log in on ``server``'s login page, as a browser does: the form, then its POST."""
    form = _get(f"{server.url}/logga-in/", session).text
    login = session.post(
        f"{server.url}/logga-in/",
        data={"csrfmiddlewaretoken": _csrf_token(form), "username": USERNAME, "password": PASSWORD},
        headers={"Referer": f"{server.url}/logga-in/"},
        allow_redirects=False,
        timeout=30,
    )
    assert login.status_code == 302, login.text[-2000:]


def test_pdf_issued_through_one_server_downloads_and_verifies_on_the_other(cluster):
    import requests

    a, b = cluster.a, cluster.b
    pledge = json.loads(
        cluster.shell(
            a,
            "import json; from pledges.selectors import published_pledges; "
            "p = published_pledges().filter(municipalities__slug='mala').order_by('pk').first(); "
            "print(json.dumps({'pk': p.pk, 'slug': p.slug}))",
        )
    )
    page = f"{b.url}/medborgarlofte/{pledge['slug']}/"
    assert "Portalen har ännu inte utfärdat någon förseglad PDF" in _get(page).text

    # Staff issue the sealed PDF on A, with the admin list's action.
    changelist = f"{a.url}/admin/pledges/pledge/"
    with requests.Session() as staff:
        _log_in(staff, a)
        issued = staff.post(
            changelist,
            data={
                "csrfmiddlewaretoken": _csrf_token(_get(changelist, staff).text),
                "action": "issue_document",
                "index": "0",
                "_selected_action": [pledge["pk"]],
            },
            headers={"Referer": changelist},
            timeout=60,
        )
    assert issued.status_code == 200
    assert "fick en ny förseglad PDF" in issued.text

    # B's cached page of the pledge knows of it at once, and B serves it.
    assert "Ladda ner förseglad PDF (version 1)" in _get(page).text
    # requests follows redirects, also one to a short-lived URL at the S3 server.
    current = _get(f"{page}pdf/")
    assert current.headers["Content-Type"] == "application/pdf"
    sha256 = hashlib.sha256(current.content).hexdigest()
    by_hash = _get(f"{b.url}/dokument/{sha256}.pdf")
    assert by_hash.content == current.content

    # The file is in the bucket, not on A's disk: B has only S3 to read it from.
    assert [key for key in cluster.bucket_keys() if key.endswith(f"/{sha256}.pdf")]
    assert not list((cluster.workdir / "a").rglob("*.pdf"))

    with requests.Session() as session:
        form = _get(f"{b.url}/kontrollera/", session).text
        verdict = session.post(
            f"{b.url}/kontrollera/",
            data={"csrfmiddlewaretoken": _csrf_token(form)},
            files={"file": (f"{pledge['slug']}.pdf", current.content, "application/pdf")},
            headers={"Referer": f"{b.url}/kontrollera/"},
            timeout=30,
        )
    assert verdict.status_code == 200
    assert AUTHENTIC in verdict.text
    assert sha256 in verdict.text


def test_page_cached_on_one_server_shows_a_change_made_through_the_other(cluster):
    import redis

    a, b = cluster.a, cluster.b
    first = _get(f"{b.url}/kommun/mala/")
    assert "Medborgarlöften i Malå kommun" in first.text
    # The page is kept in Redis, not in B's memory, and B's next request is served from it.
    assert redis.Redis.from_url(REDIS_URL).keys("*page:*")
    assert _get(f"{b.url}/kommun/mala/").headers["ETag"] == first.headers["ETag"]

    cluster.shell(
        a,
        "from agreements.models import Municipality; "
        "m = Municipality.objects.get(slug='mala'); m.official_name = 'Malå servertestkommun'; "
        "m.save()",
    )

    again = _get(f"{b.url}/kommun/mala/")
    assert "Medborgarlöften i Malå servertestkommun" in again.text
    assert again.headers["ETag"] != first.headers["ETag"]
    assert "Medborgarlöften i Malå servertestkommun" in _get(f"{a.url}/kommun/mala/").text


def test_login_on_one_server_holds_on_the_other(cluster):
    import requests

    a, b = cluster.a, cluster.b
    with requests.Session() as session:
        _log_in(session, a)
        # The session cookie A set (cookies are per host, not per port) opens B's pages.
        profile = session.get(f"{b.url}/samordnare/konto/", allow_redirects=False, timeout=30)
    assert profile.status_code == 200
    assert "Servrar" in profile.text
