"""The pitfall detector has exactly the format's 32 finding codes, each with its severity, an article,
a dimension and the measures it cites; findings come sorted and in the format's JSON shape."""

import re
from pathlib import Path

from django.utils import translation

from checklists.models import ChecklistItem
from checklists.rules import RULES, SEVERITY_ORDER, Severity, check_plan

from .plans import TODAY, codes, draft, findings, seed_content

PLAN_FORMAT_DOC = Path(__file__).resolve().parents[2] / "docs" / "plan-format.md"

# The table "Finding codes" of the plan file format, code by code.
FORMAT_CODES = {
    "no_goals": "error",
    "goal_without_kpi": "warning",
    "kpi_incomplete": "warning",
    "unrealistic_target": "warning",
    "outside_horizon": "warning",
    "short_horizon": "warning",
    "no_target_groups": "error",
    "channel_without_target_group": "warning",
    "too_much_at_once": "warning",
    "pilot_not_focused": "info",
    "no_listening_phase": "info",
    "monologue": "warning",
    "promotional_mix": "warning",
    "bought_followers": "error",
    "no_owner": "error",
    "several_owners": "warning",
    "owner_is_intern": "warning",
    "owner_without_time": "warning",
    "intern_does_the_work": "warning",
    "agency_owns_it": "warning",
    "no_resources": "warning",
    "workload_exceeds_hours": "warning",
    "no_paid_budget": "info",
    "tools_before_strategy": "warning",
    "no_situation": "warning",
    "no_roadmap": "warning",
    "no_guidelines": "warning",
    "no_crisis_plan": "info",
    "no_off_limits": "info",
    "no_content_plan": "warning",
    "no_review_cycle": "warning",
    "executives_not_involved": "warning",
}


def test_every_code_of_the_format_has_a_rule_with_its_severity():
    assert len(FORMAT_CODES) == 32
    assert {code: r.severity for code, r in RULES.items()} == FORMAT_CODES


def test_docs_plan_format_lists_the_same_codes_and_severities():
    rows = re.findall(r"^\| (\w+) \| .* \| (error|warning|info) \|$", PLAN_FORMAT_DOC.read_text("utf-8"), re.M)
    assert dict(rows) == FORMAT_CODES


def test_every_rule_names_a_source_a_dimension_and_measures_that_exist():
    # That its step is one of the wizard's: planner/tests/test_rule_steps.py (the planner knows its steps).
    content = seed_content("de")
    for r in RULES.values():
        assert r.source_title(content), r.code
        assert r.dimension in ChecklistItem.Dimension.values
        assert len(r.measure_texts(content)) == len(set(r.measures)) >= 1, r.code


def test_findings_are_sorted_by_severity_then_code():
    result = findings(draft(horizon_months=3))
    keys = [(SEVERITY_ORDER[f.severity], f.code) for f in result]
    assert keys == sorted(keys)
    assert result[0].severity == "error"
    assert result[-1].severity == "info"


def test_the_severities_rank_errors_first_then_warnings_then_notes():
    assert sorted(Severity.values, key=SEVERITY_ORDER.__getitem__) == ["error", "warning", "info"]


def test_as_json_has_exactly_the_format_keys_and_the_article_title():
    with translation.override("de"):
        finding = findings(draft())[0]
    assert finding.as_json() == {
        "code": "no_goals",
        "severity": "error",
        "message": finding.message,
        "source": "12 Gründe, warum Unternehmen keinen Erfolg in Social Media haben",
    }


def test_an_english_finding_cites_the_english_title_and_measures():
    with translation.override("en"):
        finding = findings(draft())[0]
    assert finding.source == "12 reasons why companies fail in social media"
    assert finding.measures[0] == "Set the goals and the expected return before starting"


def test_a_finding_cites_the_measures_as_curators_edited_them():
    content = seed_content("de")
    item = content.items["pitfall-no-plan"]
    edited = type(item)(**{**item.__dict__, "measures": ("Ziele zuerst, vom Kurator", *item.measures[1:])})
    content = type(content)(**{**content.__dict__, "items": {**content.items, "pitfall-no-plan": edited}})
    with translation.override("de"):
        finding = check_plan(draft(), content=content, today=TODAY)[0]
    assert finding.measures[0] == "Ziele zuerst, vom Kurator"


def test_an_empty_draft_gets_findings_but_no_crash():
    assert "no_goals" in codes({"plan": {}})
    assert "no_goals" in codes({})
