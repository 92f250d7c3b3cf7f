"""The report's summary says the maturity as the overview does, in the plan's language: a stage with
what it means, or "not assessed"; the most serious findings in whole sentences."""

import pytest

from bench.plans import example_document
from checklists.models import ChecklistItem
from planner.plan_file import plan_to_document
from reports.document import _summary_sentences
from reports.services import render_pdf

from .conftest import import_document, pdf_text

pytestmark = pytest.mark.django_db


def summary_text(document, tmp_path) -> str:
    plan = import_document(document)
    text = pdf_text(render_pdf(snapshot=plan_to_document(plan), variant="short").content, tmp_path)
    return " ".join(text.split())


def test_an_unanswered_checklist_is_not_assessed_in_the_summary(content, tmp_path):
    text = summary_text(example_document(), tmp_path)
    assert "Reifegrad" in text and "Nicht bewertet" in text  # the radar's labels stand between them
    assert "0 von 43 Punkten der Checkliste sind beantwortet" in text


def test_an_answered_checklist_gives_the_stage_and_what_it_means(content, tmp_path):
    document = example_document()
    document["plan"]["checklist"] = [
        {"item": slug, "status": "done", "note": ""} for slug in ChecklistItem.objects.values_list("slug", flat=True)
    ]
    text = summary_text(document, tmp_path)
    assert "Transformation (Stufe 4 von 4)" in text
    assert "Social Media gehört zur Arbeitsweise des Unternehmens." in text


def test_an_english_plans_summary_is_english(content, tmp_path):
    document = example_document()
    document["plan"]["language"] = "en"
    document["plan"]["roles"] = []
    text = summary_text(document, tmp_path)
    assert "Maturity" in text and "Not assessed" in text
    assert "No one has overall responsibility." in text


def test_a_summarised_finding_keeps_whole_sentences():
    message = (
        "Es ist nicht vereinbart, was tabu ist. Klären Sie mit der Geschäftsführung, was NICHT nach außen "
        "kommuniziert werden darf (z. B. Umsatzzahlen, interne Strategiebesprechungen) – dann kann alles andere "
        "offen geteilt werden."
    )
    assert _summary_sentences(message) == message
    long = "Erster Satz. " + "Zweiter Satz, der sehr lang ist " * 12 + "und endet."
    assert _summary_sentences(long) == "Erster Satz."
