"""Mail queued in the database and worked off by `manage.py db_worker`, in a test."""

from __future__ import annotations

import pytest
from django.core.management import call_command


@pytest.fixture
def database_queue(settings, monkeypatch):
    """Tasks go to django-tasks' database backend instead of running at once."""
    # The worker closes stale connections between tasks; inside the test's transaction
    # that would close the test's own connection (PostgreSQL), so it keeps it here.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def work_off_the_queue() -> None:
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
