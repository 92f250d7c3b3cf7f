"""The keys added within version 1: a role's kind, a KPI's channel and its check-ins (actuals), a
theme's kind. They round-trip; a file without them imports unchanged and exports without them."""

import json
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from planner.models import KPI, KPICheckIn, Role
from planner.plan_file import (
    PlanFileError,
    document_dumps,
    parse_document,
    plan_import,
    plan_to_document,
    prefetched_plan_to_document,
)
from planner.selectors import plan_with_parts
from tests.factories import EXAMPLE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def document(**plan: Any) -> dict[str, Any]:
    return {"format": "social-media-strategy-plan", "version": 1, "plan": {"title": "Plan", **plan}}


def problems(source: dict[str, Any]) -> list[str]:
    try:
        parse_document(json.dumps(source))
    except PlanFileError as error:
        return error.problems
    return []


def imported(source: dict[str, Any]):
    return plan_import(document=parse_document(document_dumps(source)))


def kpi(**values: Any) -> dict[str, Any]:
    return {"name": "Follower", "metric": "followers", "unit": "", "baseline": 40, "target": 600,
            "due": "2027-12-31", **values}  # fmt: skip


def with_kpi(**values: Any) -> dict[str, Any]:
    goal = {"key": "reach", "category": "awareness", "title": "Reichweite", "description": "", "priority": 1}
    return document(goals=[{**goal, "kpis": [kpi(**values)]}])


def test_the_new_keys_round_trip(channels):
    source = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    plan = source["plan"]
    plan["roles"][1]["kind"] = "staff"
    plan["roles"].append({"person": "Pixelwerk", "title": "Agentur", "responsibilities": "Videos", "kind": "external",
                          "is_owner": False, "hours_per_week": 4})  # fmt: skip
    plan["goals"][2]["kpis"][0]["channel"] = "facebook"
    plan["goals"][2]["kpis"][0]["actuals"] = [
        {"date": "2027-03-31", "value": 44, "note": "Quartal 1"},
        {"date": "2027-06-30", "value": 51.5, "note": ""},
    ]
    plan["content_themes"][0]["kind"] = "educational"
    assert plan_to_document(imported(source)) == source


def test_check_ins_are_sorted_by_date_on_export(channels):
    actuals = [{"date": "2027-06-30", "value": 2, "note": "b"}, {"date": "2027-03-31", "value": 1, "note": "a"}]
    exported = plan_to_document(imported(with_kpi(actuals=actuals)))
    assert exported["plan"]["goals"][0]["kpis"][0]["actuals"] == sorted(actuals, key=lambda a: a["date"])


def test_the_example_file_without_the_new_keys_imports_unchanged_and_exports_without_them(channels):
    source = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    plan = imported(source)
    assert set(Role.objects.filter(plan=plan).values_list("kind", flat=True)) == {""}
    assert not KPI.objects.filter(goal__plan=plan, channel__isnull=False).exists()
    assert not KPICheckIn.objects.filter(kpi__goal__plan=plan).exists()
    exported = plan_to_document(plan)
    assert exported == source
    assert "kind" not in exported["plan"]["roles"][0]
    assert "channel" not in exported["plan"]["goals"][0]["kpis"][0]
    assert "actuals" not in exported["plan"]["goals"][0]["kpis"][0]


def test_a_missing_dialogue_value_is_false(channels):
    plan = imported(document(channels=[{"channel": "blog"}]))
    assert plan.channels.get().dialogue is False


def test_an_unknown_kpi_channel_is_refused_with_its_path(channels):
    assert problems(with_kpi(channel="myspace")) == ["plan.goals[0].kpis[0].channel: unknown channel 'myspace'"]
    assert problems(with_kpi(channel="linkedin")) == []


@pytest.mark.parametrize(
    ("actual", "line"),
    [
        ({"value": 1}, "plan.goals[0].kpis[0].actuals[0].date: is required"),
        ({"date": "2027-01-01"}, "plan.goals[0].kpis[0].actuals[0].value: is required"),
        ({"date": "31.12.2027", "value": 1}, "plan.goals[0].kpis[0].actuals[0].date: must be a date (YYYY-MM-DD)"),
        ({"date": "2200-01-01", "value": 1}, "plan.goals[0].kpis[0].actuals[0].date: must not be after 2199-12-31"),
        ({"date": "2027-01-01", "value": 1e13}, "plan.goals[0].kpis[0].actuals[0].value: must be at most 10**12"),
        ({"date": "2027-01-01", "value": "5"}, "plan.goals[0].kpis[0].actuals[0].value: must be a number"),
        ({"date": "2027-01-01", "value": 1, "by": "x"}, "plan.goals[0].kpis[0].actuals[0].by: unknown key"),
    ],
)
def test_a_bad_check_in_is_refused_with_its_path(channels, actual, line):
    assert problems(with_kpi(actuals=[actual])) == [line.replace("10**12", str(10**12))]


def test_a_role_kind_must_be_one_of_the_formats(channels):
    source = document(roles=[{"person": "Lea", "kind": "intern"}])
    assert problems(source) == ["plan.roles[0].kind: must be one of: management, staff, trainee, external (or empty)"]


def test_check_ins_count_as_list_entries(channels):
    actuals = [{"date": "2027-01-01", "value": i} for i in range(500)]
    assert problems(with_kpi(actuals=actuals)) == []
    assert problems(with_kpi(actuals=[*actuals, {"date": "2027-01-01", "value": 1}])) == [
        "plan.goals[0].kpis[0].actuals: must have at most 500 entries"
    ]


def test_importing_many_check_ins_costs_the_same_queries_as_one(channels):
    def queries(count: int) -> int:
        source = with_kpi(actuals=[{"date": "2027-01-01", "value": i} for i in range(count)])
        parsed = parse_document(document_dumps(source))
        with CaptureQueriesContext(connection) as context:
            plan_import(document=parsed)
        return len(context.captured_queries)

    queries(1)  # the first import creates the organization "Imported plans"
    assert queries(1) == queries(200)


def test_the_quick_document_costs_no_query_with_kpi_channels_and_check_ins(channels, django_assert_num_queries):
    plan = imported(with_kpi(channel="blog", actuals=[{"date": "2027-01-01", "value": 1}]))
    loaded = plan_with_parts(plan.pk)
    loaded.channels.all()  # the prefetch is there
    quick = prefetched_plan_to_document(loaded, link_order=False)
    assert quick["plan"]["goals"][0]["kpis"][0]["channel"] == "blog"
    full = plan_to_document(plan)
    assert full["plan"]["goals"][0]["kpis"][0]["actuals"] == [{"date": "2027-01-01", "value": 1, "note": ""}]
