"""The wizard pages and the overview run the same number of queries for a small and a large plan, both with the
plan's summary in the cache and without (the first page after a save)."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planner.models import (
    KPI,
    Competitor,
    ContentTheme,
    Goal,
    Guideline,
    Milestone,
    PlanChannel,
    Role,
    TargetGroup,
)
from planner.steps import STEPS
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db

PAGES = [step.slug for step in STEPS] + ["overview", "dashboard"]


def plan_of_size(organization, channels, n: int):
    plan = PlanFactory(organization=organization)
    catalogue = list(channels.values())
    for i in range(n):
        goal = Goal.objects.create(plan=plan, key=f"g{i}", category="loyalty", title=f"Ziel {i}", order=i)
        KPI.objects.create(
            goal=goal, name="Wiederkaufrate", metric="repurchase_rate", target=5, due=dt.date(2027, 6, 1)
        )
        KPI.objects.create(goal=goal, name="NPS", metric="nps", target=50, due=dt.date(2027, 6, 1))
        group = TargetGroup.objects.create(plan=plan, key=f"t{i}", name=f"Gruppe {i}", creators=10, order=i)
        channel = PlanChannel.objects.create(plan=plan, channel=catalogue[i % len(catalogue)], order=i)
        channel.target_groups.add(group)
        channel.goals.add(goal)
        theme = ContentTheme.objects.create(plan=plan, title=f"Thema {i}", kind="educational", order=i)
        theme.target_groups.add(group)
        theme.channels.add(catalogue[i % len(catalogue)])
        Competitor.objects.create(plan=plan, name=f"Wettbewerber {i}", order=i)
        Role.objects.create(plan=plan, person=f"Person {i}", is_owner=i == 0, order=i)
        Guideline.objects.create(plan=plan, topic=f"Thema {i}", text="Text", order=i)
        Milestone.objects.create(
            plan=plan, title=f"Meilenstein {i}", start=dt.date(2027, 1, 1), end=dt.date(2027, 2, 1)
        )
    return plan


def url_for(plan, page):
    if page == "overview":
        return reverse("planner:plan", args=[plan.pk])
    if page == "dashboard":
        return reverse("planner:dashboard")
    return reverse("planner:step", args=[plan.pk, page])


def queries(client, url, *, cold: bool = False) -> int:
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("page", PAGES)
def test_queries_do_not_grow_with_the_plan(lead_client, organization, channels, page):
    small = plan_of_size(organization, channels, 1)
    large = plan_of_size(organization, channels, 50)
    queries(lead_client, url_for(small, page))  # warm up the session and caches
    queries(lead_client, url_for(large, page))
    assert queries(lead_client, url_for(small, page)) == queries(lead_client, url_for(large, page))
    assert queries(lead_client, url_for(small, page), cold=True) == queries(
        lead_client, url_for(large, page), cold=True
    )


def test_the_dashboard_queries_do_not_grow_with_the_number_of_plans(lead_client, organization, channels):
    plan_of_size(organization, channels, 2)
    url = reverse("planner:dashboard")
    queries(lead_client, url)  # warm up the session and caches
    one, one_cold = queries(lead_client, url), queries(lead_client, url, cold=True)
    for _ in range(9):
        plan_of_size(organization, channels, 2)
    assert queries(lead_client, url, cold=True) == one_cold
    assert queries(lead_client, url) == one
