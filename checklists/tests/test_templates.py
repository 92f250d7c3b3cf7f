"""The findings and the maturity as the overview shows them: the plan check and the self-assessment apart."""

from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils.translation import override

from checklists.scoring import readiness

from .plans import draft, example_document, findings, seed_content


def summary(document, language="en") -> str:
    with override(language):
        result = readiness(document, findings(document), seed_content().items)
        return Template("{% load checklist_tags %}{% readiness_summary readiness %}").render(
            Context({"readiness": result})
        )


def done(document):
    document["plan"]["checklist"] = [{"item": slug, "status": "done"} for slug in seed_content().items]
    return document


def test_findings_partial_shows_message_measures_and_source():
    with override("de"):
        html = render_to_string("checklists/_findings.html", {"findings": findings(draft())})
    assert 'data-code="no_goals"' in html
    assert "12 Gründe, warum Unternehmen keinen Erfolg in Social Media haben" in html


def test_findings_partial_without_findings():
    assert "findings-none" in render_to_string("checklists/_findings.html", {"findings": []})


def test_an_unanswered_checklist_shows_not_assessed_and_only_the_plan_check():
    html = summary(example_document())
    assert "stage-not-assessed" in html and "Not assessed yet: 0 of 43 checklist items are answered" in html
    assert 'class="row mb-2 plan-check-scores"' in html
    assert "self-assessment-scores" not in html


def test_an_assessed_plan_shows_its_stage_what_it_does_and_both_parts_apart():
    html = summary(done(example_document()))
    assert "stage-transformation" in html and "Transformation" in html
    assert "reviewed at least every six months" in html
    assert html.count('aria-label="Plan check: ') == 7 and html.count('aria-label="Self-assessment: ') == 7
    assert "M&amp;I/Partners" in html


def test_a_ticked_item_the_plan_check_contradicts_is_shown_as_not_counting():
    document = done(example_document())
    document["plan"]["roles"][0]["title"] = "Werkstudentin"
    html = summary(document)
    assert "stage-experimental" in html
    assert "Do not offload it onto the trainee or intern" in html.split("the plan check says otherwise")[1]
    assert "What the plan still lacks for “Functional”" in html


def test_the_summary_speaks_german_with_german_stage_names():
    html = summary(done(example_document()), "de")
    assert "Reifegrad" in html and "Planprüfung" in html and "Selbsteinschätzung" in html
    assert "Transformation" in html and "M&amp;I/Partners" in html
