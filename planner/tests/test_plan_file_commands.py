"""import_plan and export_plan: the format exactly, all or nothing, the same document back."""

import json

import pytest
from django.core.management import CommandError, call_command

from planner.models import Organization, Plan
from planner.plan_file import MAX_BYTES
from planner.templates_catalog import TEMPLATE_DIR
from tests.factories import EXAMPLE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def import_file(path, capsys, *args) -> int:
    call_command("import_plan", str(path), *args)
    return int(capsys.readouterr().out.strip().splitlines()[-1])


@pytest.mark.parametrize("path", sorted(TEMPLATE_DIR.glob("*.json")), ids=lambda p: p.stem)
def test_import_then_export_gives_back_the_same_document(path, channels, capsys, tmp_path):
    plan_id = import_file(path, capsys)
    out = tmp_path / "out.json"
    call_command("export_plan", str(plan_id), "--out", str(out))
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(path.read_text(encoding="utf-8"))


def test_the_example_plan_goes_into_the_organization_it_names(channels, capsys):
    plan_id = import_file(EXAMPLE, capsys)
    assert Plan.objects.get(pk=plan_id).organization.name == "Kontaktlinsen Versand Leipzig GmbH"


def test_import_into_a_given_organization_and_export_to_stdout(channels, organization, capsys):
    plan_id = import_file(EXAMPLE, capsys, "--organization", organization.slug)
    assert Plan.objects.get(pk=plan_id).organization == organization
    call_command("export_plan", str(plan_id))
    assert json.loads(capsys.readouterr().out)["plan"]["title"] == Plan.objects.get().title


def test_unicode_survives_the_round_trip(channels, capsys, tmp_path):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["plan"]["summary"] = "Größe 🚀 שלום"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    plan_id = import_file(source, capsys)
    call_command("export_plan", str(plan_id))
    assert json.loads(capsys.readouterr().out)["plan"]["summary"] == "Größe 🚀 שלום"


def test_an_invalid_file_prints_every_problem_with_its_path_and_writes_nothing(channels, capsys, tmp_path):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["plan"]["goals"][0]["kpis"][0]["target"] = "viel"
    document["plan"]["channels"][0]["channel"] = "myspace"
    document["plan"]["surprise"] = 1
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    organizations = Organization.objects.count()
    with pytest.raises(CommandError):
        call_command("import_plan", str(source))
    err = capsys.readouterr().err
    assert "plan.goals[0].kpis[0].target: must be a number" in err
    assert "plan.surprise: unknown key" in err
    assert not Plan.objects.exists()
    assert Organization.objects.count() == organizations


def test_unknown_references_are_refused(channels, capsys, tmp_path):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["plan"]["channels"][0]["channel"] = "myspace"
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_plan", str(source))
    assert "plan.channels[0].channel: unknown channel 'myspace'" in capsys.readouterr().err
    assert not Plan.objects.exists()


def test_a_file_over_2_mb_is_refused_before_parsing(channels, capsys, tmp_path):
    source = tmp_path / "big.json"
    source.write_text(" " * (MAX_BYTES + 1))
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_plan", str(source))
    assert "at most 2 MB are allowed" in capsys.readouterr().err


def test_a_file_nested_too_deep_is_refused_with_one_line(channels, capsys, tmp_path):
    source = tmp_path / "deep.json"
    source.write_text('{"format": "social-media-strategy-plan", "version": 1, "plan": ' + "[" * 100_000 + "}")
    with pytest.raises(CommandError):
        call_command("import_plan", str(source))
    assert capsys.readouterr().err.splitlines() == [
        "(document): not valid JSON: nested too deeply at line 1 column 264"
    ]


def test_the_command_exits_non_zero(channels, tmp_path):
    import os
    import subprocess
    import sys

    source = tmp_path / "bad.json"
    source.write_text("{not json")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_plan", str(source)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LANGUAGE_CODE": "de"},
    )
    assert result.returncode != 0
    assert "kein gültiges JSON" in result.stderr  # a command speaks the language of the installation


def test_export_of_an_unknown_plan_fails():
    with pytest.raises(CommandError, match="no plan"):
        call_command("export_plan", "999999")
