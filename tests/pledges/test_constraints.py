"""The database and the models refuse data that must never exist.

The constraints are tested on drafts: a published document refuses any save before the
database sees it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from agreements.models import Municipality
from pledges.models import Commitment
from portal.choices import PublicationStatus
from tests.factories import (
    AgreementFactory,
    CommitmentFactory,
    FocusAreaFactory,
    MunicipalityFactory,
    PledgeFactory,
)

pytestmark = pytest.mark.django_db


def draft_commitment(**values) -> Commitment:
    return CommitmentFactory(pledge=PledgeFactory(status=PublicationStatus.DRAFT), **values)


def test_database_refuses_pledge_ending_before_it_starts():
    pledge = PledgeFactory(status=PublicationStatus.DRAFT)
    pledge.period_end = pledge.period_start - datetime.timedelta(days=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        pledge.save()


def test_pledge_ending_before_it_starts_gets_a_swedish_message():
    pledge = PledgeFactory.build(
        period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2024, 12, 31)
    )
    with pytest.raises(ValidationError) as error:
        pledge.full_clean()
    assert "Periodens slut kan inte ligga före dess början." in error.value.messages


def test_database_refuses_agreement_ending_before_it_starts():
    agreement = AgreementFactory(status=PublicationStatus.DRAFT)
    agreement.valid_until = agreement.valid_from - datetime.timedelta(days=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        agreement.save()


def test_database_refuses_yearly_target_on_ongoing_commitment():
    commitment = draft_commitment(kind=Commitment.Kind.ONGOING, yearly_target=None)
    commitment.yearly_target = 3
    with pytest.raises(IntegrityError), transaction.atomic():
        commitment.save()


@pytest.mark.parametrize("target", [None, 0])
def test_database_refuses_yearly_kind_without_a_positive_target(target):
    commitment = draft_commitment()
    commitment.yearly_target = target
    with pytest.raises(IntegrityError), transaction.atomic():
        commitment.save()


def test_yearly_commitment_without_target_gets_a_swedish_message():
    commitment = CommitmentFactory.build(pledge=PledgeFactory(), yearly_target=None)
    with pytest.raises(ValidationError) as error:
        commitment.full_clean()
    assert error.value.message_dict["yearly_target"] == ["Ange hur många gånger per år (minst 1)."]


def test_named_municipality_must_be_given_for_that_responsibility():
    commitment = draft_commitment()
    commitment.responsible = Commitment.Responsible.NAMED_MUNICIPALITY
    with pytest.raises(IntegrityError), transaction.atomic():
        commitment.save()


def test_commitment_cannot_use_another_pledges_focus_area():
    commitment = CommitmentFactory.build(pledge=PledgeFactory(), focus_area=FocusAreaFactory())
    with pytest.raises(ValidationError) as error:
        commitment.full_clean()
    assert "focus_area" in error.value.message_dict


def test_slugs_are_unique():
    PledgeFactory(slug="samma")
    with pytest.raises(IntegrityError), transaction.atomic():
        PledgeFactory(slug="samma")


def test_focus_area_titles_are_unique_within_a_pledge():
    area = FocusAreaFactory(title="Trafik")
    with pytest.raises(IntegrityError), transaction.atomic():
        FocusAreaFactory(pledge=area.pledge, title="Trafik")


def test_municipality_code_must_be_four_digits():
    municipality = MunicipalityFactory.build(code="24A8")
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert error.value.message_dict["code"] == ["Kommunkoden består av fyra siffror."]
    with pytest.raises(IntegrityError), transaction.atomic():
        Municipality.objects.create(
            name="Fel", official_name="Fel kommun", slug="fel", code="12", county="gotland"
        )
