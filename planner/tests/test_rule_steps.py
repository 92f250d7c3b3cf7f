"""Every pitfall rule sends the user to a step the wizard has, by the slug of its URLs."""

from checklists.rules import RULES
from planner.steps import STEP_BY_SLUG


def test_every_rule_names_its_step_by_a_wizard_slug():
    assert {code: rule.step for code, rule in RULES.items() if rule.step not in STEP_BY_SLUG} == {}


def test_target_groups_are_fixed_on_the_target_groups_step():
    assert RULES["no_target_groups"].step == "target-groups"


def test_the_review_cycle_is_fixed_where_its_cadence_is_edited():
    assert RULES["no_review_cycle"].step == "resources"
