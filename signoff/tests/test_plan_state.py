"""The plan's state beside its title, on the overview and the dashboard: a draft until a version is
approved; approved with its version while the plan is unchanged (KPI check-ins measure it, they do
not change it); changed since, after any other edit, also one made while the review was open."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from planner.models import KPI, Plan
from reports.services import version_approve, version_freeze
from signoff import services

pytestmark = pytest.mark.django_db


def badges(client, plan) -> tuple[str, str]:
    """The state badge on the plan's overview and in its row of the dashboard."""
    overview = client.get(reverse("planner:plan", args=[plan.pk])).content.decode()
    dashboard = client.get(reverse("planner:dashboard")).content.decode()
    found = []
    for page in (overview, dashboard):
        states = re.findall(r'class="badge [^"]* plan-state">([^<]+)</span>', page)
        assert len(states) == 1, states
        found.append(states[0])
    return found[0], found[1]


def edit(plan) -> None:
    Plan.objects.filter(pk=plan.pk).update(title="Social-Media-Strategie 2028", updated_at=dt.datetime.now(dt.UTC))


def test_a_draft_an_approved_a_measured_and_a_changed_plan(example_plan, people, clients):
    client = clients["executive"]
    assert badges(client, example_plan) == ("Entwurf", "Entwurf")

    version = version_freeze(plan=example_plan, user=people["lead"])
    version_approve(version=version, user=people["executive"], open_comments=0)
    assert badges(client, example_plan) == ("freigegeben · Version 1",) * 2

    kpi = KPI.objects.filter(goal__plan=example_plan).first()
    services.checkin_record(kpi=kpi, user=people["lead"], date=dt.date(2027, 3, 31), value=Decimal("39"), note="")
    assert badges(client, example_plan) == ("freigegeben · Version 1",) * 2

    edit(example_plan)
    assert badges(client, example_plan) == ("geändert seit Freigabe von Version 1",) * 2
    english = client.get(reverse("planner:plan", args=[example_plan.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "changed since version 1 was approved" in english.content.decode()


def test_an_edit_made_while_the_review_was_open_is_not_approved(example_plan, people, clients):
    version = version_freeze(plan=example_plan, user=people["lead"])
    edit(example_plan)  # the lead goes on writing before the executive decides
    version_approve(version=version, user=people["executive"], open_comments=0)
    assert badges(clients["lead"], example_plan) == ("geändert seit Freigabe von Version 1",) * 2


def test_an_archived_plan_says_so(example_plan, people, clients):
    version_approve(
        version=version_freeze(plan=example_plan, user=people["lead"]), user=people["admin"], open_comments=0
    )
    Plan.objects.filter(pk=example_plan.pk).update(status=Plan.Status.ARCHIVED)
    overview = clients["lead"].get(reverse("planner:plan", args=[example_plan.pk])).content.decode()
    assert re.findall(r'plan-state">([^<]+)</span>', overview) == ["Archiviert"]
