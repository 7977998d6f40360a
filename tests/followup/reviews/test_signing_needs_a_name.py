"""No signature on a follow-up without a full name: the review page sends a nameless
signatory to the name page first, a forged POST records nothing, the service refuses in
Swedish, and the form's title is the profile's."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from followup.models import ReviewEvent, ReviewSignOff
from portal.people import profile_update
from tests.drafting_forms import form_data
from tests.followup.review_fixtures import PASSWORD, sign
from tests.seeds import html_text

pytestmark = pytest.mark.django_db


def review_url(review) -> str:
    return reverse("followup:review", args=[review.pk])


@pytest.fixture
def nameless_police(granby_people):
    police = granby_people.police
    police.first_name = police.last_name = ""
    police.save()
    return police


def test_the_review_page_links_to_the_name_page_instead_of_the_form(
    client, submitted, nameless_police
):
    client.force_login(nameless_police)
    page = client.get(review_url(submitted)).content.decode()

    assert "Ange ditt namn och din titel innan du skriver under" in html_text(page)
    assert f'href="/samordnare/konto/?next={review_url(submitted)}"' in page
    assert 'name="password"' not in page


def test_a_forged_signature_without_a_name_records_nothing(client, submitted, nameless_police):
    client.force_login(nameless_police)
    response = client.post(
        reverse("followup:review_sign", args=[submitted.pk]),
        {"password": PASSWORD, "title": "Chef", "content_version": submitted.content_version},
    )

    assert response.status_code == 400
    assert "Ange ditt namn och din titel innan du skriver under" in html_text(
        response.content.decode()
    )
    assert not ReviewSignOff.objects.exists()
    assert not submitted.events.filter(kind=ReviewEvent.Kind.SIGNED).exists()


def test_the_service_refuses_a_signature_without_a_name(submitted, nameless_police):
    with pytest.raises(ValidationError) as refused:
        sign(submitted, nameless_police)

    assert refused.value.code == "name_required"
    assert not ReviewSignOff.objects.exists()


def test_the_title_is_prefilled_from_the_profile_and_recorded(client, submitted, granby_people):
    police = granby_people.police
    profile_update(
        user=police, first_name="Lena", last_name="Norrström", title="Lokalpolisområdeschef"
    )
    client.force_login(police)
    page = client.get(review_url(submitted)).content.decode()
    sign_form = page[page.index('id="skriv-under-rubrik"') :]
    data = form_data(sign_form)
    assert data["title"] == "Lokalpolisområdeschef"

    data["password"] = PASSWORD
    response = client.post(reverse("followup:review_sign", args=[submitted.pk]), data)
    assert response.status_code == 302
    sign_off = ReviewSignOff.objects.get()
    assert (sign_off.name, sign_off.title) == ("Lena Norrström", "Lokalpolisområdeschef")


def test_a_signature_without_a_title_takes_the_profiles(submitted, granby_people):
    police = granby_people.police
    profile_update(user=police, first_name="Lena", last_name="Norrström", title="Polischef")

    sign(submitted, police)

    assert ReviewSignOff.objects.get().title == "Polischef"
