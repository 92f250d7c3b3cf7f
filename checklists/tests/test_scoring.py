import pytest
from django.core.management import call_command
from django.utils.translation import override

from checklists.rules import Finding
from checklists.scoring import METHOD_SUMMARY, ItemInfo, readiness

from .plans import draft, example_document, findings

ITEMS = [
    ItemInfo("s1", "strategy", 3),
    ItemInfo("s2", "strategy", 1),
    ItemInfo("o1", "organization", 2),
    ItemInfo("c1", "culture", 1),
    ItemInfo("t1", "content", 1),
    ItemInfo("d1", "dialogue", 1),
    ItemInfo("m1", "measurement", 1),
    ItemInfo("r1", "resources", 1),
]
ALL_DONE = [{"item": item.slug, "status": "done"} for item in ITEMS]


def _document(answers):
    return draft(checklist=answers)


def _finding(code: str, severity: str) -> Finding:
    return Finding(code=code, severity=severity, message="", source="", step="")


def test_everything_done_and_no_findings_is_champion():
    result = readiness(_document(ALL_DONE), [], ITEMS)
    assert set(result.dimensions.values()) == {100}
    assert (result.average, result.stage, result.stage_label) == (100, "champion", "Champion")


def test_answers_count_by_weight_and_in_progress_counts_half():
    answers = [*ALL_DONE[2:], {"item": "s1", "status": "in_progress"}, {"item": "s2", "status": "done"}]
    # strategy: (3 * 0.5 + 1 * 1) / 4 = 62.5 %
    assert readiness(_document(answers), [], ITEMS).dimensions["strategy"] == 62


def test_not_applicable_items_are_left_out():
    answers = [*ALL_DONE[1:], {"item": "s1", "status": "not_applicable"}]
    assert readiness(_document(answers), [], ITEMS).dimensions["strategy"] == 100


def test_unanswered_items_count_as_open():
    assert readiness(_document(ALL_DONE[1:]), [], ITEMS).dimensions["strategy"] == 25


def test_findings_lower_their_dimension_errors_more_than_warnings():
    errors = readiness(_document(ALL_DONE), [_finding("no_owner", "error")], ITEMS)
    warnings = readiness(_document(ALL_DONE), [_finding("several_owners", "warning")], ITEMS)
    assert errors.dimensions["organization"] < warnings.dimensions["organization"] < 100
    assert errors.dimensions["strategy"] == 100


def test_the_weakest_dimension_drives_the_stage_not_the_average():
    answers = [a for a in ALL_DONE if a["item"] != "r1"]  # resources: 0, the rest: 100
    result = readiness(_document(answers), [], ITEMS)
    assert result.average == 86  # would be Champion by the average
    assert (result.weakest, result.stage) == ("resources", "explorer")


@pytest.mark.parametrize(("score_answers", "stage"), [("done", "champion"), ("in_progress", "enabler")])
def test_stage_thresholds(score_answers, stage):
    answers = [{"item": item.slug, "status": score_answers} for item in ITEMS]
    assert readiness(_document(answers), [], ITEMS).stage == stage


def test_readiness_of_a_draft_with_its_findings_is_explorer():
    document = draft()
    result = readiness(document, findings(document), ITEMS)
    assert result.stage == "explorer"
    assert result.dimensions["strategy"] == 0


def test_method_summary_is_a_user_facing_paragraph():
    assert "schwächsten Dimension" in str(METHOD_SUMMARY)
    with override("en"):
        assert "weakest dimension" in str(METHOD_SUMMARY)


@pytest.mark.django_db
def test_items_default_to_the_active_items_in_the_database():
    call_command("load_content", verbosity=0)
    document = example_document()
    document["plan"]["checklist"] = [{"item": "sf-strategy", "status": "done"}]
    result = readiness(document, [])
    assert 0 < result.dimensions["strategy"] < 100
    assert result.dimensions["resources"] == 0
