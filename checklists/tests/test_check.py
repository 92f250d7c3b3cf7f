"""The plan check: findings and readiness of a document, grouped by the wizard step that fixes them."""

import datetime as dt

from checklists.check import plan_check
from checklists.scoring import readiness

from .plans import TODAY, draft, example_document, findings, seed_content


def check(document: dict):
    return plan_check(document, content=seed_content(), today=TODAY)


def test_the_check_has_the_findings_and_the_readiness_they_lower():
    document = draft(horizon_months=3)
    result = check(document)
    assert result.findings == findings(document)
    assert result.readiness == readiness(document, result.findings, seed_content().items)


def test_findings_are_grouped_by_the_wizard_slug_of_their_step():
    result = check(draft(horizon_months=3))
    assert [f.code for f in result.for_step("target-groups")] == ["no_target_groups"]
    assert result.for_step("target_groups") == []  # the wizard's URLs have no underscores
    assert {f.code for f in result.for_step("basics")} == {"short_horizon"}
    assert {f.code for f in result.for_step("resources")} >= {"no_resources", "no_review_cycle"}
    assert sum(len(group) for group in result.by_step.values()) == len(result.findings)


def test_the_review_cycle_is_fixed_on_the_resources_step():
    assert [f.step for f in check(draft()).findings if f.code == "no_review_cycle"] == ["resources"]


def test_a_step_without_findings_has_none():
    assert check(example_document()).for_step("goals") == []


def test_counts_name_every_severity_even_without_findings():
    assert check(example_document()).counts == {"error": 0, "warning": 0, "info": 1}
    result = check(draft())
    assert result.counts == {
        severity: sum(1 for f in result.findings if f.severity == severity) for severity in ("error", "warning", "info")
    }
    assert result.counts["error"] == 3  # no goals, no target groups, no owner


def test_today_is_the_start_of_a_plan_without_start_date():
    leads = {"name": "Leads", "metric": "leads", "due": "2030-06-30", "target": 5}
    document = draft(goals=[{"key": "sales", "title": "Verkaufen", "kpis": [leads]}])
    early = plan_check(document, content=seed_content(), today=dt.date(2030, 1, 1))
    assert "unrealistic_target" in [f.code for f in early.findings]
    late = plan_check(document, content=seed_content(), today=dt.date(2029, 12, 1))
    assert "unrealistic_target" not in [f.code for f in late.findings]
