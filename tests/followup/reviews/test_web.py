"""The annual follow-up through the web pages, as coordinators, signatories and residents use it."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from agreements.models import Membership
from followup.models import Review, ReviewSignOff, ReviewState
from portal.models import IssuedDocument
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.followup.factories import MembershipFactory, UserFactory
from tests.seeds import html_text as _html_text


def html_text(response) -> str:
    return _html_text(response.content.decode())


PASSWORD = "ett-langt-testlosenord"  # UserFactory's password
Role = Membership.Role


@pytest.fixture
def signatories(make_member):
    """The chief of the pledge's police area and the municipality's signatory."""
    police = make_member(Role.SIGNATORY, "own_police_area")
    police.first_name, police.last_name = "Petra", "Polis"
    police.save()
    municipal = make_member(Role.SIGNATORY, "own_municipality")
    municipal.first_name, municipal.last_name = "Kim", "Kommunalråd"
    municipal.save()
    return police, municipal


def start_review(client, world) -> Review:
    response = client.post(
        reverse("followup:review_start"),
        {"document": "pledge", "pk": world.pledge.pk, "period": "2024-01-01"},
    )
    review = Review.objects.get(pledge=world.pledge)
    assert response.status_code == 302
    assert response.url == reverse("followup:review", args=[review.pk])
    return review


def draft_data(review: Review, *, action="save", assessment="done", summary="Ett bra år.") -> dict:
    data = {
        "content_version": review.content_version,
        "summary": summary,
        "lessons": "Tidiga kontroller fungerar bäst.",
        "next_steps": "Fler kontroller nära skolorna.",
        "action": action,
    }
    if action == "submit":
        # The fixtures log little: confirm "Genomfört" where the log shows fewer times.
        data["confirm_short_of_target"] = "on"
    for item in review.items.all():
        data[f"item_{item.pk}_assessment"] = assessment
        data[f"item_{item.pk}_comment"] = f"Kommentar om {item.text[:20]}"
    return data


def sign(client, review: Review, password=PASSWORD, title="Chef"):
    review.refresh_from_db()
    return client.post(
        reverse("followup:review_sign", args=[review.pk]),
        {"password": password, "title": title, "content_version": review.content_version},
    )


def test_a_published_review_cannot_be_edited_through_the_form(
    client,
    world,
    coordinator,
    signatories,
    document_settings,  # noqa: F811
):
    client.force_login(coordinator)
    review = start_review(client, world)
    client.post(reverse("followup:review", args=[review.pk]), draft_data(review, action="submit"))
    for signer in signatories:
        client.force_login(signer)
        sign(client, review)
    review.refresh_from_db()
    assert review.state == ReviewState.PUBLISHED
    client.force_login(coordinator)
    response = client.post(
        reverse("followup:review", args=[review.pk]),
        draft_data(review, summary="Ändrad i efterhand"),
    )
    assert response.status_code == 400
    assert "kan inte ändras" in response.content.decode()
    review.refresh_from_db()
    assert review.summary == "Ett bra år."


def test_two_coordinators_saving_at_once_the_second_keeps_what_they_wrote(
    client, world, coordinator, colleague
):
    client.force_login(coordinator)
    review = start_review(client, world)
    stale = draft_data(review, summary="Kollegans text")
    client.post(reverse("followup:review", args=[review.pk]), draft_data(review))
    client.force_login(colleague)
    response = client.post(reverse("followup:review", args=[review.pk]), stale)
    assert response.status_code == 409
    body = response.content.decode()
    assert "Någon annan har sparat uppföljningen" in body
    assert "Kollegans text" in body  # what they typed is still in the form
    review.refresh_from_db()
    assert review.summary == "Ett bra år."


@pytest.mark.parametrize(
    ("role", "organisation", "expected"),
    [
        (Role.SIGNATORY, "own_police_area", 302),
        (Role.SIGNATORY, "own_municipality", 302),
        (Role.SIGNATORY, "other_police_area", 403),
        (Role.SIGNATORY, "other_municipality", 403),
        (Role.COORDINATOR, "own_municipality", 403),
        (Role.COORDINATOR, "own_police_area", 403),
        (Role.EDITOR, "own_municipality", 403),
    ],
)
def test_only_the_parties_signatories_can_sign(
    client, world, coordinator, make_member, role, organisation, expected
):
    client.force_login(coordinator)
    review = start_review(client, world)
    client.post(reverse("followup:review", args=[review.pk]), draft_data(review, action="submit"))
    user = make_member(role, organisation)
    client.force_login(user)
    response = sign(client, review)
    assert response.status_code == expected
    if expected == 403:
        assert "behörighet" in response.content.decode().lower()
        assert not ReviewSignOff.objects.exists()
    else:
        assert ReviewSignOff.objects.filter(user=user).count() == 1


@pytest.mark.parametrize(
    ("role", "organisation", "can_see", "can_edit"),
    [
        (Role.COORDINATOR, "own_municipality", True, True),
        (Role.COORDINATOR, "own_police_area", True, True),
        (Role.SIGNATORY, "own_municipality", True, False),
        (Role.COORDINATOR, "other_municipality", False, False),
        (Role.SIGNATORY, "other_police_area", False, False),
        (Role.EDITOR, "own_municipality", False, False),
    ],
)
def test_who_sees_and_edits_a_draft(
    client, world, coordinator, make_member, role, organisation, can_see, can_edit
):
    client.force_login(coordinator)
    review = start_review(client, world)
    client.force_login(make_member(role, organisation))
    page = client.get(reverse("followup:review", args=[review.pk]))
    assert page.status_code == (200 if can_see else 403)
    response = client.post(
        reverse("followup:review", args=[review.pk]), draft_data(review, summary="Min text")
    )
    assert response.status_code == (302 if can_edit else 403)
    review.refresh_from_db()
    assert (review.summary == "Min text") == can_edit


def test_outsiders_cannot_start_a_review_and_residents_must_log_in(client, world, outsider):
    data = {"document": "pledge", "pk": world.pledge.pk, "period": "2024-01-01"}
    response = client.post(reverse("followup:review_start"), data)
    assert response.status_code == 302 and "/logga-in/" in response.url
    client.force_login(outsider)
    assert client.post(reverse("followup:review_start"), data).status_code == 403
    assert not Review.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"document": "pledge", "pk": "abc", "period": "2024-01-01"},
        {"document": "pledge", "pk": "1", "period": "inte-ett-datum"},
        {"document": "kommun", "pk": "1", "period": "2024-01-01"},
        {"document": "pledge", "pk": "999999", "period": "2024-01-01"},
        {},
    ],
)
def test_bad_start_requests_get_a_404_not_an_error(client, world, coordinator, data):
    client.force_login(coordinator)
    assert client.post(reverse("followup:review_start"), data).status_code == 404


def test_a_period_outside_the_pledge_is_refused_in_swedish(client, world, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("followup:review_start"),
        {"document": "pledge", "pk": world.pledge.pk, "period": "2019-01-01"},
        follow=True,
    )
    assert "Perioden hör inte till dokumentets giltighetstid." in response.content.decode()
    assert not Review.objects.exists()


def test_drafts_are_not_public(client, world, coordinator):
    client.force_login(coordinator)
    review = start_review(client, world)
    client.logout()
    assert client.get(reverse("followup:review_public", args=[review.pk])).status_code == 404
    assert client.get(reverse("followup:review", args=[review.pk])).status_code == 302
    assert client.get(reverse("followup:review_public", args=[123456])).status_code == 404
    assert "Ingen årlig uppföljning är publicerad ännu." in html_text(
        client.get(world.pledge.get_absolute_url())
    )


def test_start_page_shows_each_state_change(client, world, coordinator, signatories):
    police, _municipal = signatories
    client.force_login(coordinator)
    review = start_review(client, world)
    client.post(reverse("followup:review", args=[review.pk]), draft_data(review, action="submit"))
    client.force_login(police)
    client.post(reverse("followup:review_return", args=[review.pk]), {"comment": "Saknar siffror."})
    client.force_login(coordinator)
    start = html_text(client.get(reverse("followup:start")))
    events = re.findall(r"Uppföljning 2024, [^:]+: ([a-zåäö ]+)", start)
    assert events[:3] == ["återsänd till utkast ", "inskickad för underskrift ", "påbörjad "]
    assert "Saknar siffror." in start


def test_signing_twice_for_the_same_party_counts_once(client, world, coordinator, signatories):
    police, _municipal = signatories
    other_chief = UserFactory()
    MembershipFactory(
        user=other_chief, role=Role.SIGNATORY, municipality=None, police_area=world.own_police_area
    )
    client.force_login(coordinator)
    review = start_review(client, world)
    client.post(reverse("followup:review", args=[review.pk]), draft_data(review, action="submit"))
    client.force_login(police)
    sign(client, review)
    client.force_login(other_chief)
    response = sign(client, review)
    assert response.status_code == 400
    assert "Din part har redan skrivit under" in response.content.decode()
    assert ReviewSignOff.objects.count() == 1


def test_agreement_reviews_are_offered_per_follow_up_period(client, seeded):
    from agreements.models import Agreement

    agreement = Agreement.objects.get(slug="asele-2019-2022")
    user = UserFactory()
    MembershipFactory(user=user, role=Role.COORDINATOR, municipality=agreement.municipalities.get())
    client.force_login(user)
    start = html_text(client.get(reverse("followup:start")))
    assert "Påbörja uppföljningen 2019–2020" in start
    assert "Påbörja uppföljningen 2021–2022" in start
    response = client.post(
        reverse("followup:review_start"),
        {"document": "agreement", "pk": agreement.pk, "period": "2019-01-01"},
    )
    review = Review.objects.get(agreement=agreement)
    assert response.url == reverse("followup:review", args=[review.pk])
    assert review.items.count() == agreement.duties.count() > 0
    assert review.period_label == "2019–2020"
    assert datetime.date(2019, 1, 1) == review.period_start


def test_a_review_signed_while_sealing_fails_is_published_by_the_command_later(
    client,
    world,
    coordinator,
    signatories,
    settings,
    document_settings,  # noqa: F811
):
    client.force_login(coordinator)
    review = start_review(client, world)
    client.post(reverse("followup:review", args=[review.pk]), draft_data(review, action="submit"))
    certificate = settings.PORTAL_SEAL_PKCS12
    settings.PORTAL_SEAL_PKCS12 = "/finns/inte/seal.p12"
    for signer in signatories:
        client.force_login(signer)
        response = sign(client, review)
    assert response.status_code == 302  # the signature itself is never lost
    review.refresh_from_db()
    assert review.state == ReviewState.APPROVED
    assert ReviewSignOff.objects.filter(review=review).count() == 2
    assert "publiceras så snart" in html_text(client.get(response.url))
    settings.PORTAL_SEAL_PKCS12 = certificate
    call_command("publish_reviews", stdout=io.StringIO())
    review.refresh_from_db()
    assert review.state == ReviewState.PUBLISHED
    assert IssuedDocument.objects.for_object(review).count() == 1


def test_guessing_the_signing_password_locks_the_account_like_a_login(
    client, world, coordinator, signatories, settings
):
    police, _municipal = signatories
    client.force_login(coordinator)
    review = start_review(client, world)
    client.post(reverse("followup:review", args=[review.pk]), draft_data(review, action="submit"))
    client.force_login(police)
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign(client, review, password="gissning").status_code == 400
    response = sign(client, review, password="gissning")
    assert response.status_code == 429
    assert "Inloggningen är tillfälligt spärrad" in response.content.decode()
    # Locked out: the right password does not sign either, and nothing was recorded.
    assert sign(client, review).status_code == 429
    assert not ReviewSignOff.objects.exists()


def test_start_page_tells_each_role_what_waits_for_them(client, world, make_member):
    signer = make_member(Role.SIGNATORY, "own_police_area")
    client.force_login(signer)
    page = html_text(client.get(reverse("followup:start")))
    assert "Ingen uppföljning väntar på din underskrift just nu." in page
    assert "Ditt konto har ingen roll" not in page
    client.force_login(UserFactory())  # no membership at all
    page = html_text(client.get(reverse("followup:start")))
    assert "Ditt konto har ingen roll som samordnare, undertecknare eller redaktör" in page
