"""Throughput of the public pages as ratios to the framework's floor: run
`.venv/bin/python bench/throughput.py` (needs PostgreSQL on 127.0.0.1:5432, Redis on
127.0.0.1:6379 and wrk, Debian package `wrk`).

Production-like: a fresh PostgreSQL database with the seed documents, their sealed PDFs,
a published follow-up and the fictional national data set (290 municipalities); gunicorn
with 2 sync workers, DEBUG off, Redis as the shared cache. Two servers run side by side:
one with the page cache (warm: the page was asked for before) and one without it
(cold: every request renders). In one interleaved run, wrk measures each target for a
few seconds per round, round after round, and the medians are printed as ratios:

- each page to a constant 10 KB Django view on the same server, through the same
  middleware (bench/urls.py): the framework's floor;
- a sealed PDF download to a static file of the same server (WhiteNoise).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DATABASE = os.environ.get("BENCH_DATABASE", "portal_bench")
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/7")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "4"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
WARM_PORT, COLD_PORT = 8781, 8782


def environment(workdir: Path, *, cache: bool) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": "bench-only-not-secret",
        "DATABASE_URL": DATABASE_URL,
        "CACHE_URL": CACHE_URL,
        "PORTAL_VAR_DIR": str(workdir),
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_MANIFEST": "true",
        "PORTAL_DEMO": "true",  # seals with the development certificate
        "PORTAL_SEAL_PKCS12": str(workdir / "certs" / "dev-seal.p12"),
        "PORTAL_SEAL_PASSPHRASE_FILE": str(workdir / "certs" / "dev-seal.passphrase"),
        "SITE_URL": f"http://127.0.0.1:{WARM_PORT}",
        "PAGE_CACHE_ENABLED": "true" if cache else "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "ERROR",
    }


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def prepare(env: dict[str, str]) -> dict[str, str]:
    """A fresh database with everything the pages show; the targets' addresses."""
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DATABASE])
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
    for command in (
        ["migrate", "--noinput"],
        ["collectstatic", "--noinput"],
        ["create_dev_certificate"],
        ["load_seed_documents"],
        ["issue_documents"],
        ["generate_national_data"],
    ):
        manage(env, *command)
    found = manage(env, "shell", "-c", "from bench.targets import main; main()")
    return dict(line.split("=", 1) for line in found.strip().splitlines() if "=" in line)


def serve(env: dict[str, str], port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "portal.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "error",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz-floor/", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn on port {port} did not start")


def requests_per_second(url: str) -> float:
    result = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "-H", "Accept-Encoding: gzip", url],
        capture_output=True,
        text=True,
        check=True,
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    if non_2xx:
        raise SystemExit(f"{url}: {non_2xx.group(1)} failed responses\n{result.stdout}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    workdir = Path(tempfile.mkdtemp(prefix="throughput-bench-"))
    warm_env, cold_env = environment(workdir, cache=True), environment(workdir, cache=False)
    print("Preparing the national data set on PostgreSQL …", flush=True)
    targets = prepare(warm_env)
    servers = [serve(warm_env, WARM_PORT), serve(cold_env, COLD_PORT)]
    try:
        pages = [name for name in targets if name not in ("floor", "static", "pdf")]
        samples: dict[tuple[str, str], list[float]] = {}
        for number in range(1, ROUNDS + 1):
            print(f"Round {number} of {ROUNDS} …", flush=True)
            for mode, port in (("warm", WARM_PORT), ("cold", COLD_PORT)):
                for name in ["floor", "static", *pages, "pdf"]:
                    url = f"http://127.0.0.1:{port}{targets[name]}"
                    samples.setdefault((mode, name), []).append(requests_per_second(url))
        median = {key: statistics.median(values) for key, values in samples.items()}
        print()
        print(
            f"{'target':<14} {'warm req/s':>11} {'warm ratio':>11} {'cold req/s':>11} "
            f"{'cold ratio':>11}  (ratio to the floor; a PDF to a static file)"
        )
        for name in [*pages, "pdf", "floor", "static"]:
            base = "static" if name == "pdf" else "floor"
            row = [f"{name:<14}"]
            for mode in ("warm", "cold"):
                value = median[(mode, name)]
                row.append(f"{value:>11.0f} {value / median[(mode, base)]:>11.2f}")
            print(" ".join(row))
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
