"""The English catalogue is complete: every string the portal writes itself is translated.

makemessages runs on a copy of the source (so the committed catalogue is left alone), with
the arguments `make messages` uses, and every message it finds must be in
locale/en/LC_MESSAGES/django.po, translated, not fuzzy, and with the same placeholders:
a translation that drops or renames %(name)s or {name} breaks the page at run time.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
# As MAKEMESSAGES_ARGS in the Makefile.
IGNORED = [".venv", "var", "tests", "bench", "deploy", "fixtures"]
MAKEMESSAGES_ARGS = ["--extension", "html,txt,py", "--add-location", "file", "--no-obsolete"]
PERCENT_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?[sdifr]")
BRACE_PLACEHOLDER = re.compile(r"(?<!\{)\{(\w*)(?:[!:][^}]*)?\}(?!\})")


def placeholders(text: str, entry: polib.POEntry) -> set[str]:
    found = {match[0] for match in PERCENT_PLACEHOLDER.finditer(text)}
    if "python-brace-format" in entry.flags:
        found |= {"{" + match[1] + "}" for match in BRACE_PLACEHOLDER.finditer(text)}
    return found


@pytest.fixture(scope="module")
def source_messages(tmp_path_factory) -> polib.POFile:
    """Every message in the source now, as makemessages finds it."""
    copy = tmp_path_factory.mktemp("source") / "portal"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".git", *IGNORED, "node_modules", "*.mo", "__pycache__"),
    )
    (copy / "locale" / "en" / "LC_MESSAGES" / "django.po").unlink()
    ignore_args = [arg for name in IGNORED for arg in ("--ignore", name)]
    subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "makemessages", "--locale", "en"]
        + MAKEMESSAGES_ARGS
        + ignore_args,
        cwd=copy,
        check=True,
        capture_output=True,
        env={
            "PATH": "/usr/bin:/bin:/usr/local/bin",
            "SECRET_KEY": "unused-by-makemessages",
            "DATABASE_URL": "sqlite://:memory:",
        },
    )
    return polib.pofile(str(copy / "locale" / "en" / "LC_MESSAGES" / "django.po"))


def problems_of(entry: polib.POEntry, translated: polib.POEntry | None) -> str | None:
    if translated is None:
        return "not in the catalogue (run `make messages`)"
    if "fuzzy" in translated.flags:
        return "fuzzy"
    if translated.msgid_plural:
        forms = [text for _, text in sorted(translated.msgstr_plural.items())]
        if not forms or not all(forms):
            return "untranslated"
        allowed = placeholders(entry.msgid, entry) | placeholders(entry.msgid_plural, entry)
        if any(not placeholders(form, entry) <= allowed for form in forms) or placeholders(
            forms[-1], entry
        ) != placeholders(entry.msgid_plural, entry):
            return "placeholders differ"
        return None
    if not translated.msgstr:
        return "untranslated"
    if placeholders(translated.msgstr, entry) != placeholders(entry.msgid, entry):
        return "placeholders differ"
    return None


def test_every_message_of_the_source_is_translated_to_english(source_messages):
    assert len(source_messages) > 500, "makemessages found too few messages"
    committed = polib.pofile(str(CATALOGUE))
    translated = {(entry.msgctxt, entry.msgid): entry for entry in committed}
    problems = []
    for entry in source_messages:
        problem = problems_of(entry, translated.get((entry.msgctxt, entry.msgid)))
        if problem:
            problems.append(f"{problem}: {entry.msgid[:80]!r} ({entry.occurrences[0][0]})")
    summary = f"{len(problems)} of {len(source_messages)} messages are not ready in English"
    assert not problems, summary + ":\n" + "\n".join(problems[:40])


def test_the_placeholder_check_sees_a_dropped_name():
    entry = polib.POEntry(msgid="Period: %(period)s", msgstr="Period:", flags=["python-format"])
    assert problems_of(entry, entry) == "placeholders differ"
    entry.msgstr = "Period: %(period)s"
    assert problems_of(entry, entry) is None
    assert problems_of(entry, None).startswith("not in the catalogue")
