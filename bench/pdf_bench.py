"""PDF issue vs. stored download: run `.venv/bin/python bench/pdf_bench.py`.

Loads the seed documents into a fresh SQLite database with media and a development
certificate in a temporary directory, then, in one run, times:
  1. the first render and seal of the largest seed document (a cold process: fonts,
     templates and the certificate load here), as `portal.services.document_issue` does it;
  2. a download of that stored PDF through its public address (median of many);
and prints both and their ratio. A download never renders, so the ratio is large.
"""

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
workdir = Path(tempfile.mkdtemp(prefix="pdf-bench-"))
os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ["PORTAL_VAR_DIR"] = str(workdir)
os.environ["MEDIA_ROOT"] = str(workdir / "media")
(workdir / "static").mkdir()  # STATIC_ROOT; the finders serve the files
os.environ["PORTAL_SEAL_PKCS12"] = str(workdir / "certs" / "dev-seal.p12")
os.environ["PORTAL_SEAL_PASSPHRASE_FILE"] = str(workdir / "certs" / "dev-seal.passphrase")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils.html import strip_tags  # noqa: E402

DOWNLOADS = 50


def largest_seed_pledge():
    """The published seed pledge with the most text (its content partial, tags stripped)."""
    from pledges.selectors import commitment_sections, pledge_for_page, published_pledges

    def size(pledge) -> int:
        full = pledge_for_page(slug=pledge.slug)
        context = {"pledge": full, "sections": commitment_sections(full)}
        return len(strip_tags(render_to_string("pledges/includes/pledge_content.html", context)))

    return max(published_pledges(), key=size)


def main() -> None:
    from pledges.documents import PLEDGE_PDF
    from portal.services import document_issue

    quiet = io.StringIO()
    call_command("migrate", verbosity=0)
    call_command("load_seed_documents", stdout=quiet)
    call_command("create_dev_certificate", stdout=quiet)
    pledge = largest_seed_pledge()

    start = time.perf_counter()
    issued, created = document_issue(pdf=PLEDGE_PDF, document=pledge)
    first_issue = time.perf_counter() - start
    assert created

    client = Client()
    url = reverse("pledges:pdf", kwargs={"slug": pledge.slug})
    samples = []
    for _ in range(DOWNLOADS):
        start = time.perf_counter()
        response = client.get(url, HTTP_HOST="127.0.0.1")
        body = b"".join(response.streaming_content)
        samples.append(time.perf_counter() - start)
        assert response.status_code == 200 and len(body) == issued.size
    download = statistics.median(samples)

    from pypdf import PdfReader

    with issued.file.open("rb") as handle:
        pages = len(PdfReader(handle).pages)
    print(f"Largest seed document: {pledge.title} ({pages} pages, {issued.size} bytes)")
    print(f"first render + seal + store: {first_issue * 1000:8.1f} ms")
    print(f"stored download (median {DOWNLOADS}): {download * 1000:8.1f} ms")
    print(f"ratio render+seal / download: {first_issue / download:8.1f}")


if __name__ == "__main__":
    main()
