"""The executive summary names the channels, the budget and what the executives are asked to decide, in the plan's
language, in the full report and in the summary alone."""

import pytest

from bench.plans import example_document
from planner.plan_file import plan_to_document
from reports.services import render_pdf

from .conftest import import_document, pdf_text

pytestmark = pytest.mark.django_db


def summary(plan, tmp_path, *, variant: str = "full", number: int | None = 4, approval: dict | None = None) -> str:
    rendered = render_pdf(snapshot=plan_to_document(plan), variant=variant, number=number, approval=approval)
    text = " ".join(pdf_text(rendered.content, tmp_path).split())
    heading = "Management Summary" if "Management Summary" in text else "Executive summary"
    start = text.index(heading, text.index(heading) + 1) if variant == "full" else text.index(heading)
    return text[start : text.index("Die drei" if heading == "Management Summary" else "The three", start)]


@pytest.mark.parametrize("variant", ["full", "short"])
def test_the_summary_names_channels_budget_and_decisions(example_plan, tmp_path, variant):
    text = summary(example_plan, tmp_path, variant=variant)
    assert "Kanäle" in text and "Phase 0 · Zuhören: Foren und Communities" in text  # radar labels may come between
    assert "Phase 1 · Pilot: Unternehmensblog, Facebook" in text and "Phase 2: YouTube" in text
    decisions = text[text.index("Was die Geschäftsleitung entscheiden soll") :]
    for decision in (
        "Version 4 dieser Strategie freigeben.",
        "Budget von 7.200 € freigeben: 6.000 € für Paid Media und 1.200 € für Tools.",
        "31 Personalstunden pro Woche zusagen (davon 31 Rollen zugeordnet).",
        "Pilotkanäle bestätigen: Unternehmensblog, Facebook.",
        "Überprüfung alle 6 Monate mit Bericht an Geschäftsführung vereinbaren.",
    ):
        assert decision in decisions, decision


def test_an_english_plan_gets_an_english_summary(content, organization, tmp_path):
    document = example_document()
    document["plan"]["language"] = "en"
    text = summary(import_document(document, organization), tmp_path)
    assert "Channels" in text and "Phase 0 · listening: Forums and communities" in text
    decisions = text[text.index("What we ask the executives to decide") :]
    assert "Approve version 4 of this strategy." in decisions
    assert "Release a budget of 7,200 €: 6,000 € for paid media and 1,200 € for tools." in decisions
    assert "Commit 31 staff hours a week (31 of them assigned to roles)." in decisions
    assert "Agree on a review every 6 months, reported to Geschäftsführung." in decisions


def test_an_approved_version_is_not_put_up_for_approval_again(example_plan, tmp_path):
    approval = {"number": 4, "by": "Erik", "at": "2027-01-05T10:00:00+00:00", "open_comments": 0, "covers": True}
    text = summary(example_plan, tmp_path, approval=approval)
    assert "freigeben." not in text.replace("Budget von", "")  # only the budget is released
    assert "Budget von 7.200 € freigeben" in text


def test_critical_findings_are_for_the_executives_to_settle(content, organization, tmp_path):
    document = example_document()
    document["plan"]["roles"] = []  # nobody owns the strategy: a critical finding
    text = summary(import_document(document, organization), tmp_path)
    decisions = text[text.index("Was die Geschäftsleitung entscheiden soll") :]
    assert "kritischen Befund" in decisions and "vor dem Start klären." in decisions


def test_a_plan_without_budget_or_channels_asks_only_what_it_has(content, organization, tmp_path):
    document = example_document()
    document["plan"]["channels"] = []
    document["plan"]["resources"] = {}
    text = summary(import_document(document, organization), tmp_path)
    assert "Kanäle" not in text.split("Was die Geschäftsleitung")[0].split("Reifegrad")[1]
    decisions = text[text.index("Was die Geschäftsleitung entscheiden soll") :]
    assert "Budget" not in decisions and "Pilotkanäle" not in decisions and "Personalstunden" not in decisions
    assert "Version 4 dieser Strategie freigeben." in decisions
