"""Each wizard step's state is a pure function of the plan document: empty, started, complete.
Tested directly, on both sides of every condition."""

import pytest

from planner.steps import COMPLETE, EMPTY, STARTED, STEP_BY_SLUG, completeness
from planner.steps.base import StateContext

CONTEXT = StateContext(active_items=frozenset({"a", "b", "c"}))


def state(step: str, plan: dict) -> str:
    return STEP_BY_SLUG[step].forms.state(plan, CONTEXT)


def test_basics_is_complete_with_title_start_and_horizon_and_started_without_any_of_them():
    full = {"title": "Plan", "start_date": "2027-01-01", "horizon_months": 12}
    assert state("basics", full) == COMPLETE
    for missing in full:
        assert state("basics", {k: v for k, v in full.items() if k != missing}) == STARTED, missing


def test_situation_needs_all_four_swot_lists_to_be_complete():
    swot = {part: ["x"] for part in ("strengths", "weaknesses", "opportunities", "threats")}
    assert state("situation", {"situation": swot}) == COMPLETE
    assert state("situation", {"situation": {**swot, "threats": []}}) == STARTED
    assert state("situation", {"situation": {"competitors": [{"name": "A"}]}}) == STARTED
    assert state("situation", {"situation": {"strengths": ["x"]}}) == STARTED
    assert state("situation", {}) == EMPTY


def test_goals_are_complete_when_every_goal_has_a_kpi():
    assert state("goals", {"goals": []}) == EMPTY
    assert state("goals", {"goals": [{"kpis": [{"name": "k"}]}]}) == COMPLETE
    assert state("goals", {"goals": [{"kpis": [{"name": "k"}]}, {"kpis": []}]}) == STARTED


def test_target_groups_are_complete_when_every_group_has_a_technographics_profile():
    assert state("target-groups", {}) == EMPTY
    assert state("target-groups", {"target_groups": [{"technographics": {"creators": 10}}]}) == COMPLETE
    assert state("target-groups", {"target_groups": [{"technographics": {"creators": 10}}, {}]}) == STARTED


def test_channels_are_complete_when_every_channel_serves_a_target_group():
    assert state("channels", {"channels": []}) == EMPTY
    assert state("channels", {"channels": [{"target_groups": ["tg"]}]}) == COMPLETE
    assert state("channels", {"channels": [{"target_groups": ["tg"]}, {"target_groups": []}]}) == STARTED


def test_content_needs_themes_and_off_limits():
    assert state("content", {"content_themes": [{"title": "t"}], "off_limits": ["x"]}) == COMPLETE
    assert state("content", {"content_themes": [{"title": "t"}]}) == STARTED
    assert state("content", {"off_limits": ["x"]}) == STARTED
    assert state("content", {}) == EMPTY


def test_roles_are_complete_with_exactly_one_owner():
    assert state("roles", {}) == EMPTY
    assert state("roles", {"roles": [{"is_owner": True}, {"is_owner": False}]}) == COMPLETE
    assert state("roles", {"roles": [{"is_owner": False}]}) == STARTED
    assert state("roles", {"roles": [{"is_owner": True}, {"is_owner": True}]}) == STARTED


def test_guidelines_are_complete_with_one():
    assert state("guidelines", {"guidelines": [{"topic": "Ton"}]}) == COMPLETE
    assert state("guidelines", {"guidelines": []}) == EMPTY


def test_roadmap_is_complete_when_every_milestone_has_start_and_end():
    dated = {"start": "2027-01-01", "end": "2027-02-01"}
    assert state("roadmap", {}) == EMPTY
    assert state("roadmap", {"milestones": [dated]}) == COMPLETE
    assert state("roadmap", {"milestones": [dated, {"start": "2027-01-01"}]}) == STARTED
    assert state("roadmap", {"milestones": [{"end": "2027-01-01"}]}) == STARTED


def test_resources_are_complete_with_staff_hours_and_a_review_cadence():
    assert state("resources", {"resources": {"staff_hours_per_week": 10}, "review": {"cadence_months": 6}}) == COMPLETE
    assert state("resources", {"resources": {"staff_hours_per_week": 10}, "review": {}}) == STARTED
    assert state("resources", {"resources": {"staff_hours_per_week": 0}, "review": {"cadence_months": 6}}) == STARTED
    assert state("resources", {"review": {"report_to": "GF"}}) == STARTED
    assert state("resources", {"resources": {"staff_hours_per_week": None}, "review": {"report_to": ""}}) == EMPTY


def test_checklist_is_complete_when_every_active_item_is_answered_beyond_open():
    answers = [{"item": slug, "status": "done"} for slug in ("a", "b", "c")]
    assert state("checklist", {"checklist": answers}) == COMPLETE
    assert state("checklist", {"checklist": answers[:2]}) == STARTED
    assert state("checklist", {"checklist": [*answers[:2], {"item": "c", "status": "open"}]}) == STARTED
    # An answer to an item no longer active does not count.
    assert state("checklist", {"checklist": [*answers[:2], {"item": "gone", "status": "done"}]}) == STARTED
    assert state("checklist", {"checklist": [{"item": "gone", "status": "done"}]}) == EMPTY


@pytest.mark.parametrize(
    ("states", "percent"),
    [
        ([COMPLETE, COMPLETE], 100),
        ([COMPLETE, STARTED], 75),
        ([STARTED, EMPTY], 25),
        ([EMPTY, EMPTY], 0),
    ],
)
def test_completeness_counts_a_started_step_half(states, percent):
    assert completeness([(None, s) for s in states]) == percent


def missing(step: str, plan: dict, language: str = "de") -> str:
    from django.utils import translation

    with translation.override(language):
        return STEP_BY_SLUG[step].forms.missing(plan, CONTEXT)


def test_each_step_says_in_one_line_what_is_missing_and_nothing_when_complete():
    assert missing("basics", {"title": "Plan"}) == "Es fehlt noch: Startdatum und Zeitraum (Monate)."
    assert missing("situation", {"situation": {"strengths": ["x"], "weaknesses": ["y"]}}) == (
        "Es fehlt noch: Chancen und Risiken."
    )
    assert missing("goals", {"goals": [{"title": "Bindung", "kpis": []}, {"title": "Service", "kpis": [{}]}]}) == (
        "Das Ziel „Bindung“ hat noch keine KPI."
    )
    assert missing("target-groups", {"target_groups": [{"name": "Einsteiger"}]}, "en") == (
        "The target group “Einsteiger” has no Social Technographics profile yet (at least one share)."
    )
    assert missing("checklist", {"checklist": [{"item": "a", "status": "done"}]}) == "2 von 3 Punkten sind noch offen."
    assert missing("roles", {"roles": [{"is_owner": False}]}) == (
        "Markieren Sie genau eine Person als hauptverantwortlich (derzeit: 0)."
    )
    for step, plan in [
        ("basics", {"title": "Plan", "start_date": "2027-01-01", "horizon_months": 12}),
        ("goals", {"goals": [{"kpis": [{"name": "k"}]}]}),
        ("checklist", {"checklist": [{"item": slug, "status": "done"} for slug in "abc"]}),
    ]:
        assert missing(step, plan) == "", step


@pytest.mark.parametrize("step", list(STEP_BY_SLUG))
def test_a_step_is_complete_exactly_when_nothing_is_missing(step):
    for plan in [{}, {"title": "Plan", "goals": [{"kpis": []}], "roles": [{"is_owner": True}]}]:
        assert (state(step, plan) == COMPLETE) == (missing(step, plan) == "")
