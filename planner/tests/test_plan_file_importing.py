"""plan_import: every value the parser lets through fits the database, in one transaction and a
fixed number of queries whatever the plan's size."""

import json
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from planner import limits
from planner.models import KPI, Goal, Organization, Plan, PlanChannel
from planner.plan_file import document_dumps, parse_document, plan_import, plan_to_document
from tests.factories import EXAMPLE

pytestmark = pytest.mark.django_db


def document(**plan: Any) -> dict[str, Any]:
    return {"format": "social-media-strategy-plan", "version": 1, "plan": {"title": "Plan", **plan}}


def imported(source: dict[str, Any], **kwargs: Any) -> Plan:
    return plan_import(document=parse_document(document_dumps(source)), **kwargs)


def test_a_plan_at_every_upper_limit_imports_and_exports_the_same_values(channels):
    source = document(
        title="T" * limits.MAX_TITLE,
        organization="O" * limits.MAX_ORGANIZATION_NAME,
        summary="s" * limits.MAX_TEXT,
        start_date=limits.MIN_DATE.isoformat(),
        horizon_months=limits.MAX_HORIZON_MONTHS,
        goals=[
            {
                "key": "g1",
                "priority": limits.MAX_PRIORITY,
                "kpis": [
                    {"baseline": -999_999_999_999.9999, "target": 999_999_999_999, "due": limits.MAX_DATE.isoformat()},
                    {"baseline": 0.0001, "target": 999_999_999_999.9999},
                ],
            }
        ],
        channels=[{"channel": "blog", "posts_per_week": limits.MAX_POSTS_PER_WEEK, "phase": limits.MAX_PHASE}],
        roles=[{"person": "A", "hours_per_week": limits.MAX_ROLE_HOURS}, {"person": "B", "hours_per_week": 0.25}],
        resources={
            "staff_hours_per_week": limits.MAX_STAFF_HOURS,
            "paid_media_budget_eur": limits.MAX_MONEY_EUR,
            "tools_budget_eur": 999_999_999.99,
        },
        review={"cadence_months": limits.MAX_REVIEW_CADENCE_MONTHS},
        target_groups=[{"key": "tg", "technographics": {"creators": limits.MAX_TECHNOGRAPHIC_SHARE}}],
    )
    body = plan_to_document(imported(source))["plan"]
    assert body["title"] == source["plan"]["title"] and body["organization"] == source["plan"]["organization"]
    assert len(body["summary"]) == limits.MAX_TEXT
    assert body["goals"][0]["kpis"][0] | {"name": "", "metric": "", "unit": ""} == {
        "name": "",
        "metric": "",
        "unit": "",
        "baseline": -999_999_999_999.9999,
        "target": 999_999_999_999,
        "due": "2199-12-31",
    }
    assert (body["goals"][0]["kpis"][1]["baseline"], body["goals"][0]["kpis"][1]["target"]) == (
        0.0001,
        999_999_999_999.9999,
    )
    assert body["resources"] == {
        "staff_hours_per_week": 10_000,
        "paid_media_budget_eur": 1_000_000_000,
        "tools_budget_eur": 999_999_999.99,
    }
    assert [r["hours_per_week"] for r in body["roles"]] == [80, 0.25]
    assert body["channels"][0]["posts_per_week"] == 100
    assert body["start_date"] == "1900-01-01"


def test_a_kpi_of_exactly_plus_or_minus_1e12_imports(channels):
    kpi = {"baseline": -limits.MAX_KPI_VALUE, "target": limits.MAX_KPI_VALUE}
    body = plan_to_document(imported(document(goals=[{"kpis": [kpi]}])))["plan"]
    assert body["goals"][0]["kpis"][0]["baseline"] == -(10**12)
    assert body["goals"][0]["kpis"][0]["target"] == 10**12


def entry_count(value: Any) -> int:
    if isinstance(value, list):
        return len(value) + sum(entry_count(entry) for entry in value)
    if isinstance(value, dict):
        return sum(entry_count(entry) for entry in value.values())
    return 0


def plan_of(entries: int) -> dict[str, Any]:
    """A plan of exactly ``entries`` list entries, every part filled: goals with KPIs, target
    groups, channels and themes with their links, strengths to make up the rest."""
    n = entries // 20
    groups = [{"key": f"tg{i}"} for i in range(n)]
    goals = [{"key": f"g{i}", "kpis": [{"target": j} for j in range(4)]} for i in range(n)]
    channel = {"channel": "blog", "target_groups": ["tg0", "tg1", "tg1"], "goals": ["g1", "g0", "g1"]}
    source = document(
        goals=goals,
        target_groups=groups,
        channels=[channel] * n,
        content_themes=[{"channels": ["blog", "x"], "target_groups": ["tg1"], "formats": ["Video"]}] * n,
        roles=[{"person": "A", "is_owner": True}],
        guidelines=[{"topic": "Ton", "text": "freundlich"}],
        milestones=[{"title": "Start"}],
        situation={"competitors": [{"name": "W"}]},
    )
    source["plan"]["situation"]["strengths"] = ["s"] * (entries - entry_count(source["plan"]))
    assert entry_count(source["plan"]) == entries
    return source


def test_the_import_costs_the_same_queries_for_a_small_plan_and_one_at_the_entries_limit(channels, organization):
    counts = []
    for source in (plan_of(40), plan_of(limits.MAX_ENTRIES)):
        with CaptureQueriesContext(connection) as queries:
            imported(source, organization=organization)
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert KPI.objects.count() == 4 * 2 + 4 * (limits.MAX_ENTRIES // 20)


def test_the_import_is_all_or_nothing(channels, monkeypatch):
    def fail(**kwargs: Any) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr("planner.plan_file.importing._roles_create", fail)
    source = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    with pytest.raises(RuntimeError):
        imported(source)
    assert not Plan.objects.exists() and not Goal.objects.exists()
    assert not Organization.objects.filter(name=source["plan"]["organization"]).exists()


def test_links_keep_the_files_order_and_a_target_named_twice_is_linked_once(channels):
    source = document(
        target_groups=[{"key": "tg1"}, {"key": "tg2"}, {"key": "tg3"}],
        goals=[{"key": "g1"}, {"key": "g2"}],
        channels=[{"channel": "x", "target_groups": ["tg3", "tg1", "tg3"], "goals": ["g2", "g1"]}],
        content_themes=[{"channels": ["youtube", "blog", "youtube"], "target_groups": ["tg2", "tg1"]}],
    )
    body = plan_to_document(imported(source))["plan"]
    assert (body["channels"][0]["target_groups"], body["channels"][0]["goals"]) == (["tg3", "tg1"], ["g2", "g1"])
    assert body["content_themes"][0]["channels"] == ["youtube", "blog"]
    assert body["content_themes"][0]["target_groups"] == ["tg2", "tg1"]
    assert PlanChannel.target_groups.through.objects.count() == 2


def test_a_plan_without_an_organization_goes_into_a_new_one_with_a_free_slug(channels, organization):
    Organization.objects.create(name="Someone else", slug="imported-plans")
    plan = imported(document())
    assert (plan.organization.name, plan.organization.slug) == ("Imported plans", "imported-plans-2")
    assert imported(document()).organization == plan.organization


def test_the_importing_user_becomes_a_lead_of_a_new_organization(channels, lead):
    plan = imported(document(organization="Neu GmbH"), user=lead)
    assert plan.created_by == lead
    assert plan.organization.memberships.get(user=lead).role == "lead"
