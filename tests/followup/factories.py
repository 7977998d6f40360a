"""Factories for accounts, memberships and the activity log; fictional names only."""

import datetime

import factory
from django.contrib.auth import get_user_model

from agreements.models import Membership
from followup.models import Activity, PlannedActivity
from tests.factories import CommitmentFactory, FocusAreaFactory, MunicipalityFactory


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"anvandare-{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Testsson {n}")
    password = factory.django.Password("ett-langt-testlosenord")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    police_area = None
    role = Membership.Role.COORDINATOR


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    commitment = factory.SubFactory(CommitmentFactory)
    date = datetime.date(2024, 5, 14)
    text = factory.Sequence(lambda n: f"Trygghetsvandring nummer {n}")
    count = 1


class PlannedActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlannedActivity

    focus_area = factory.SubFactory(FocusAreaFactory)
    text = factory.Sequence(lambda n: f"Planerad aktivitet {n}")
