import json

import pytest
from django.core.management import CommandError, call_command

from planner.plan_file import parse_document, plan_import

from .plans import EXAMPLE_PLAN, example_document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def content():
    call_command("load_content", verbosity=0)


def test_json_output_is_the_list_of_findings(capsys, tmp_path):
    document = example_document()
    document["plan"]["horizon_months"] = 3
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    call_command("check_plan", str(path), "--json")
    result = json.loads(capsys.readouterr().out)
    assert result == [
        {
            "code": "short_horizon",
            "severity": "warning",
            "message": result[0]["message"],
            "source": "9 Social Media Erfolgsfaktoren für Unternehmen",
        }
    ]


def test_example_file_prints_no_findings_and_succeeds(capsys):
    call_command("check_plan", str(EXAMPLE_PLAN), "--json")
    assert json.loads(capsys.readouterr().out) == []


def test_readable_output_lists_code_source_and_measures(capsys, tmp_path):
    path = tmp_path / "draft.json"
    path.write_text(json.dumps({"format": "social-media-strategy-plan", "version": 1, "plan": {"title": "T"}}))
    call_command("check_plan", str(path))
    out = capsys.readouterr().out
    assert "[error] no_goals (goals)" in out
    assert "12 Gründe, warum Unternehmen keinen Erfolg in Social Media haben" in out
    assert "- Eine hauptverantwortliche Person für Social Media benennen" in out


def test_a_stored_plan_is_checked_by_id(capsys):
    plan = plan_import(document=parse_document(EXAMPLE_PLAN.read_bytes()))
    call_command("check_plan", str(plan.pk), "--json")
    assert json.loads(capsys.readouterr().out) == []


def test_an_invalid_file_fails_with_its_problems(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "social-media-strategy-plan", "version": 1, "plan": {"title": 5}}')
    with pytest.raises(CommandError, match=r"plan\.title: must be a text"):
        call_command("check_plan", str(path))


def test_an_unknown_plan_id_fails():
    with pytest.raises(CommandError, match="No plan with id 987654"):
        call_command("check_plan", "987654")
