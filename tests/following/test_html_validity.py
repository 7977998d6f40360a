"""The follow pages are valid HTML by the Nu Html Checker, in each state a resident meets
(the municipality and police area pages with the form are checked with the other public
pages in tests/portal/test_html_validity.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from agreements.models import Municipality
from following.models import Follower
from following.tokens import confirm_token, unsubscribe_token
from tests.portal.test_html_validity import (  # noqa: F401 (vnu_command is a fixture)
    PageVisit,
    describe_errors,
    render,
    run_vnu,
    vnu_command,
)

pytestmark = pytest.mark.django_db


def test_the_follow_pages_are_valid_html(vnu_command, seeded, tmp_path):  # noqa: F811
    nordmaling = Municipality.objects.get(slug="nordmaling")
    pending = Follower.objects.create(email="ny@example.se", municipality=nordmaling)
    confirmed = Follower.objects.create(
        email="gammal@example.se", municipality=nordmaling, confirmed_at=pending.created_at
    )
    visits = [
        PageVisit("follow page", "/kommun/nordmaling/folj/"),
        PageVisit("police area follow page", "/lokalpolisomrade/skelleftea/folj/"),
        PageVisit(
            "follow page, a bad address",
            "/kommun/nordmaling/folj/",
            data={"epost": "ny@"},
            status=400,
            shows=("Adressen är inte anmäld",),
        ),
        PageVisit(
            "check your mail",
            "/kommun/nordmaling/folj/",
            data={"epost": "annan@example.se"},
            shows=("Kontrollera din e-post",),
        ),
        PageVisit("confirm page", f"/folj/bekrafta/{confirm_token(pending)}/"),
        PageVisit("confirmed page", f"/folj/bekrafta/{confirm_token(confirmed)}/"),
        PageVisit("unsubscribe page", f"/folj/avsluta/{unsubscribe_token(confirmed)}/"),
        PageVisit(
            "unsubscribed page",
            f"/folj/avsluta/{unsubscribe_token(confirmed)}/",
            data={},
            shows=("Du följer inte längre",),
        ),
        PageVisit("broken link", "/folj/avsluta/trasig/", status=404),
    ]
    files: dict[Path, PageVisit] = {}
    for number, visit in enumerate(visits, start=1):
        file = tmp_path / f"{number:02d}.html"
        file.write_text(render(visit), encoding="utf-8")
        files[file] = visit

    errors: dict[Path, list[dict]] = {}
    for message in run_vnu(vnu_command, list(files)):
        if message["type"] != "info":
            errors.setdefault(Path(message.get("url", "").removeprefix("file:")), []).append(
                message
            )
    if errors:
        pytest.fail(describe_errors(errors, files), pytrace=False)
