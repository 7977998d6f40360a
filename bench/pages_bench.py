"""Page speed at national scale, as ratios: run `.venv/bin/python bench/pages_bench.py`.

Loads the seed documents into a fresh SQLite database, times each public page type,
then adds the fictional national data set (290 municipalities, 580 pledges) and times
them again. A ratio near 1.0 means the page does not slow down as the portal grows.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
workdir = tempfile.mkdtemp(prefix="pages-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ["PORTAL_VAR_DIR"] = workdir
# The rendering is measured here, not the page cache (bench/throughput.py measures both).
os.environ["PAGE_CACHE_ENABLED"] = "false"
Path(workdir, "static").mkdir()  # STATIC_ROOT; the finders serve the files

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

PAGES = [
    "/",
    "/sok/?q=mal",
    "/kommun/mala/",
    "/lokalpolisomrade/sodra-fyrbodal/",
    "/medborgarlofte/sodra-fyrbodal-2023-2024/",
    "/overenskommelse/asele-2019-2022/",
]
ROUNDS = 30


def timings(client: Client) -> dict[str, float]:
    result = {}
    for url in PAGES:
        client.get(url, HTTP_HOST="127.0.0.1")  # warm up
        samples = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            response = client.get(url, HTTP_HOST="127.0.0.1")
            samples.append(time.perf_counter() - start)
            assert response.status_code == 200, (url, response.status_code)
        result[url] = statistics.median(samples)
    return result


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("load_seed_documents", verbosity=0)
    client = Client()
    seed = timings(client)
    call_command("generate_national_data", verbosity=0)
    national = timings(client)
    print(f"{'page':45} {'seed ms':>9} {'national ms':>12} {'ratio':>7}")
    for url in PAGES:
        ratio = national[url] / seed[url]
        print(f"{url:45} {seed[url] * 1000:9.2f} {national[url] * 1000:12.2f} {ratio:7.2f}")


if __name__ == "__main__":
    main()
