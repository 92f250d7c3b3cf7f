"""check_plan: the findings of a plan file or a stored plan, as text or JSON; exits non-zero only for bad input."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from planner.limits import MAX_BYTES
from planner.plan_file import parse_document, plan_import

from .conftest import EXAMPLE

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def curated_content(channels):
    """The articles, checklists and channel catalogue the rules cite."""


def write(tmp_path: Path, document: dict) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_json_output_is_the_list_of_findings(capsys, tmp_path):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["plan"]["horizon_months"] = 3
    call_command("check_plan", str(write(tmp_path, document)), "--json")
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
    call_command("check_plan", str(EXAMPLE), "--json")
    assert json.loads(capsys.readouterr().out) == []


def test_readable_output_lists_code_source_and_measures(capsys, tmp_path):
    path = write(tmp_path, {"format": "social-media-strategy-plan", "version": 1, "plan": {"title": "T"}})
    call_command("check_plan", str(path))
    out = capsys.readouterr().out
    assert "[error] no_goals (goals)" in out
    assert "12 Gründe, warum Unternehmen keinen Erfolg in Social Media haben" in out
    assert "- Eine hauptverantwortliche Person für Social Media benennen" in out


def test_a_stored_plan_is_checked_by_id(capsys):
    plan = plan_import(document=parse_document(EXAMPLE.read_bytes()))
    call_command("check_plan", str(plan.pk), "--json")
    assert json.loads(capsys.readouterr().out) == []


def test_an_invalid_file_fails_with_its_problems(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "social-media-strategy-plan", "version": 1, "plan": {"title": 5}}')
    with pytest.raises(CommandError, match=r"plan\.title: must be a text"):
        call_command("check_plan", str(path))


def test_a_file_over_2_mb_fails_by_its_size(tmp_path):
    path = tmp_path / "big.json"
    path.write_bytes(b" " * (MAX_BYTES + 1))
    with pytest.raises(CommandError, match="at most 2 MB"):
        call_command("check_plan", str(path))


def test_a_missing_file_fails():
    with pytest.raises(CommandError, match="No such file"):
        call_command("check_plan", "no-such-plan.json")


def test_an_unknown_plan_id_fails():
    with pytest.raises(CommandError, match="No plan with id 987654"):
        call_command("check_plan", "987654")
