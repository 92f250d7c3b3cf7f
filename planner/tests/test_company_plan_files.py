"""The three company plans the plan check is read against (checklists/tests/company_plans) are valid
plan files that round-trip through an import."""

import json
from pathlib import Path

import pytest

from planner.plan_file import parse_document, plan_import, plan_to_document

pytestmark = pytest.mark.django_db

PLANS = sorted((Path(__file__).resolve().parents[2] / "checklists" / "tests" / "company_plans").glob("*.json"))


def test_there_are_three():
    assert [p.stem for p in PLANS] == ["baeckerei", "software-startup", "werkzeugmaschinen"]


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_each_is_a_valid_plan_file_that_round_trips(channels, path):
    source = json.loads(path.read_text(encoding="utf-8"))
    plan = plan_import(document=parse_document(path.read_bytes()))
    exported = plan_to_document(plan)["plan"]
    for key in ("goals", "roles", "channels", "content_themes", "guidelines", "milestones", "resources", "review"):
        assert exported[key] == source["plan"][key], key
