"""check_plan: the findings of a plan file or a stored plan, as text or JSON; exits non-zero only for bad input."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from planner.limits import MAX_BYTES
from planner.plan_file import parse_document, plan_import
from tests.factories import EXAMPLE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture(autouse=True)
def curated_content(channels):
    """The articles, checklists and channel catalogue the rules cite."""


def write(tmp_path: Path, document: dict) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_the_example_file_reports_pilot_not_focused_and_nothing_else(capsys):
    call_command("check_plan", str(EXAMPLE), "--json")
    result = json.loads(capsys.readouterr().out)
    assert result == [
        {
            "code": "pilot_not_focused",
            "severity": "info",
            "message": result[0]["message"],
            "source": "Social Media im Unternehmen: Antworten auf häufige Fragen. Teil 3",
        }
    ]
    assert result[0]["message"].startswith(
        "Die Pilotphase startet mit zwei Kanälen: „Unternehmensblog“ und „Facebook“."
    )


def test_json_output_is_the_list_of_findings_in_the_plans_language(capsys, tmp_path):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["plan"].update(off_limits=[], language="en")
    document["plan"]["channels"][2]["phase"] = 2  # the blog alone in the pilot
    call_command("check_plan", str(write(tmp_path, document)), "--json")
    result = json.loads(capsys.readouterr().out)
    assert [(f["code"], f["severity"], f["source"]) for f in result] == [
        ("no_off_limits", "info", "9 social media success factors for companies")
    ]
    assert result[0]["message"].startswith("Nothing is agreed as off limits.")


def test_readable_output_lists_code_step_source_and_measures(capsys, tmp_path):
    path = write(tmp_path, {"format": "social-media-strategy-plan", "version": 1, "plan": {"title": "T"}})
    call_command("check_plan", str(path))
    out = capsys.readouterr().out
    assert "[error] no_goals (goals)" in out
    assert "12 Gründe, warum Unternehmen keinen Erfolg in Social Media haben" in out
    assert "- Eine hauptverantwortliche Person für Social Media benennen" in out


def test_a_stored_plan_is_checked_by_id(capsys):
    plan = plan_import(document=parse_document(EXAMPLE.read_bytes()))
    call_command("check_plan", str(plan.pk), "--json")
    assert [f["code"] for f in json.loads(capsys.readouterr().out)] == ["pilot_not_focused"]


def test_a_kpi_that_once_made_a_plan_unreachable_is_checked(capsys, tmp_path):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["plan"]["goals"][0]["kpis"][0].update(baseline=1, target=100_000_000_000, due="2027-01-02")
    call_command("check_plan", str(write(tmp_path, document)), "--json")
    assert "unrealistic_target" in [f["code"] for f in json.loads(capsys.readouterr().out)]


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
