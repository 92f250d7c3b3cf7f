"""A wizard save writes only what changed: saving a step of a large plan unchanged writes nothing of the plan, in
as many queries as for a small plan; a changed text is one UPDATE of its row."""

import re

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench.forms import form_values
from bench.plans import large_document
from checklists.models import ChecklistItem
from planner.models import KPI, Goal
from planner.plan_file import document_dumps, parse_document, plan_import

pytestmark = pytest.mark.django_db

WRITE = re.compile(r'^\s*(INSERT INTO|UPDATE|DELETE FROM) "(\w+)"', re.IGNORECASE)


def imported(document, organization, lead):
    return plan_import(document=parse_document(document_dumps(document)), organization=organization, user=lead)


@pytest.fixture
def large_plan(channels, organization, lead):
    return imported(large_document(checklist_items=list(ChecklistItem.objects.values_list("slug", flat=True))),
                    organization, lead)  # fmt: skip


@pytest.fixture
def small_plan(channels, organization, lead):
    """The large plan cut down to a few rows of each part, its links and checklist answers kept."""
    document = large_document(checklist_items=list(ChecklistItem.objects.values_list("slug", flat=True)))
    plan = document["plan"]
    plan["title"] = "Kleiner Plan"
    plan["goals"], plan["target_groups"] = plan["goals"][:2], plan["target_groups"][:2]
    goals, groups = {g["key"] for g in plan["goals"]}, {g["key"] for g in plan["target_groups"]}
    plan["channels"] = plan["channels"][:2]
    for channel in plan["channels"]:
        channel["goals"], channel["target_groups"] = sorted(goals), sorted(groups)
    plan["content_themes"] = plan["content_themes"][:2]
    for theme in plan["content_themes"]:
        theme["target_groups"] = sorted(groups)
        theme["channels"] = [channel["channel"] for channel in plan["channels"]]
    plan["guidelines"], plan["milestones"] = plan["guidelines"][:2], plan["milestones"][:2]
    return imported(document, organization, lead)


def save(client, plan, step: str, change=lambda data: data) -> list[str]:
    """Post the step's own form data (``change`` may alter it) and return the queries of the POST."""
    url = reverse("planner:step", args=[plan.pk, step])
    form = lxml.html.fromstring(client.get(url).content).get_element_by_id("step-form")
    posted: dict[str, list[str]] = {}
    for name, value in change([*form_values(form), ("nav", "stay")]):
        posted.setdefault(name, []).append(value)
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url, posted)
    assert response.status_code == 302
    return [query["sql"] for query in captured.captured_queries]


def writes(queries: list[str]) -> list[tuple[str, str]]:
    return [(m.group(1).split()[0].upper(), m.group(2)) for m in map(WRITE.match, queries) if m]


@pytest.mark.parametrize("step", ["goals", "target-groups", "channels", "content", "guidelines", "checklist"])
def test_an_unchanged_save_of_a_large_plan_writes_nothing_of_the_plan(lead_client, large_plan, small_plan, step):
    # The first save stores the texts as the form keeps them (the generated plan's have trailing spaces).
    save(lead_client, large_plan, step), save(lead_client, small_plan, step)
    large_plan.refresh_from_db()
    revision = large_plan.revision
    large = save(lead_client, large_plan, step)
    # Only the user's draft of the step is discarded (there is none); the plan and its parts are not written.
    assert writes(large) == [("DELETE", "planner_stepdraft")]
    large_plan.refresh_from_db()
    assert large_plan.revision == revision
    assert len(large) == len(save(lead_client, small_plan, step))  # as many queries however large the plan


def test_a_changed_kpi_target_is_one_update_of_that_kpi(lead_client, large_plan):
    kpi = KPI.objects.filter(goal__plan=large_plan).order_by("goal__order", "order").last()

    def new_target(data):
        name = next(n for n, v in data if n.endswith("-id") and v == str(kpi.pk))[: -len("id")] + "target"
        return [(n, "999" if n == name else v) for n, v in data]

    save(lead_client, large_plan, "goals")  # the texts as the form keeps them
    queries = save(lead_client, large_plan, "goals", new_target)
    updates = [table for kind, table in writes(queries) if kind == "UPDATE"]
    assert updates.count("planner_kpi") == 1 and "planner_goal" not in updates
    assert sorted(set(updates)) == ["planner_kpi", "planner_plan"]  # the row, and the plan's revision
    kpi.refresh_from_db()
    assert kpi.target == 999
    assert Goal.objects.filter(plan=large_plan).count() == 30
