import datetime as dt

import factory
from django.contrib.auth import get_user_model

from planner.models import KPI, Goal, Membership, Organization, Plan
from planner.templates_catalog import TEMPLATE_DIR

# The example plan (a contact lens mail-order shop), as the template catalogue ships it.
EXAMPLE = TEMPLATE_DIR / "kontaktlinsen-versand.json"

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Firma {n} GmbH")
    slug = factory.Sequence(lambda n: f"firma-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Membership.Role.LEAD


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Social-Media-Strategie {n}")
    language = "de"
    start_date = dt.date(2027, 1, 1)
    horizon_months = 12


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    plan = factory.SubFactory(PlanFactory)
    key = factory.Sequence(lambda n: f"goal-{n}")
    category = Goal.Category.LOYALTY
    title = factory.Sequence(lambda n: f"Kundenbindung stärken {n}")
    priority = 1
    order = factory.Sequence(int)


class KPIFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KPI

    goal = factory.SubFactory(GoalFactory)
    name = "Wiederkaufrate"
    metric = KPI.Metric.REPURCHASE_RATE
    unit = "%"
    baseline = 38
    target = 42
    due = dt.date(2027, 12, 31)
