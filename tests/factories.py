"""factory_boy factories for the domain; fictional names only."""

import datetime

import factory

from agreements.models import (
    Agreement,
    AgreementDuty,
    AgreementGoal,
    AgreementSignatory,
    County,
    Municipality,
    PoliceArea,
)
from pledges.models import Commitment, FocusArea, Pledge, PledgeSignatory
from portal.choices import PublicationStatus


class DocumentFactory(factory.django.DjangoModelFactory):
    """A pledge or agreement, written as a draft and given its status (published by
    default) once its municipalities are set: a published document takes no changes."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        status = kwargs.pop("status", PublicationStatus.PUBLISHED)
        document = super()._create(model_class, *args, **kwargs, status=PublicationStatus.DRAFT)
        document._factory_status = status
        return document

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        status = getattr(instance, "_factory_status", PublicationStatus.DRAFT)
        if create and status != PublicationStatus.DRAFT:
            instance.status = status
            instance.save()


class DocumentPartFactory(factory.django.DjangoModelFactory):
    """A part of a document, inserted as the seed loader and the national data do: tests
    add parts to documents that are already published, which save() refuses."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.objects.bulk_create([model_class(*args, **kwargs)])[0]


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


class AgreementFactory(DocumentFactory):
    class Meta:
        model = Agreement

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


class AgreementGoalFactory(DocumentPartFactory):
    class Meta:
        model = AgreementGoal

    agreement = factory.SubFactory(AgreementFactory)
    text = factory.Sequence(lambda n: f"Mål nummer {n}")
    order = factory.Sequence(int)


class AgreementDutyFactory(DocumentPartFactory):
    class Meta:
        model = AgreementDuty

    agreement = factory.SubFactory(AgreementFactory)
    party = "police"
    text = factory.Sequence(lambda n: f"Polisen ska genomföra åtagande nummer {n}.")
    order = factory.Sequence(int)


class AgreementSignatoryFactory(DocumentPartFactory):
    class Meta:
        model = AgreementSignatory

    agreement = factory.SubFactory(AgreementFactory)
    name = factory.Sequence(lambda n: f"Person Avtalsson {n}")
    title = "lokalpolisområdeschef"
    party = "police"
    organisation = "Polismyndigheten"


class PledgeFactory(DocumentFactory):
    class Meta:
        model = Pledge

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


class FocusAreaFactory(DocumentPartFactory):
    class Meta:
        model = FocusArea

    pledge = factory.SubFactory(PledgeFactory)
    title = factory.Sequence(lambda n: f"Fokusområde {n}")
    description = "Beskrivning av fokusområdet."
    order = factory.Sequence(int)


class CommitmentFactory(DocumentPartFactory):
    class Meta:
        model = Commitment

    pledge = factory.SubFactory(PledgeFactory)
    text = factory.Sequence(lambda n: f"Kommun och polis ska genomföra insats nummer {n}.")
    responsible = Commitment.Responsible.JOINT
    kind = Commitment.Kind.YEARLY_TARGET
    yearly_target = 6
    order = factory.Sequence(int)


class PledgeSignatoryFactory(DocumentPartFactory):
    class Meta:
        model = PledgeSignatory

    pledge = factory.SubFactory(PledgeFactory)
    name = factory.Sequence(lambda n: f"Person Testsson {n}")
    title = "kommunalråd"
    party = "municipality"
    organisation = "Testby kommun"
