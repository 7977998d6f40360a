"""A revision of a published pledge continues its follow-up: the activity log moves on to
the new revision's commitments, and the reviews signed on earlier revisions count for it."""

# The publishing tests' fixtures (a Björkvik pledge and its people) are imported below;
# pytest passes them to the functions by name.
# ruff: noqa: F811

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements.publishing.workflow import document_revise, document_sign, document_submit
from followup.activities.models import Activity, PlannedActivity
from followup.activities.services import activity_log
from followup.models import Review, ReviewState
from followup.reviews import services as reviews
from pledges.models import Commitment, Pledge
from pledges.publishing import PLEDGE_PUBLISHING
from portal.choices import PublicationStatus
from tests.documents.conftest import certificate_files  # noqa: F401
from tests.followup.review_fixtures import fill, sign, submit
from tests.publishing.conftest import (  # noqa: F401
    PASSWORD,
    document_settings,
    fast_password_hashing,
    make_draft,
    people,
    place,
)
from tests.seeds import html_text

# Count the queries of rendering: the page cache would answer with none.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rendered_pages")]

JAN_2024 = datetime.date(2024, 1, 1)
JAN_2025 = datetime.date(2025, 1, 1)
WALK = "Trygghetsvandring i centrum med föreningarna"
PARENTS = "Föräldravandring på skolavslutningen"
SUMMARY = "Vandringarna blev fler än planerat under 2024."


def publish(pledge: Pledge, people) -> Pledge:
    """Send the draft and sign it for both parties through the publishing services."""
    pledge.refresh_from_db()
    document_submit(
        spec=PLEDGE_PUBLISHING,
        user=people.editor,
        document=pledge,
        content_version=pledge.content_version,
    )
    for signatory in (people.police_signatory, people.municipal_signatory):
        pledge.refresh_from_db()
        document_sign(
            spec=PLEDGE_PUBLISHING,
            user=signatory,
            document=pledge,
            password=PASSWORD,
            content_version=pledge.content_version,
        )
    return Pledge.objects.get(pk=pledge.pk)


def publish_review(pledge: Pledge, people, period_start: datetime.date) -> Review:
    review = reviews.review_start(
        user=people.coordinator, document=pledge, period_start=period_start
    )
    fill(review, people.coordinator, summary=SUMMARY)
    submit(review, people.coordinator)
    for signatory in (people.police_signatory, people.municipal_signatory):
        sign(review, signatory)
    review.refresh_from_db()
    return review


def log(people, commitment: Commitment, date: datetime.date, text: str, count: int = 1):
    return activity_log(
        user=people.coordinator, commitment=commitment, date=date, text=text, count=count
    )


def revise(pledge: Pledge, people, *, remove: Commitment | None = None) -> Pledge:
    """A typo-fix revision (and, optionally, one commitment fewer), published."""
    revision = document_revise(spec=PLEDGE_PUBLISHING, user=people.editor, document=pledge)
    typo = revision.commitments.get(order=2)
    typo.text = typo.text.replace("trafiken", "trafiken, rättat")
    typo.save()
    if remove is not None:
        revision.commitments.get(copied_from=remove).delete()
    return publish(revision, people)


@pytest.fixture
def first(place, people, document_settings):  # noqa: F811
    """Björkvik's published 2024–2025 pledge with 2024's log and published review."""
    draft = make_draft(place, title="Medborgarlöfte 2024–2025, Björkvik")
    draft.period_start, draft.period_end = JAN_2024, datetime.date(2025, 12, 31)
    draft.save()
    pledge = publish(draft, people)
    joint = pledge.commitments.get(order=2)
    municipal = pledge.commitments.get(order=1)
    log(people, joint, datetime.date(2024, 3, 5), WALK, count=3)
    log(people, municipal, datetime.date(2024, 6, 10), PARENTS)
    PlannedActivity.objects.create(focus_area=pledge.focus_areas.get(), text="Cykelkontroller")
    publish_review(pledge, people, JAN_2024)
    return pledge


def page_text(client, pledge: Pledge, year: int) -> str:
    response = client.get(pledge.get_absolute_url() + f"?ar={year}")
    assert response.status_code == 200
    return html_text(response.content.decode())


def count_queries(client, url: str) -> int:
    client.get(url)  # per-process caches fill once
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_new_revision_shows_the_years_progress_and_review(client, people, first):
    before = count_queries(client, first.get_absolute_url() + "?ar=2024")
    second = revise(first, people)
    first.refresh_from_db()
    assert first.status == PublicationStatus.REPLACED

    text = page_text(client, second, 2024)
    assert "rättat" in text
    assert WALK in text and PARENTS in text
    assert "Uppföljning 2024" in text and SUMMARY in text
    assert "följdes inte upp i portalen" not in text
    assert "Cykelkontroller" in text
    # The follow-up of the whole chain costs no query more; the one more is the page's
    # list of revisions (pledges' revision_context), which a first revision does without.
    assert count_queries(client, second.get_absolute_url() + "?ar=2024") == before + 1
    # The replaced revision: its revisions, and one for the copies that its moved log
    # is now on (followup.revisions.commitment_lineage).
    assert count_queries(client, first.get_absolute_url() + "?ar=2024") == before + 2

    # The municipality page's latest follow-up is the one signed on the first revision.
    municipality = client.get(reverse("pledges:municipality", args=["bjorkvik"]))
    assert "Uppföljningen för 2024" in html_text(municipality.content.decode())


def test_the_activity_log_moves_to_the_copies_with_its_history(people, first):
    second = revise(first, people)
    old_joint = first.commitments.get(order=2)
    new_joint = second.commitments.get(copied_from=old_joint)
    walk = Activity.objects.get(text=WALK)
    assert walk.commitment == new_joint
    assert not old_joint.activities.exists()
    moved = walk.history.order_by("-history_date", "-pk").first()
    assert moved.history_type == "~" and moved.history_user == people.municipal_signatory
    assert "revision 2" in moved.history_change_reason
    assert walk.history.count() == 2  # logged, then moved: the record is the same
    planned = PlannedActivity.objects.get()
    assert planned.focus_area == second.focus_areas.get()


def test_logging_continues_on_the_new_revision(client, people, first):
    second = revise(first, people)
    new_joint = second.commitments.get(order=2)
    log(people, new_joint, datetime.date(2025, 2, 1), "Grannsamverkansträff i Björkvik")

    assert "Grannsamverkansträff i Björkvik" in page_text(client, second, 2025)
    # The replaced revision's commitments take no more entries.
    client.force_login(people.coordinator)
    old_joint = first.commitments.get(order=2)
    url = reverse("followup:activity_log", args=[old_joint.pk])
    assert client.post(url, {"date": "2025-02-02", "text": "x", "count": 1}).status_code == 404


def test_the_start_page_does_not_offer_a_reviewed_year_again(client, people, first):
    second = revise(first, people)
    client.force_login(people.coordinator)
    text = html_text(client.get(reverse("followup:start")).content.decode())
    assert "Påbörja uppföljningen 2024" not in text
    assert "Påbörja uppföljningen 2025" in text
    # Starting 2024 on the new revision opens the review signed on the first one.
    existing = Review.objects.get(period_start=JAN_2024)
    started = reviews.review_start(user=people.coordinator, document=second, period_start=JAN_2024)
    assert started == existing and Review.objects.count() == 1


def test_the_replaced_revision_keeps_its_review_and_removed_commitments_their_log(
    client, people, first
):
    municipal = first.commitments.get(order=1)
    second = revise(first, people, remove=municipal)
    assert second.commitments.count() == first.commitments.count() - 1

    # The removed commitment's entry stays on the replaced revision, which still shows it.
    assert Activity.objects.get(text=PARENTS).commitment == municipal
    old = page_text(client, first, 2024)
    assert "Uppföljning 2024" in old and SUMMARY in old
    assert PARENTS in old and WALK in old  # the moved log still counts for its source
    new = page_text(client, second, 2024)
    assert PARENTS not in new and WALK in new


def test_a_later_review_is_not_shown_on_the_replaced_revision(client, people, first):
    second = revise(first, people)
    publish_review(second, people, JAN_2025)
    assert "Uppföljning 2025" in page_text(client, second, 2025)
    assert "Uppföljning 2025" not in page_text(client, first, 2025)


def test_a_review_being_signed_is_finished_after_the_revision(client, people, first):
    """Started and partly signed on the first revision: the revision changes neither its
    figures nor the signatures given, and once signed it shows on the new revision."""
    log(people, first.commitments.get(order=2), datetime.date(2025, 4, 1), WALK, count=2)
    review = reviews.review_start(user=people.coordinator, document=first, period_start=JAN_2025)
    fill(review, people.coordinator, summary="Uppföljningen av 2025.")
    submit(review, people.coordinator)
    sign(review, people.police_signatory)

    second = revise(first, people)
    client.force_login(people.coordinator)
    page = html_text(client.get(reverse("followup:review", args=[review.pk])).content.decode())
    assert "2 av 4 tillfällen 2025" in page
    assert "Aktivitetsloggen har ändrats" not in page
    # The start page shows it under the new revision's 2025, not a new start.
    start = html_text(client.get(reverse("followup:start")).content.decode())
    assert "Påbörja uppföljningen 2025" not in start

    sign(review, people.municipal_signatory)
    review.refresh_from_db()
    assert review.state == ReviewState.PUBLISHED and review.pledge == first
    assert "Uppföljningen av 2025." in page_text(client, second, 2025)
