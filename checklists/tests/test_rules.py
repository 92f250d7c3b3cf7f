"""Each rule fires on a plan that has its problem and stays quiet on one that does not.

The base document is the format's example plan, which trips no rule (see
test_rules_example_plan.py); every test changes one thing in it.
"""

import pytest

from checklists import content
from checklists.models import ChecklistItem
from checklists.rules import RULES, SEVERITY_ORDER, Severity, check_plan

from .plans import TODAY, codes, draft, example_document, findings

README_CODES = {
    "no_goals": "error",
    "goal_without_kpi": "warning",
    "unrealistic_target": "warning",
    "short_horizon": "warning",
    "no_target_groups": "error",
    "channel_without_target_group": "warning",
    "too_much_at_once": "warning",
    "no_listening_phase": "info",
    "monologue": "warning",
    "no_owner": "error",
    "several_owners": "warning",
    "owner_is_intern": "warning",
    "no_resources": "warning",
    "no_guidelines": "warning",
    "no_off_limits": "info",
    "no_content_plan": "warning",
    "no_review_cycle": "warning",
    "executives_not_involved": "info",
}


# --- the registry ----------------------------------------------------------------------


def test_every_code_of_the_format_has_a_rule_with_its_severity():
    assert {code: r.severity for code, r in RULES.items()} == README_CODES


def test_every_rule_names_a_source_dimension_and_existing_measures():
    # That its step is one of the wizard's: planner/tests/test_rule_steps.py (the planner knows its steps).
    for r in RULES.values():
        assert r.source in content.SOURCE_TITLES
        assert r.dimension in ChecklistItem.Dimension.values
        assert r.measures, r.code
        assert all(len(text) > 0 for text in r.measure_texts())


def test_findings_are_sorted_by_severity_then_code():
    result = findings(draft(horizon_months=3))
    keys = [(SEVERITY_ORDER[f.severity], f.code) for f in result]
    assert keys == sorted(keys)
    assert result[0].severity == "error"
    assert [f.severity for f in result][-1] == "info"


def test_the_severities_rank_errors_first_then_warnings_then_notes():
    assert sorted(Severity.values, key=SEVERITY_ORDER.__getitem__) == ["error", "warning", "info"]


def test_as_json_has_exactly_the_format_keys_and_the_article_title():
    finding = findings(draft())[0]
    assert finding.as_json() == {
        "code": "no_goals",
        "severity": "error",
        "message": finding.message,
        "source": "12 Gründe, warum Unternehmen keinen Erfolg in Social Media haben",
    }


def test_an_empty_draft_gets_findings_but_no_crash():
    assert "no_goals" in codes({"plan": {}})
    assert "no_goals" in codes({})


def test_measures_follow_the_active_language():
    from django.utils import translation

    with translation.override("en"):
        english = findings(draft())[0].measures
    with translation.override("de"):
        german = findings(draft())[0].measures
    assert english[0] == "Set the goals and the expected return before starting"
    assert german[0] == "Ziele und erwarteten Nutzen vor dem Start festlegen"


# --- goals ------------------------------------------------------------------------------


def test_no_goals_fires_without_goals():
    doc = example_document()
    doc["plan"]["goals"] = []
    assert "no_goals" in codes(doc)


def test_no_goals_quiet_with_a_goal():
    assert "no_goals" not in codes(example_document())


def test_goal_without_kpi_fires_once_per_goal_without_kpi():
    doc = example_document()
    doc["plan"]["goals"][0]["kpis"] = []
    doc["plan"]["goals"][2]["kpis"] = []
    found = [f for f in findings(doc) if f.code == "goal_without_kpi"]
    assert len(found) == 2
    assert "Kundenbindung stärken" in found[0].message


def test_goal_without_kpi_quiet_when_every_goal_has_one():
    assert "goal_without_kpi" not in codes(example_document())


def _followers_goal(doc, *, baseline, target, due, channels=("facebook",)):
    doc["plan"]["goals"].append(
        {
            "key": "reach",
            "category": "awareness",
            "title": "Follower",
            "kpis": [{"name": "Follower", "metric": "followers", "baseline": baseline, "target": target, "due": due}],
        }
    )
    for channel in doc["plan"]["channels"]:
        if channel["channel"] in channels:
            channel["goals"].append("reach")
    return doc


def test_unrealistic_target_fires_for_followers_times_1000_in_6_months():
    doc = _followers_goal(example_document(), baseline=100, target=100_000, due="2027-07-01")
    found = [f for f in findings(doc) if f.code == "unrealistic_target"]
    assert len(found) == 1
    assert "Follower" in found[0].message


def test_unrealistic_target_quiet_for_modest_growth():
    doc = _followers_goal(example_document(), baseline=1000, target=1500, due="2027-12-31")
    assert "unrealistic_target" not in codes(doc)


@pytest.mark.parametrize("missing", ["baseline", "due"])
def test_unrealistic_target_quiet_without_baseline_or_due(missing):
    doc = _followers_goal(example_document(), baseline=100, target=100_000, due="2027-07-01")
    doc["plan"]["goals"][-1]["kpis"][0][missing] = None
    assert "unrealistic_target" not in codes(doc)


def test_unrealistic_target_uses_the_channel_benchmark_of_the_goals_channel():
    # 100 -> 890 in 12 months needs about 20 % a month: fine on TikTok (25 %), too much on Facebook (5 %).
    doc = example_document()
    doc["plan"]["channels"].append(
        {"channel": "tiktok", "dialogue": True, "target_groups": ["einsteiger"], "goals": [], "phase": 2}
    )
    on_tiktok = _followers_goal(doc, baseline=100, target=890, due="2028-01-01", channels=("tiktok",))
    assert "unrealistic_target" not in codes(on_tiktok)
    on_facebook = _followers_goal(example_document(), baseline=100, target=890, due="2028-01-01")
    assert "unrealistic_target" in codes(on_facebook)


def test_unrealistic_target_falls_back_to_the_metric_wide_benchmark_without_channels():
    # 20 % a month is above the metric-wide 15 % for followers.
    doc = _followers_goal(example_document(), baseline=100, target=890, due="2028-01-01", channels=())
    assert "unrealistic_target" in codes(doc)


def test_unrealistic_target_handles_a_reduction_of_service_tickets():
    doc = example_document()
    kpi = doc["plan"]["goals"][1]["kpis"][0]
    assert "unrealistic_target" not in codes(doc)  # 900 -> 750 in 9 months: about 2 % fewer a month
    kpi["target"] = 100  # 900 -> 100 in 9 months: about 22 % fewer a month
    found = [f for f in findings(doc) if f.code == "unrealistic_target"]
    assert len(found) == 1
    assert "einen Rückgang um" in found[0].message and "Wachstum" not in found[0].message
    kpi["target"] = 1200  # more tickets is no growth target at all
    assert "unrealistic_target" not in codes(doc)


def test_unrealistic_target_fires_for_leads_due_within_6_months_of_the_start():
    doc = example_document()
    doc["plan"]["goals"][0]["kpis"].append(
        {"name": "Leads", "metric": "leads", "baseline": 10, "target": 11, "due": "2027-06-30"}
    )
    assert "unrealistic_target" in codes(doc)


def test_unrealistic_target_quiet_for_leads_due_6_months_after_the_start():
    doc = example_document()
    doc["plan"]["goals"][0]["kpis"].append(
        {"name": "Leads", "metric": "leads", "baseline": 10, "target": 11, "due": "2027-07-01"}
    )
    assert "unrealistic_target" not in codes(doc)


def _leads_from(start: str, due: str) -> dict:
    leads = {"name": "Leads", "metric": "leads", "due": due}
    return draft(start_date=start, goals=[{"key": "sales", "title": "Verkaufen", "kpis": [leads]}])


def test_unrealistic_target_quiet_for_leads_when_six_months_after_the_start_is_past_the_year_9999():
    # A tester's plan started on the last day the calendar has; the check must not crash on it.
    assert "unrealistic_target" not in codes(_leads_from("9999-12-31", "9999-12-31"))


def test_unrealistic_target_still_fires_for_early_leads_near_the_end_of_the_calendar():
    # Six months after 9999-06-30 is 9999-12-30: still a date to compare with.
    assert "unrealistic_target" in codes(_leads_from("9999-06-30", "9999-12-29"))
    assert "unrealistic_target" not in codes(_leads_from("9999-06-30", "9999-12-30"))


def test_unrealistic_target_counts_any_kpi_of_a_sales_goal_as_sales():
    doc = example_document()
    doc["plan"]["goals"][0]["category"] = "sales"
    doc["plan"]["goals"][0]["kpis"][0]["due"] = "2027-03-31"
    assert "unrealistic_target" in codes(doc)


def test_unrealistic_target_measures_from_today_without_start_date():
    doc = example_document()
    del doc["plan"]["start_date"]
    doc["plan"]["goals"][0]["kpis"].append(
        {"name": "Leads", "metric": "leads", "baseline": 10, "target": 11, "due": TODAY.replace(month=12).isoformat()}
    )
    assert "unrealistic_target" in codes(doc)


def test_short_horizon_fires_below_6_months():
    doc = example_document()
    doc["plan"]["horizon_months"] = 5
    assert "short_horizon" in codes(doc)


def test_short_horizon_quiet_at_exactly_6_months_and_in_a_draft_without_horizon():
    doc = example_document()
    doc["plan"]["horizon_months"] = 6
    assert "short_horizon" not in codes(doc)
    del doc["plan"]["horizon_months"]
    assert "short_horizon" not in codes(doc)


# --- target groups, channels, content ----------------------------------------------------


def test_no_target_groups_fires_without_target_groups():
    assert "no_target_groups" in codes(draft(target_groups=[]))


def test_no_target_groups_quiet_with_one():
    assert "no_target_groups" not in codes(example_document())


def test_channel_without_target_group_names_the_channel():
    doc = example_document()
    doc["plan"]["channels"][3]["target_groups"] = []
    found = [f for f in findings(doc) if f.code == "channel_without_target_group"]
    assert len(found) == 1
    assert "youtube" in found[0].message


def test_channel_without_target_group_quiet_when_all_have_one():
    assert "channel_without_target_group" not in codes(example_document())


def _pilot(doc, *channels):
    doc["plan"]["channels"] += [
        {"channel": slug, "dialogue": True, "target_groups": groups, "goals": [], "phase": 1}
        for slug, groups in channels
    ]
    return doc


def test_too_much_at_once_quiet_with_exactly_2_pilot_channels():
    doc = example_document()  # blog and facebook in phase 1
    assert [c["channel"] for c in doc["plan"]["channels"] if c["phase"] == 1] == ["blog", "facebook"]
    assert "too_much_at_once" not in codes(doc)


def test_too_much_at_once_fires_with_3_pilot_channels():
    doc = _pilot(example_document(), ("instagram", ["bestand"]))
    assert "too_much_at_once" in codes(doc)


def test_too_much_at_once_quiet_with_exactly_2_pilot_target_groups():
    doc = example_document()
    doc["plan"]["channels"][2]["target_groups"] = ["einsteiger"]
    assert "too_much_at_once" not in codes(doc)


def test_too_much_at_once_fires_with_3_pilot_target_groups():
    doc = example_document()
    doc["plan"]["target_groups"].append({"key": "b2b", "name": "Optiker"})
    doc["plan"]["channels"][1]["target_groups"] = ["bestand", "einsteiger", "b2b"]
    assert "too_much_at_once" in codes(doc)


def test_too_much_at_once_treats_a_channel_without_phase_as_pilot():
    doc = _pilot(example_document(), ("instagram", ["bestand"]))
    del doc["plan"]["channels"][-1]["phase"]
    assert "too_much_at_once" in codes(doc)


def test_no_listening_phase_fires_without_phase_0():
    doc = example_document()
    doc["plan"]["channels"][0]["phase"] = 1
    doc["plan"]["milestones"][0]["phase"] = 1
    assert "no_listening_phase" in codes(doc)


def test_no_listening_phase_quiet_with_a_phase_0_milestone_only():
    doc = example_document()
    doc["plan"]["channels"][0]["phase"] = 2
    assert "no_listening_phase" not in codes(doc)


def test_monologue_fires_when_no_channel_is_for_dialogue():
    doc = example_document()
    for channel in doc["plan"]["channels"]:
        channel["dialogue"] = False
    assert "monologue" in codes(doc)


def test_monologue_quiet_with_one_dialogue_channel_or_no_channels():
    doc = example_document()
    for channel in doc["plan"]["channels"][1:]:
        channel["dialogue"] = False
    assert "monologue" not in codes(doc)
    assert "monologue" not in codes(draft(channels=[]))


def test_no_content_plan_fires_without_themes():
    doc = example_document()
    doc["plan"]["content_themes"] = []
    assert "no_content_plan" in codes(doc)


def test_no_content_plan_quiet_with_a_theme():
    assert "no_content_plan" not in codes(example_document())


def test_no_off_limits_fires_when_nothing_or_only_blanks_are_off_limits():
    doc = example_document()
    doc["plan"]["off_limits"] = ["  "]
    assert "no_off_limits" in codes(doc)


def test_no_off_limits_quiet_with_an_entry():
    assert "no_off_limits" not in codes(example_document())


# --- roles, resources, guidelines, review ---------------------------------------------


def test_no_owner_fires_without_owner():
    doc = example_document()
    doc["plan"]["roles"][0]["is_owner"] = False
    assert "no_owner" in codes(doc)


def test_no_owner_quiet_with_one_owner():
    assert "no_owner" not in codes(example_document())


def test_several_owners_fires_with_two_owners():
    doc = example_document()
    doc["plan"]["roles"][1]["is_owner"] = True
    found = [f for f in findings(doc) if f.code == "several_owners"]
    assert len(found) == 1
    assert "Marko K." in found[0].message


def test_several_owners_quiet_with_one_owner():
    assert "several_owners" not in codes(example_document())


@pytest.mark.parametrize(
    "title", ["Praktikant", "Praktikantin Marketing", "Azubi", "Werkstudentin", "Social Media Intern", "TRAINEE"]
)
def test_owner_is_intern_fires_for_an_intern_title(title):
    doc = example_document()
    doc["plan"]["roles"][0]["title"] = title
    assert "owner_is_intern" in codes(doc)


@pytest.mark.parametrize("title", ["Leiter Kommunikation", "Leiterin Interne Kommunikation", "International Sales"])
def test_owner_is_intern_quiet_for_other_titles(title):
    doc = example_document()
    doc["plan"]["roles"][0]["title"] = title
    assert "owner_is_intern" not in codes(doc)


def test_owner_is_intern_ignores_interns_who_are_not_owner():
    doc = example_document()
    doc["plan"]["roles"].append({"person": "Lea", "title": "Praktikantin", "is_owner": False})
    assert "owner_is_intern" not in codes(doc)


def test_no_resources_fires_with_zero_staff_hours():
    doc = example_document()
    doc["plan"]["resources"]["staff_hours_per_week"] = 0
    assert "no_resources" in codes(doc)


def test_no_resources_counts_role_hours_when_staff_hours_are_missing():
    doc = example_document()
    del doc["plan"]["resources"]
    assert "no_resources" not in codes(doc)
    for role in doc["plan"]["roles"]:
        role["hours_per_week"] = None
    assert "no_resources" in codes(doc)


def test_no_guidelines_fires_without_guidelines():
    doc = example_document()
    doc["plan"]["guidelines"] = []
    assert "no_guidelines" in codes(doc)


def test_no_guidelines_quiet_with_one():
    assert "no_guidelines" not in codes(example_document())


@pytest.mark.parametrize("review", [None, {}, {"cadence_months": 7, "report_to": "Geschäftsführung"}])
def test_no_review_cycle_fires_without_review_or_beyond_6_months(review):
    doc = example_document()
    if review is None:
        del doc["plan"]["review"]
    else:
        doc["plan"]["review"] = review
    assert "no_review_cycle" in codes(doc)


def test_no_review_cycle_quiet_at_exactly_6_months():
    doc = example_document()
    assert doc["plan"]["review"]["cadence_months"] == 6
    assert "no_review_cycle" not in codes(doc)


def _without_management(doc):
    doc["plan"]["roles"] = [r for r in doc["plan"]["roles"] if r["title"] != "Geschäftsführung"]
    doc["plan"]["review"]["report_to"] = "Community Management"
    return doc


def test_executives_not_involved_fires_without_management():
    assert "executives_not_involved" in codes(_without_management(example_document()))


@pytest.mark.parametrize(
    ("where", "name"),
    [
        ("report_to", "Vorstand"),
        ("report_to", "Management"),
        ("title", "Geschäftsführerin"),
        ("title", "Managing Director"),
        ("title", "Inhaber"),
        ("person", "Anna (CEO)"),
        ("title", "Executive Board"),
        ("report_to", "Geschäftsleitung"),
    ],
)
def test_executives_not_involved_quiet_when_management_is_named(where, name):
    doc = _without_management(example_document())
    if where == "report_to":
        doc["plan"]["review"]["report_to"] = name
    else:
        doc["plan"]["roles"].append({"person": "", "title": "", where: name})
    assert "executives_not_involved" not in codes(doc)


def test_check_plan_without_benchmarks_argument_reads_the_database(db):
    # An empty benchmark table: growth targets are not judged, the other rules still run.
    doc = _followers_goal(example_document(), baseline=100, target=100_000, due="2027-07-01")
    assert [f.code for f in check_plan(doc, today=TODAY)] == []
