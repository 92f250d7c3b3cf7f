"""Rules on resources: hours, the workload they carry, budgets, and the review cycle.

The example plan: 31 staff hours a week; posts 0 + 1 + 3 + 0.5 = 4.5 a week; paid media 6,000 EUR;
tools 1,200 EUR; review every 6 months.
"""

import pytest
from django.utils import translation

from .plans import codes, example_document, messages


def _resources(**values):
    doc = example_document()
    doc["plan"]["resources"].update(values)
    return doc


def test_no_resources_fires_with_zero_staff_hours():
    assert "no_resources" in codes(_resources(staff_hours_per_week=0))
    assert "no_resources" not in codes(_resources(staff_hours_per_week=0.5))


def test_no_resources_counts_role_hours_when_staff_hours_are_missing():
    doc = example_document()
    del doc["plan"]["resources"]
    assert "no_resources" not in codes(doc)
    for role in doc["plan"]["roles"]:
        role["hours_per_week"] = None
    assert "no_resources" in codes(doc)


@pytest.mark.parametrize(("hours", "fires"), [(2.25, False), (2.2, True)])
def test_workload_exceeds_hours_above_two_posts_per_staff_hour(hours, fires):
    # 4.5 posts a week need at least 2.25 staff hours.
    assert ("workload_exceeds_hours" in codes(_resources(staff_hours_per_week=hours))) is fires


def test_workload_counts_the_posts_of_every_channel_in_every_phase():
    doc = _resources(staff_hours_per_week=2.5)
    doc["plan"]["channels"][3].update(posts_per_week=2, phase=5)  # youtube, later: 6 posts in all
    with translation.override("de"):
        (message,) = messages(doc, "workload_exceeds_hours")
    assert "6 Beiträge" in message and "2,5 Stunden Arbeitszeit" in message


def test_workload_is_not_judged_when_no_hours_are_known():
    doc = example_document()
    del doc["plan"]["resources"]["staff_hours_per_week"]
    for role in doc["plan"]["roles"]:
        role["hours_per_week"] = None
    assert "workload_exceeds_hours" not in codes(doc)


@pytest.mark.parametrize("budget", [None, 0])
def test_no_paid_budget_for_an_awareness_goal_without_paid_media(budget):
    assert "no_paid_budget" in codes(_resources(paid_media_budget_eur=budget))


def test_no_paid_budget_quiet_with_a_budget_or_without_a_goal_that_needs_reach():
    assert "no_paid_budget" not in codes(_resources(paid_media_budget_eur=1))
    doc = _resources(paid_media_budget_eur=0)
    doc["plan"]["goals"] = [g for g in doc["plan"]["goals"] if g["category"] != "awareness"]
    assert "no_paid_budget" not in codes(doc)


@pytest.mark.parametrize("category", ["awareness", "image", "acquisition", "sales", "recruiting"])
def test_no_paid_budget_for_each_goal_that_needs_reach(category):
    doc = _resources(paid_media_budget_eur=0)
    for goal in doc["plan"]["goals"]:
        goal["category"] = "loyalty"
    doc["plan"]["goals"][0]["category"] = category
    assert "no_paid_budget" in codes(doc)


def test_tools_before_strategy_without_goals_or_target_groups():
    doc = example_document()
    doc["plan"]["goals"] = []
    assert "tools_before_strategy" in codes(doc)
    doc = example_document()
    doc["plan"]["target_groups"] = []
    assert "tools_before_strategy" in codes(doc)
    doc["plan"]["resources"]["tools_budget_eur"] = 0
    assert "tools_before_strategy" not in codes(doc)


@pytest.mark.parametrize(("tools", "fires"), [(31_000, False), (31_000.01, True)])
def test_tools_before_strategy_above_1000_eur_per_staff_hour(tools, fires):
    assert ("tools_before_strategy" in codes(_resources(tools_budget_eur=tools))) is fires


def test_14000_eur_for_tools_and_one_staff_hour_in_the_readers_format():
    with translation.override("de"):
        (message,) = messages(_resources(tools_budget_eur=14_000, staff_hours_per_week=1), "tools_before_strategy")
    assert "14.000 €" in message
    with translation.override("en"):
        (message,) = messages(_resources(tools_budget_eur=14_000, staff_hours_per_week=1), "tools_before_strategy")
    assert "€14,000" in message


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
