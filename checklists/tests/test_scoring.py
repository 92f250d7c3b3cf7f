"""The maturity score: the plan check and the self-assessment apart, no stage before 60 % of the
checklist is answered, and no stage a plan does not visibly live up to, however the checklist is ticked."""

import math

import pytest
from django.core.management import call_command
from django.utils import translation

from checklists.rules import Finding
from checklists.scoring import METHOD_SUMMARY, MODEL_CITATION, STAGES, readiness

from .plans import draft, example_document, findings, seed_content

ITEMS = seed_content("de").items


def score(document):
    return readiness(document, findings(document), ITEMS)


def answered(document, status="done", *, count=None, items=None):
    slugs = list(items or ITEMS)[:count]
    document["plan"]["checklist"] = [{"item": slug, "status": status} for slug in slugs]
    return document


def test_the_four_stages_follow_the_cited_model():
    assert [(s.rank, s.slug) for s in STAGES] == [
        (1, "ad_hoc"), (2, "experimental"), (3, "functional"), (4, "transformation")
    ]  # fmt: skip
    assert "M&I/Partners" in str(MODEL_CITATION) and "2011" in str(MODEL_CITATION)


def test_the_json_has_exactly_the_formats_keys():
    result = score(answered(example_document()))
    assert result.as_json() == {"stage": "transformation", "rank": 4, "assessed": True, "dimensions": result.dimensions}
    assert set(result.dimensions) == {"strategy", "organization", "culture", "content", "dialogue", "measurement",
                                      "resources"}  # fmt: skip


# --- 60 % answered ------------------------------------------------------------------------------------


def test_no_stage_until_60_percent_of_the_checklist_is_answered():
    needed = math.ceil(0.6 * len(ITEMS))
    below = score(answered(example_document(), count=needed - 1))
    assert (below.assessed, below.stage, below.rank) == (False, None, None)
    at = score(answered(example_document(), count=needed))
    assert at.assessed and at.stage is not None


def test_exactly_60_percent_answered_is_assessed():
    five = dict(list(ITEMS.items())[:5])
    document = answered(example_document(), items=five, count=3)  # 3 of 5: exactly 60 %
    assert readiness(document, findings(document), five).assessed
    document = answered(example_document(), items=five, count=2)
    assert not readiness(document, findings(document), five).assessed


def test_open_is_no_answer_but_not_applicable_is():
    assert not score(answered(example_document(), "open")).assessed
    assert score(answered(example_document(), "not_applicable")).assessed
    assert score(answered(example_document(), "in_progress")).assessed


def test_an_excellent_plan_with_an_unanswered_checklist_is_not_assessed_and_not_the_same_as_an_empty_plan():
    with translation.override("en"):
        excellent, empty = score(example_document()), score(draft())
        assert excellent.stage_label == empty.stage_label == "Not assessed"
    assert excellent.stage is None and empty.stage is None
    assert excellent.dimensions == excellent.plan_check != empty.dimensions
    assert excellent.average >= 95 and empty.average < 70


# --- stages and what holds a plan below them -------------------------------------------------------------


def test_an_excellent_plan_with_everything_done_reaches_the_top_stage():
    assert score(answered(example_document())).stage == "transformation"


def test_a_plan_whose_owner_is_a_trainee_cannot_reach_the_top_stage_however_its_checklist_is_ticked():
    document = answered(example_document())
    document["plan"]["roles"][0]["title"] = "Werkstudentin Marketing"
    result = score(document)
    assert result.rank < 4
    assert result.stage == "experimental"
    assert "Nicht an Azubi oder Praktikant abschieben" in result.contradicted


def test_a_plan_that_buys_fans_cannot_reach_the_top_stage():
    document = answered(example_document())
    document["plan"]["summary"] = "Zum Start kaufen wir 5.000 Fans."
    assert score(document).stage == "ad_hoc"


def test_a_plan_without_goals_and_an_apprentice_as_owner_stays_ad_hoc():
    document = answered(example_document())
    document["plan"]["goals"] = []
    document["plan"]["roles"][0]["title"] = "Auszubildender"
    assert score(document).stage == "ad_hoc"


def test_the_top_stage_needs_reviews_at_least_every_six_months():
    document = answered(example_document())
    document["plan"]["review"]["cadence_months"] = 12
    with translation.override("en"):
        result = score(document)
    assert result.stage == "functional"
    assert result.missing[:2] == (
        "the KPIs are reviewed at least every six months",
        "no warning left in the plan check",
    )


@pytest.mark.parametrize(
    ("plan_change", "stage"),
    [
        (lambda plan: plan["roles"][0].update(hours_per_week=2), "experimental"),  # owner without time
        (lambda plan: [plan["roles"].pop(), plan["review"].update(report_to="Team")], "experimental"),  # no executives
        (lambda plan: [c.update(dialogue=False) for c in plan["channels"]], "experimental"),  # monologue
        (lambda plan: plan["goals"][0]["kpis"][0].update(due=None), "experimental"),  # a KPI without date
        (lambda plan: plan["situation"].clear(), "functional"),  # a warning: not the top
    ],
)
def test_what_an_organisation_visibly_does_decides_the_stage(plan_change, stage):
    document = answered(example_document())
    plan_change(document["plan"])
    assert score(document).stage == stage


def test_the_stage_follows_the_weakest_dimension_the_lower_of_plan_check_and_self_assessment():
    # Everything in progress: self-assessment 50 everywhere, but organisation lower: "Launch: introduce step
    # by step" (weight 3 of 21) is contradicted by the two-channel pilot, so 0.5 * 18 / 21 = 43.
    result = score(answered(example_document(), "in_progress"))
    assert result.self_assessment["organization"] == 43 and result.plan_check["organization"] == 95
    assert result.dimensions["organization"] == 43
    assert (result.weakest, result.stage) == ("organization", "experimental")
    assert any("43" in m for m in result.missing)


def test_a_mostly_open_checklist_keeps_the_stage_low():
    document = answered(example_document(), "open")
    slugs = list(ITEMS)
    document["plan"]["checklist"] = [{"item": s, "status": "done" if i < 26 else "open"} for i, s in enumerate(slugs)]
    result = score(document)
    assert result.assessed and result.rank <= 2


# --- the two parts ---------------------------------------------------------------------------------------


def _finding(code: str, severity: str) -> Finding:
    return Finding(code=code, severity=severity, message="", source="", step="")


def test_the_plan_check_deducts_by_severity_in_the_rules_dimension():
    document = answered(example_document())
    errors = readiness(document, [_finding("no_owner", "error")], ITEMS)
    warnings = readiness(document, [_finding("several_owners", "warning")], ITEMS)
    notes = readiness(document, [_finding("pilot_not_focused", "info")], ITEMS)
    assert (errors.plan_check["organization"], warnings.plan_check["organization"]) == (60, 80)
    assert notes.plan_check["organization"] == 95
    assert errors.plan_check["strategy"] == 100


def test_a_contradicted_item_never_counts_as_done():
    document = answered(example_document())
    clean = readiness(document, [], ITEMS)
    contradicted = readiness(document, [_finding("bought_followers", "error")], ITEMS)
    assert clean.self_assessment["measurement"] == 100
    assert contradicted.self_assessment["measurement"] < 100
    assert contradicted.contradicted == ("Ehrliche Kennzahlen – keine gekauften Fans und Follower",)


def test_answers_count_by_weight_in_progress_half_and_not_applicable_left_out():
    document = answered(example_document(), "not_applicable")
    document["plan"]["checklist"] = [
        {"item": slug, "status": "done" if slug == "sf-strategy" else "in_progress" if slug == "faq-strategy"
         else "not_applicable"}
        for slug in ITEMS
    ]  # fmt: skip
    # strategy: sf-strategy (3, done) and faq-strategy (3, in progress): 4.5 / 6 = 75 %
    assert readiness(document, [], ITEMS).self_assessment["strategy"] == 75


def test_the_method_is_explained_in_both_languages():
    with translation.override("de"):
        assert "schwächsten Dimension" in str(METHOD_SUMMARY)
        assert str(STAGES[1].label) == "Experimentell"
    with translation.override("en"):
        assert "weakest dimension" in str(METHOD_SUMMARY)


@pytest.mark.django_db
def test_items_default_to_the_active_items_in_the_database():
    call_command("load_content", verbosity=0)
    document = answered(example_document())
    assert readiness(document, []).stage == "transformation"
