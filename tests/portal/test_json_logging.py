"""LOG_FORMAT=json writes each log record as one JSON object on one line."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from django.test import RequestFactory

from portal.logging import JsonFormatter

ROOT = Path(__file__).resolve().parents[2]


def _record(message: str, *args, exc_info=None, **extra) -> logging.LogRecord:
    record = logging.LogRecord("portal.test", logging.ERROR, __file__, 1, message, args, exc_info)
    record.__dict__.update(extra)
    return record


def _one_json_line(text: str) -> dict:
    assert "\n" not in text
    return json.loads(text)


def test_fields_time_level_logger_message():
    entry = _one_json_line(JsonFormatter().format(_record("Dokument %s saknas", "abc")))
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "portal.test"
    assert entry["message"] == "Dokument abc saknas"
    # ISO 8601 in UTC, to the millisecond.
    assert entry["time"].endswith("Z") and entry["time"][10] == "T" and len(entry["time"]) == 24
    assert "exception" not in entry and "path" not in entry and "status" not in entry


def test_a_message_with_newlines_stays_on_one_line():
    entry = _one_json_line(JsonFormatter().format(_record("första raden\nandra raden\r\nslut")))
    assert entry["message"] == "första raden\nandra raden\r\nslut"


def test_an_exception_and_its_traceback_stay_on_one_line():
    try:
        raise ValueError("trasig\nfil")
    except ValueError:
        record = _record("Det gick fel", exc_info=sys.exc_info())
    entry = _one_json_line(JsonFormatter().format(record))
    assert entry["exception"].startswith("Traceback (most recent call last):")
    assert "ValueError: trasig\nfil" in entry["exception"]


def test_request_path_and_status_when_django_adds_them():
    request = RequestFactory().get("/dokument/abc.pdf")
    entry = _one_json_line(
        JsonFormatter().format(_record("Service Unavailable", request=request, status_code=503))
    )
    assert entry["path"] == "/dokument/abc.pdf"
    assert entry["method"] == "GET"
    assert entry["status"] == 503


def _run_with_log_format(log_format: str | None) -> subprocess.CompletedProcess:
    """A fresh process with LOG_FORMAT set logs an error with a traceback to stderr."""
    script = (
        "import django, logging\n"
        "django.setup()\n"
        "try:\n"
        "    1 / 0\n"
        "except ZeroDivisionError:\n"
        "    logging.getLogger('portal.check').exception('rad ett\\nrad två')\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "SECRET_KEY": "test-only-not-secret",
        "LOG_FORMAT": log_format or "",
    }
    if log_format is None:
        del env["LOG_FORMAT"]
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_log_format_json_setting_writes_json_lines_to_stderr():
    result = _run_with_log_format("json")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    entry = json.loads(lines[0])
    assert entry["logger"] == "portal.check" and entry["message"] == "rad ett\nrad två"
    assert "ZeroDivisionError" in entry["exception"]


def test_log_format_defaults_to_text_and_refuses_an_unknown_value():
    text = _run_with_log_format(None).stderr
    assert " ERROR portal.check: rad ett\nrad två\nTraceback" in text
    result = _run_with_log_format("xml")
    assert result.returncode != 0
    assert "LOG_FORMAT='xml'" in result.stderr
