"""score_plan: the maturity stage and the score per dimension of a plan file or a stored plan, as the
format specifies: {"stage", "rank", "assessed", "dimensions"}."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from checklists.models import ChecklistItem
from planner.plan_file import parse_document, plan_import
from tests.factories import EXAMPLE

pytestmark = pytest.mark.django_db

DIMENSIONS = {"strategy", "organization", "culture", "content", "dialogue", "measurement", "resources"}


@pytest.fixture(autouse=True)
def curated_content(channels):
    """The checklist items the score counts."""


def example(**changes) -> dict:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["plan"].update(changes)
    return document


def everything_done() -> list[dict]:
    slugs = ChecklistItem.objects.values_list("slug", flat=True)
    return [{"item": slug, "status": "done", "note": ""} for slug in slugs]


def score(tmp_path: Path, capsys, document: dict) -> dict:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    call_command("score_plan", str(path), "--json")
    return json.loads(capsys.readouterr().out)


def test_the_json_has_exactly_the_formats_shape(tmp_path, capsys):
    result = score(tmp_path, capsys, example(checklist=everything_done()))
    assert set(result) == {"stage", "rank", "assessed", "dimensions"}
    assert (result["stage"], result["rank"], result["assessed"]) == ("transformation", 4, True)
    assert set(result["dimensions"]) == DIMENSIONS and all(0 <= v <= 100 for v in result["dimensions"].values())


def test_an_unanswered_checklist_is_not_assessed(tmp_path, capsys):
    result = score(tmp_path, capsys, example())
    assert (result["stage"], result["rank"], result["assessed"]) == (None, None, False)


def test_a_trainee_owner_with_every_checklist_item_ticked_cannot_reach_the_top_stage(tmp_path, capsys):
    document = example(checklist=everything_done())
    document["plan"]["roles"][0]["title"] = "Werkstudentin Social Media"
    result = score(tmp_path, capsys, document)
    assert result["assessed"] and result["rank"] < 4


def test_a_plan_that_buys_fans_cannot_reach_the_top_stage(tmp_path, capsys):
    result = score(tmp_path, capsys, example(checklist=everything_done(), summary="Wir kaufen 5.000 Fans zum Start."))
    assert (result["stage"], result["rank"]) == ("ad_hoc", 1)


def test_a_stored_plan_is_scored_by_id(capsys):
    plan = plan_import(document=parse_document(json.dumps(example(checklist=everything_done()))))
    call_command("score_plan", str(plan.pk), "--json")
    assert json.loads(capsys.readouterr().out)["stage"] == "transformation"


def test_without_json_the_stage_is_said_in_the_plans_language(tmp_path, capsys):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(example()), encoding="utf-8")
    call_command("score_plan", str(path))
    out = capsys.readouterr().out
    assert "Stufe: Nicht bewertet" in out and "0 von 43 Punkten der Checkliste beantwortet" in out
    assert "Strategie: 100" in out


def test_bad_input_fails():
    with pytest.raises(CommandError, match="No plan with id 987654"):
        call_command("score_plan", "987654", "--json")
