"""The plan check (checklists, below the planner) and the planner speak of the same things: the same
metrics, the same role kinds, and findings on the wizard steps that exist."""

from checklists.models import Metric
from checklists.rules import RULES
from checklists.rules.reading import KINDS
from planner.models import KPI, Role
from planner.plan_file.schema import RoleKind
from planner.steps import STEP_BY_SLUG


def test_the_benchmarks_metrics_are_the_kpis_metrics():
    assert Metric.choices == KPI.Metric.choices


def test_the_role_kinds_are_the_formats_and_the_plan_checks():
    assert tuple(Role.Kind.values) == KINDS == ("management", "staff", "trainee", "external")
    assert RoleKind.__args__ == ("", *KINDS)


def test_every_step_a_finding_can_name_is_a_wizard_step():
    assert {code: step for code, r in RULES.items() for step in (r.step, *r.steps) if step not in STEP_BY_SLUG} == {}


def test_no_review_cycle_appears_where_the_cadence_is_edited():
    assert RULES["no_review_cycle"].step == "resources"
