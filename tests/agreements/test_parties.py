"""A party is one municipality or one police area: the value type names, keys and labels
it; the database refuses a row that names both or neither."""

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from agreements.models import Membership, Party, document_parties
from agreements.models.parties import parties_line
from tests.factories import AgreementFactory, MunicipalityFactory, PledgeFactory


def test_a_party_is_exactly_one_organisation(db):
    municipality = MunicipalityFactory(name="Testby", official_name="Testby kommun")
    with pytest.raises(ValueError):
        Party()
    with pytest.raises(ValueError):
        Party(municipality=municipality, police_area=municipality.police_area)
    party = Party(municipality=municipality)
    assert party.key == ("municipality", municipality.pk)
    assert party.name == "Testby kommun"


def test_document_parties_name_the_police_first_then_each_municipality(db):
    # Named, so that their order by name does not hang on the factory's sequence
    # ("Testby 10" sorts before "Testby 9").
    first, second = MunicipalityFactory(name="Aby"), MunicipalityFactory(name="Bby")
    pledge = PledgeFactory(municipalities=[first, second])
    parties = document_parties(pledge)
    assert [p.organisation for p in parties] == [pledge.police_area, first, second]
    assert parties_line(pledge) == (
        f"Polisen, lokalpolisområde {pledge.police_area.name} och "
        f"{first.official_name}, {second.official_name}"
    )


def test_a_document_naming_no_police_area_names_the_police_as_its_text_does(db):
    municipality = MunicipalityFactory()
    pledge = PledgeFactory(police_area=None, municipalities=[municipality])
    agreement = AgreementFactory(
        police_area=None, police_party_name="Polismyndigheten", municipalities=[municipality]
    )
    assert parties_line(pledge) == f"Polisen och {municipality.official_name}"
    assert parties_line(agreement) == f"Polismyndigheten och {municipality.official_name}"


def test_a_membership_names_one_organisation_never_both_or_neither(db):
    user = User.objects.create_user("testperson")
    municipality = MunicipalityFactory()
    both = Membership(
        user=user,
        municipality=municipality,
        police_area=municipality.police_area,
        role=Membership.Role.EDITOR,
    )
    with pytest.raises(ValidationError, match="antingen en kommun eller ett lokalpolisområde"):
        both.full_clean()
    for municipality_value, police_area in [(municipality, municipality.police_area), (None, None)]:
        with pytest.raises(IntegrityError), transaction.atomic():
            Membership.objects.create(
                user=user,
                municipality=municipality_value,
                police_area=police_area,
                role=Membership.Role.EDITOR,
            )
