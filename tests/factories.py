"""factory_boy factories for the domain; fictional names only."""

import datetime

import factory

from agreements.models import Agreement, AgreementGoal, County, Municipality, PoliceArea
from pledges.models import Commitment, FocusArea, Pledge, PledgeSignatory
from portal.choices import PublicationStatus


class PoliceAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PoliceArea

    name = factory.Sequence(lambda n: f"Testområde {n}")
    slug = factory.Sequence(lambda n: f"testomrade-{n}")
    region = "nord"


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Testby {n}")
    official_name = factory.LazyAttribute(lambda m: f"{m.name} kommun")
    slug = factory.Sequence(lambda n: f"testby-{n}")
    code = factory.Sequence(lambda n: f"{9000 + n % 1000:04d}")
    county = County.VASTERBOTTEN
    police_area = factory.SubFactory(PoliceAreaFactory)


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Samverkansöverenskommelse {n}")
    slug = factory.Sequence(lambda n: f"overenskommelse-{n}")
    police_area = factory.SubFactory(PoliceAreaFactory)
    valid_from = datetime.date(2024, 1, 1)
    valid_until = datetime.date(2027, 12, 31)
    status = PublicationStatus.PUBLISHED

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(extracted)


class AgreementGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementGoal

    agreement = factory.SubFactory(AgreementFactory)
    text = factory.Sequence(lambda n: f"Mål nummer {n}")
    order = factory.Sequence(int)


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pledge
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Medborgarlöfte {n}")
    slug = factory.Sequence(lambda n: f"medborgarlofte-{n}")
    police_area = factory.SubFactory(PoliceAreaFactory)
    period_start = datetime.date(2026, 1, 1)
    period_end = datetime.date(2026, 12, 31)
    background = "Bakgrund till löftet."
    status = PublicationStatus.PUBLISHED

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(extracted)


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea

    pledge = factory.SubFactory(PledgeFactory)
    title = factory.Sequence(lambda n: f"Fokusområde {n}")
    description = "Beskrivning av fokusområdet."
    order = factory.Sequence(int)


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    pledge = factory.SubFactory(PledgeFactory)
    text = factory.Sequence(lambda n: f"Kommun och polis ska genomföra insats nummer {n}.")
    responsible = Commitment.Responsible.JOINT
    kind = Commitment.Kind.YEARLY_TARGET
    yearly_target = 6
    order = factory.Sequence(int)


class PledgeSignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PledgeSignatory

    pledge = factory.SubFactory(PledgeFactory)
    name = factory.Sequence(lambda n: f"Person Testsson {n}")
    title = "kommunalråd"
    party = "municipality"
    organisation = "Testby kommun"
