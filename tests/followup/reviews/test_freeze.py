"""A published review is frozen: models, querysets, services and the admin refuse every write."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from followup.models import (
    Assessment,
    Review,
    ReviewFrozenError,
    ReviewItem,
    ReviewSignOff,
    ReviewState,
)
from followup.reviews import signing
from tests.documents.conftest import certificate_files, document_settings  # noqa: F401
from tests.followup.factories import UserFactory
from tests.followup.review_fixtures import SUMMARY, fill, start_granby, submit

pytestmark = pytest.mark.django_db


def test_published_review_refuses_save(published):
    published.summary = "Ändrad i efterhand"

    with pytest.raises(ReviewFrozenError):
        published.save()

    published.refresh_from_db()
    assert published.summary == SUMMARY


def test_published_review_refuses_a_save_dressed_as_publication(published):
    published.summary = "Ändrad i efterhand"

    with pytest.raises(ReviewFrozenError):
        published.save(update_fields=["state", "published_at"])


def test_published_review_refuses_delete(published):
    with pytest.raises(ReviewFrozenError):
        published.delete()

    assert Review.objects.filter(pk=published.pk).exists()


def test_published_review_refuses_queryset_update_and_delete(published):
    with pytest.raises(ReviewFrozenError):
        Review.objects.filter(pk=published.pk).update(summary="Ändrad")
    with pytest.raises(ReviewFrozenError):
        Review.objects.filter(pk=published.pk).update(state=ReviewState.DRAFT)
    with pytest.raises(ReviewFrozenError):
        Review.objects.all().delete()

    published.refresh_from_db()
    assert (published.summary, published.state) == (SUMMARY, ReviewState.PUBLISHED)


def test_items_of_a_published_review_refuse_save_and_delete(published):
    item = published.items.first()
    item.assessment = Assessment.NOT_DONE

    with pytest.raises(ReviewFrozenError):
        item.save()
    with pytest.raises(ReviewFrozenError):
        item.delete()
    with pytest.raises(ReviewFrozenError):
        ReviewItem(review=published, text="Ett löfte i efterhand").save()

    assert published.items.get(pk=item.pk).assessment == Assessment.DONE
    assert published.items.count() == 2


def test_items_of_a_published_review_refuse_queryset_update_and_delete(published):
    with pytest.raises(ReviewFrozenError):
        ReviewItem.objects.filter(review=published).update(assessment=Assessment.NOT_DONE)
    with pytest.raises(ReviewFrozenError):
        ReviewItem.objects.filter(review=published).delete()

    assert set(published.items.values_list("assessment", flat=True)) == {Assessment.DONE}


def test_sign_offs_refuse_save_update_and_delete(published, granby_people):
    sign_off = published.sign_offs.first()
    sign_off.name = "Någon annan"

    with pytest.raises(ReviewFrozenError):
        sign_off.save()
    with pytest.raises(ReviewFrozenError):
        sign_off.delete()
    with pytest.raises(ReviewFrozenError):
        ReviewSignOff.objects.filter(review=published).update(name="Någon annan")
    with pytest.raises(ReviewFrozenError):
        ReviewSignOff.objects.filter(review=published).delete()

    assert set(published.sign_offs.values_list("name", flat=True)) == {
        "Lena Norrström",
        "Kim Kommunsson 1",
    }


def test_a_published_review_takes_no_further_sign_off(published, granby_people):
    extra = ReviewSignOff(
        review=published,
        content_version=published.content_version + 1,
        content_sha256="b" * 64,
        police_area=published.pledge.police_area,
        user=granby_people.police,
        name="Sent påkommen",
        organisation="Polisen",
    )
    with pytest.raises(ReviewFrozenError):
        extra.save()
    assert published.sign_offs.count() == 2


def test_services_refuse_to_change_a_published_review(published, granby_people):
    with pytest.raises(ValidationError):
        fill(published, granby_people.coordinator, summary="Ändrad")
    with pytest.raises(ValidationError):
        signing.review_return(user=granby_people.police, review=published, comment="Ångra")
    with pytest.raises(ValidationError):
        submit(published, granby_people.coordinator)

    published.refresh_from_db()
    assert (published.summary, published.state) == (SUMMARY, ReviewState.PUBLISHED)


# Admin ----------------------------------------------------------------------------


def test_admin_cannot_change_or_delete_a_published_review(published, client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = f"/admin/followup/review/{published.pk}/change/"

    page = client.get(url)
    assert page.status_code == 200
    assert SUMMARY in page.content.decode()
    assert 'name="summary"' not in page.content.decode()

    response = client.post(url, {"summary": "Ändrad av personalen", "state": "draft"})
    assert response.status_code == 403
    delete = client.post(f"/admin/followup/review/{published.pk}/delete/", {"post": "yes"})
    assert delete.status_code == 403

    published.refresh_from_db()
    assert (published.summary, published.state) == (SUMMARY, ReviewState.PUBLISHED)


def test_admin_history_page_cannot_restore_an_earlier_version(world, granby_people, client):
    review = start_granby(world, granby_people)
    fill(review, granby_people.coordinator)
    started = review.history.earliest()
    assert started.summary == ""
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = f"/admin/followup/review/{review.pk}/history/{started.history_id}/"

    assert client.get(url).status_code == 200
    response = client.post(url, {})

    assert response.status_code == 403
    review.refresh_from_db()
    assert (review.summary, review.content_version) == (SUMMARY, 2)


def test_admin_history_page_cannot_restore_a_published_review(published, client):
    submitted_version = published.history.filter(state=ReviewState.SUBMITTED).earliest()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.post(
        f"/admin/followup/review/{published.pk}/history/{submitted_version.history_id}/", {}
    )

    assert response.status_code == 403
    published.refresh_from_db()
    assert published.state == ReviewState.PUBLISHED
