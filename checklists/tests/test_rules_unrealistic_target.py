"""unrealistic_target: a KPI's target against the curated benchmark of its metric (on its own channel
when it names one), with the small-account allowance, the new-account ceiling, NPS in points and
sales expected too early; the message quotes the benchmark and its source in the reader's language.

The example plan starts on 2027-01-01; months are days / (365.25 / 12).
"""

import re
from dataclasses import replace

import pytest
from django.utils import translation

from checklists.rules import check_plan
from checklists.selectors import Benchmark

from .plans import TODAY, codes, draft, example_document, findings, messages, seed_content

MONTH = 365.25 / 12


def _kpi_goal(doc, *, metric="followers", baseline=1000, target=2000, due="2027-12-31", channel=None,
              category="awareness", goal_channels=()):  # fmt: skip
    kpi = {"name": "Follower", "metric": metric, "baseline": baseline, "target": target, "due": due}
    if channel:
        kpi["channel"] = channel
    doc["plan"]["goals"].append({"key": "reach", "category": category, "title": "Reichweite", "kpis": [kpi]})
    for slug in goal_channels:
        doc["plan"]["channels"].append(
            {"channel": slug, "dialogue": True, "target_groups": ["bestand"], "goals": ["reach"], "phase": 2}
        )
    return doc


def fires(**kpi) -> bool:
    return "unrealistic_target" in codes(_kpi_goal(example_document(), **kpi))


def only(*benchmarks: Benchmark):
    """The seed content with just these benchmarks, to isolate one part of the judgement."""
    return replace(seed_content(), benchmarks=benchmarks)


def fires_with(content, **kpi) -> bool:
    found = check_plan(_kpi_goal(example_document(), **kpi), content=content, today=TODAY)
    return "unrealistic_target" in [f.code for f in found]


# --- relative growth ------------------------------------------------------------------------------


def test_followers_times_40_in_9_months_is_unrealistic_and_a_modest_rise_is_not():
    assert fires(baseline=1000, target=40_000, due="2027-10-01")
    assert not fires(baseline=1000, target=1500, due="2027-12-31")


def test_the_relative_growth_limit_on_both_sides():
    content = only(Benchmark("followers", None, 10.0))
    months = 364 / MONTH  # until 2027-12-31
    limit = 1000 * 1.10**months
    assert not fires_with(content, baseline=1000, target=int(limit), due="2027-12-31")
    assert fires_with(content, baseline=1000, target=int(limit) + 1, due="2027-12-31")


def test_a_target_at_or_below_the_baseline_needs_no_judgement():
    assert not fires(baseline=5000, target=5000, due="2027-02-01")
    assert not fires(baseline=5000, target=100, due="2027-02-01")


def test_without_a_benchmark_for_the_metric_nothing_is_judged():
    assert not fires_with(only(Benchmark("reach", None, 1.0)), baseline=10, target=10**9, due="2027-02-01")


# --- the small-account allowance -------------------------------------------------------------------


def test_a_new_shop_account_growing_from_40_to_600_followers_in_a_year_is_realistic():
    assert not fires(baseline=40, target=600, due="2027-12-31")


def test_the_allowance_is_what_makes_a_small_account_realistic():
    no_allowance = only(Benchmark("followers", None, 3.0))
    assert fires_with(no_allowance, baseline=40, target=600, due="2027-12-31")


def test_the_allowance_on_both_sides_of_its_limit():
    content = only(Benchmark("followers", None, 0.0, small_account_allowance=100))
    limit = 40 + 100 * 364 / MONTH  # 1,235.9 until 2027-12-31
    assert not fires_with(content, baseline=40, target=int(limit), due="2027-12-31")
    assert fires_with(content, baseline=40, target=int(limit) + 1, due="2027-12-31")


# --- the new-account ceiling -----------------------------------------------------------------------


@pytest.mark.parametrize("baseline", [0, None])
def test_a_tiktok_account_from_zero_to_50000_followers_in_six_months_is_unrealistic(baseline):
    assert fires(baseline=baseline, target=50_000, due="2027-07-01", channel="tiktok")


@pytest.mark.parametrize("baseline", [0, None])
def test_the_new_account_ceiling_on_both_sides(baseline):
    content = only(Benchmark("followers", "tiktok", 10.0, new_account_ceiling=5000))
    assert not fires_with(content, baseline=baseline, target=5000, due="2027-07-01", channel="tiktok")
    assert fires_with(content, baseline=baseline, target=5001, due="2027-07-01", channel="tiktok")


def test_reach_from_zero_is_judged_by_its_ceiling_too_but_other_metrics_are_not():
    assert fires(metric="reach", baseline=0, target=5_000_000, due="2027-07-01")
    assert not fires(metric="reach", baseline=0, target=10_000, due="2027-07-01")
    assert not fires(metric="leads", baseline=0, target=10**9, due="2027-12-31")


# --- channels ---------------------------------------------------------------------------------------


def test_a_kpi_that_names_its_channel_is_judged_by_that_channels_benchmark():
    # 1,000 -> 2,500 in a year: about 8 % a month; Instagram's 8 % allows it, the general 3 % does not.
    assert not fires(baseline=1000, target=2500, channel="instagram")
    assert fires(baseline=1000, target=2500, channel="facebook")
    assert fires(baseline=1000, target=2500)


def test_a_goals_other_channels_never_raise_a_kpis_ceiling():
    assert fires(baseline=1000, target=2500, channel="facebook", goal_channels=("tiktok", "instagram"))
    assert fires(baseline=1000, target=2500, goal_channels=("instagram",))


def test_a_channel_without_its_own_benchmark_falls_back_to_the_metrics_general_one():
    general_ok = max(1000 * 1.03 ** (364 / MONTH), 1000 + 100 * 364 / MONTH)  # the more generous of the two
    assert not fires(baseline=1000, target=int(general_ok), channel="youtube")
    assert fires(baseline=1000, target=int(general_ok) + 1, channel="youtube")


# --- NPS in points ----------------------------------------------------------------------------------


def test_nps_is_judged_in_points_not_percent():
    # 21 -> 30 points is 0.75 points a month: realistic, though 43 % "growth" in percent.
    assert not fires(metric="nps", baseline=21, target=30)
    allowed = 21 + 1 * 364 / MONTH  # 32.96 until 2027-12-31
    assert not fires(metric="nps", baseline=21, target=int(allowed))
    assert fires(metric="nps", baseline=21, target=int(allowed) + 1)


def test_nps_from_a_negative_baseline_is_judged_in_points():
    assert not fires(metric="nps", baseline=-10, target=0)
    assert fires(metric="nps", baseline=-10, target=20)


# --- reductions -------------------------------------------------------------------------------------


def test_service_tickets_are_judged_by_their_reduction():
    doc = example_document()
    kpi = doc["plan"]["goals"][1]["kpis"][0]  # 900 -> 750 by 2027-09-30: about 2 % fewer a month
    assert "unrealistic_target" not in codes(doc)
    kpi["target"] = 100
    with translation.override("de"):
        found = messages(doc, "unrealistic_target")
    assert len(found) == 1 and "sinken" in found[0] and "Wachstum" not in found[0]
    kpi["target"] = 1200  # more tickets is no reduction target at all
    assert "unrealistic_target" not in codes(doc)


# --- sales too early --------------------------------------------------------------------------------


@pytest.mark.parametrize(("due", "fires_"), [("2027-06-30", True), ("2027-07-01", False)])
def test_leads_due_within_6_months_of_the_start(due, fires_):
    assert fires(metric="leads", baseline=10, target=11, due=due) is fires_


def test_any_kpi_of_a_sales_goal_counts_as_sales():
    assert fires(metric="mentions", baseline=10, target=11, due="2027-03-31", category="sales")
    assert not fires(metric="mentions", baseline=10, target=11, due="2027-03-31", category="image")


def test_a_kpi_due_before_the_start_is_outside_the_horizon_not_early():
    doc = _kpi_goal(example_document(), metric="leads", baseline=10, target=11, due="2026-12-01")
    assert "unrealistic_target" not in codes(doc)
    assert "outside_horizon" in codes(doc)


def test_early_sales_near_the_end_of_the_calendar_never_crash():
    leads = {"name": "Leads", "metric": "leads", "target": 2, "due": "9999-12-31"}
    document = draft(start_date="9999-12-31", goals=[{"key": "sales", "title": "Verkaufen", "kpis": [leads]}])
    assert "unrealistic_target" not in codes(document)


def test_without_start_date_today_is_the_start():
    doc = _kpi_goal(example_document(), metric="leads", baseline=10, target=11, due="2027-03-31")
    del doc["plan"]["start_date"]
    assert "unrealistic_target" in [f.code for f in findings(doc)]  # today is 2026-11-01


# --- numbers that once crashed the check ---------------------------------------------------------------


def test_a_kpi_from_1_to_100_billion_due_a_day_after_the_start_is_unrealistic_without_overflow():
    document = _kpi_goal(example_document(), baseline=1, target=10**11, due="2027-01-02")
    with translation.override("en"):
        found = messages(document, "unrealistic_target")
    assert len(found) == 1
    assert "more than 10,000% growth a month" in found[0]


# --- what the message says --------------------------------------------------------------------------


def test_the_message_names_things_as_users_do_and_quotes_benchmark_and_source():
    doc = _kpi_goal(example_document(), baseline=1000, target=40_000, due="2027-10-01", channel="instagram")
    with translation.override("de"):
        (message,) = messages(doc, "unrealistic_target")
    assert message.startswith("Die Kennzahl „Follower“ des Ziels „Reichweite“ soll bis zum 01.10.2027 von 1.000 auf")
    assert "40.000" in message and "Follower auf Instagram" in message
    assert "TrackMaven" in message and "2016 Social Media Inflation Index" in message
    assert "veröffentlichter Wert" in message
    assert not re.search(r"\d{4}-\d{2}-\d{2}|followers|instagram\b", message)


def test_an_assumption_is_said_to_be_one():
    with translation.override("en"):
        (message,) = messages(_kpi_goal(example_document(), metric="mentions", baseline=10, target=1000),
                              "unrealistic_target")  # fmt: skip
    assert "Benchmark: assumption of the planner." in message


def test_two_problems_of_one_kpi_each_have_their_subject():
    doc = _kpi_goal(example_document(), metric="leads", baseline=10, target=10_000, due="2027-03-31")
    for language in ("de", "en"):
        with translation.override(language):
            (message,) = messages(doc, "unrealistic_target")
        sentences = re.split(r"(?<=[.!?])\s+", message)
        assert all(sentence[0].isupper() for sentence in sentences), sentences
        assert sum(("Kennzahl „Follower“" in s or "KPI “Follower”" in s) for s in sentences) == 2


def test_after_its_first_year_a_new_account_grows_at_the_relative_rate():
    # TikTok: 5,000 in the first 12 months, then 10 % a month: about 8,857 after 18 months.
    document = _kpi_goal(example_document(), baseline=0, target=100_000, due="2028-07-01", channel="tiktok")
    with translation.override("en"):
        (message,) = messages(document, "unrealistic_target")
    assert "in its first twelve months (Followers on TikTok) – about 8,800 by 07/01/2028." in message
    within_a_year = _kpi_goal(example_document(), baseline=0, target=100_000, due="2027-07-01", channel="tiktok")
    with translation.override("en"):
        (message,) = messages(within_a_year, "unrealistic_target")
    assert "in its first twelve months (Followers on TikTok). Benchmark:" in message
