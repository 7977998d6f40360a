"""The whole way of a resident following Nordmaling by e-mail, through the real pages and
the mail worker: enter the address on the municipality page, confirm by the mailed link,
get one message when a new revision of the pledge is published, stop with one click."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django_tasks_db.models import DBTaskResult

from following.models import Follower
from pledges.models import Pledge
from tests.following.conftest import (
    SITE_URL,
    follow_form_action,
    link_in,
    mails_to,
    publish_revision,
)
from tests.task_queue import work_off_the_queue

pytestmark = pytest.mark.django_db

ADDRESS = "anna.andersson@example.se"


def test_follow_confirm_receive_and_unsubscribe(
    seeded, database_queue, django_capture_on_commit_callbacks
):
    # A browser that sends no cookie it did not get, and checks CSRF as a real one would.
    browser = Client(enforce_csrf_checks=True)
    page = browser.get("/kommun/nordmaling/")
    assert "Få nyheter via e-post" in page.content.decode()
    action = follow_form_action(page.content.decode())
    assert action == "/kommun/nordmaling/folj/"

    with django_capture_on_commit_callbacks(execute=True):
        answer = browser.post(action, {"epost": "Anna.Andersson@Example.se"})
    assert answer.status_code == 200
    text = answer.content.decode()
    assert "Kontrollera din e-post" in text
    assert "Öppna länken i det inom 7 dagar för att börja följa Nordmalings kommun" in text
    # Sent by the worker, not by the request; the queue holds the follower's id only,
    # never the address or a link.
    assert mail.outbox == []
    [queued] = DBTaskResult.objects.filter(status="READY")
    assert queued.args_kwargs["kwargs"] == {
        "follower_id": Follower.objects.get().pk,
        "language": "sv",
    }
    work_off_the_queue()
    [confirmation] = mails_to(ADDRESS)
    assert confirmation.subject == "Bekräfta att du vill följa Nordmalings kommun"
    assert "Länken gäller i 7 dagar" in confirmation.body

    confirm_path = link_in(confirmation, "/folj/bekrafta/")
    # Opening the link (as a mail scanner does) confirms nothing.
    shown = browser.get(confirm_path)
    assert "Bekräfta och börja följa" in shown.content.decode()
    assert Follower.objects.get().confirmed_at is None
    confirmed = browser.post(confirm_path)
    assert "Du följer nu Nordmalings kommun" in confirmed.content.decode()
    assert Follower.objects.get().confirmed_at is not None

    mail.outbox.clear()
    pledge = Pledge.objects.get(slug="nordmaling-2023-2025")
    with django_capture_on_commit_callbacks(execute=True):
        revision = publish_revision(pledge)
    work_off_the_queue()

    [news] = mails_to(ADDRESS)
    assert news.subject == f"Nordmalings kommun: Ny revision: {pledge.title}"
    assert f"{SITE_URL}{revision.get_absolute_url()}" in news.body
    assert "Revision 2 har publicerats och ersätter den tidigare versionen." in news.body
    html, mimetype = news.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="{SITE_URL}{revision.get_absolute_url()}"' in html
    unsubscribe_path = link_in(news, "/folj/avsluta/")
    assert news.extra_headers["List-Unsubscribe"] == f"<{SITE_URL}{unsubscribe_path}>"
    assert news.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    message = news.message()
    assert message["List-Unsubscribe"] == f"<{SITE_URL}{unsubscribe_path}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # No person is named in the mail, by login name or otherwise.
    for person in ("Eva", "anvandare-", "Kommunsson"):
        assert person not in news.body and person not in html

    # The mail program's one-click unsubscribe (RFC 8058): a POST without any cookie.
    mail_program = Client(enforce_csrf_checks=True)
    gone = mail_program.post(
        unsubscribe_path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert gone.status_code == 200
    assert "Du följer inte längre Nordmalings kommun" in gone.content.decode()
    assert not Follower.objects.exists()

    # The next publication mails nobody.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publish_revision(revision)
    work_off_the_queue()
    assert mails_to(ADDRESS) == []
    # The old link says the address is gone, and never fails.
    again = browser.get(unsubscribe_path)
    assert again.status_code == 200
    assert "Din e-postadress är raderad" in again.content.decode()


def test_an_address_entered_on_the_english_page_is_answered_in_english(
    seeded, database_queue, django_capture_on_commit_callbacks
):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get("/en/kommun/nordmaling/")
    action = follow_form_action(page.content.decode())
    assert action == "/en/kommun/nordmaling/folj/"
    with django_capture_on_commit_callbacks(execute=True):
        answer = browser.post(action, {"epost": ADDRESS})
    assert "Check your email" in answer.content.decode()
    work_off_the_queue()

    [confirmation] = mails_to(ADDRESS)
    assert confirmation.subject == "Confirm that you want to follow Nordmalings kommun"
    confirm_path = link_in(confirmation, "/en/folj/bekrafta/")
    confirmed = browser.post(confirm_path)
    assert confirmed.status_code == 200
    assert '<html lang="en"' in confirmed.content.decode()
    assert Follower.objects.get().confirmed_at is not None
    # The row keeps no language: news of a publication is Swedish, like the documents.
    mail.outbox.clear()
    pledge = Pledge.objects.get(slug="nordmaling-2023-2025")
    with django_capture_on_commit_callbacks(execute=True):
        publish_revision(pledge)
    work_off_the_queue()
    [news] = mails_to(ADDRESS)
    assert news.subject.startswith("Nordmalings kommun: Ny revision: ")
