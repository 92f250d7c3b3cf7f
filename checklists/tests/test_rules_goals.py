"""The strategy rules fire on a plan that has their problem and stay quiet on one that does not.

The base document is the format's example plan (only pilot_not_focused); each test changes one thing.
"""

import pytest
from django.utils import translation

from .plans import codes, draft, example_document, findings, messages


def test_no_situation_fires_when_every_part_of_the_situation_is_empty():
    doc = example_document()
    doc["plan"]["situation"] = {"strengths": [], "weaknesses": [" "], "opportunities": [], "threats": []}
    assert "no_situation" in codes(doc)
    del doc["plan"]["situation"]
    assert "no_situation" in codes(doc)


@pytest.mark.parametrize("key", ["strengths", "weaknesses", "opportunities", "threats", "competitors"])
def test_no_situation_quiet_with_one_entry_anywhere(key):
    doc = example_document()
    entry = {"name": "Linsen-Direkt", "notes": ""} if key == "competitors" else "Schneller Versand"
    doc["plan"]["situation"] = {key: [entry]}
    assert "no_situation" not in codes(doc)


def test_no_goals_fires_without_goals_and_quiet_with_one():
    doc = example_document()
    assert "no_goals" not in codes(doc)
    doc["plan"]["goals"] = []
    assert "no_goals" in codes(doc)


def test_goal_without_kpi_fires_once_per_goal_without_kpi():
    doc = example_document()
    doc["plan"]["goals"][0]["kpis"] = []
    doc["plan"]["goals"][2]["kpis"] = []
    found = messages(doc, "goal_without_kpi")
    assert len(found) == 2
    assert "Kundenbindung stärken" in found[0] and "Bekanntheit der Marke steigern" in found[1]
    assert "goal_without_kpi" not in codes(example_document())


@pytest.mark.parametrize(
    ("missing", "says"),
    [(["target"], "has no target."), (["due"], "has no due date."), (["target", "due"], "neither a target nor")],
)
def test_kpi_incomplete_fires_for_a_kpi_without_target_or_due_date(missing, says):
    doc = example_document()
    for key in missing:
        doc["plan"]["goals"][1]["kpis"][0][key] = None
    with translation.override("en"):
        found = messages(doc, "kpi_incomplete")
    assert len(found) == 1
    assert found[0].startswith("The KPI “Service-Anfragen per Mail” of the goal “Kundenservice entlasten”")
    assert says in found[0]


def test_kpi_incomplete_quiet_when_target_and_due_date_are_there_even_without_baseline():
    doc = example_document()
    doc["plan"]["goals"][0]["kpis"][0]["baseline"] = None
    assert "kpi_incomplete" not in codes(doc)


def test_kpi_incomplete_names_an_unnamed_kpi_by_its_metric():
    doc = example_document()
    doc["plan"]["goals"][0]["kpis"][0].update(name="", target=None)
    with translation.override("de"):
        assert messages(doc, "kpi_incomplete")[0].startswith("Die Kennzahl „Wiederkaufrate“ des Ziels")


# --- outside_horizon: start 2027-01-01, 12 months: the horizon ends on 2028-01-01 --------------


@pytest.mark.parametrize(("due", "fires"), [("2026-12-31", True), ("2027-01-01", False), ("2028-01-01", False),
                                            ("2028-01-02", True)])  # fmt: skip
def test_outside_horizon_for_a_kpi_due_before_the_start_or_after_the_horizon(due, fires):
    doc = example_document()
    doc["plan"]["goals"][0]["kpis"][0]["due"] = due
    assert ("outside_horizon" in codes(doc)) is fires


@pytest.mark.parametrize(("end", "fires"), [("2026-12-31", True), ("2027-01-01", False), ("2028-01-01", False),
                                            ("2028-01-02", True)])  # fmt: skip
def test_outside_horizon_for_a_milestone_ending_before_the_start_or_after_the_horizon(end, fires):
    doc = example_document()
    doc["plan"]["milestones"][2].update(start="2026-12-01", end=end)
    assert ("outside_horizon" in codes(doc)) is fires


def test_outside_horizon_appears_where_it_is_fixed_and_says_dates_as_the_reader_writes_them():
    doc = example_document()
    doc["plan"]["goals"][0]["kpis"][0]["due"] = "2028-03-31"
    doc["plan"]["milestones"][0].update(start="2026-11-01", end="2026-12-15")
    with translation.override("de"):
        found = {f.step: f.message for f in findings(doc) if f.code == "outside_horizon"}
    assert set(found) == {"goals", "roadmap"}
    assert "31.03.2028" in found["goals"] and "Planungszeitraum von 12 Monaten ab dem 01.01.2027" in found["goals"]
    assert "15.12.2026" in found["roadmap"] and "vor dem Start des Plans am 01.01.2027" in found["roadmap"]
    assert "2028-03-31" not in found["goals"]


def test_outside_horizon_without_a_horizon_judges_only_the_start_and_without_a_start_nothing():
    doc = example_document()
    del doc["plan"]["horizon_months"]
    doc["plan"]["goals"][0]["kpis"][0]["due"] = "2099-12-31"
    assert "outside_horizon" not in codes(doc)
    doc["plan"]["goals"][0]["kpis"][0]["due"] = "2026-12-31"
    assert "outside_horizon" in codes(doc)
    del doc["plan"]["start_date"]
    assert "outside_horizon" not in codes(doc)


def test_short_horizon_fires_below_6_months():
    doc = example_document()
    doc["plan"]["horizon_months"] = 5
    assert "short_horizon" in codes(doc)
    doc["plan"]["horizon_months"] = 1
    with translation.override("en"):
        assert messages(doc, "short_horizon")[0].startswith("The plan covers only 1 month,")


def test_short_horizon_quiet_at_exactly_6_months_and_in_a_draft_without_horizon():
    doc = example_document()
    doc["plan"]["horizon_months"] = 6
    assert "short_horizon" not in codes(doc)
    del doc["plan"]["horizon_months"]
    assert "short_horizon" not in codes(doc)


def test_no_roadmap_fires_without_milestones_and_quiet_with_one():
    doc = example_document()
    assert "no_roadmap" not in codes(doc)
    doc["plan"]["milestones"] = []
    assert "no_roadmap" in codes(doc)
    assert "no_roadmap" in codes(draft())
