"""The PDF writes in the plan's language: money and dates as the locale writes them (as the screen does), one word
per severity (the plan check's), and the running header names the section running at the top of each page."""

import re

import pytest
from django.utils import translation

from bench.plans import example_document
from checklists.rules import Severity
from planner.plan_file import plan_to_document
from reports.services import render_pdf

from .conftest import import_document, pdf_text

pytestmark = pytest.mark.django_db

SECTIONS = {
    "de": ("Inhalt", "Freigabe", "Management Summary", "Bestandsaufnahme", "Ziele und KPIs", "Zielgruppen",
           "Kanäle und Zielgruppen", "Inhalte", "Rollen und Richtlinien", "Roadmap",
           "Ressourcen und Überprüfungsrhythmus", "Stand der Checkliste", "Befunde und Maßnahmen", "Quellen",
           "Anhang: Punkte der Checklisten"),
}  # fmt: skip


def plan_in(language: str, organization, **changes):
    document = example_document()
    document["plan"].update(language=language, **changes)
    document["plan"]["goals"][0]["kpis"][0]["baseline"] = 1234.5
    return import_document(document, organization)


def text_of(plan, tmp_path, variant: str = "full") -> str:
    return " ".join(pdf_text(render_pdf(snapshot=plan_to_document(plan), variant=variant).content, tmp_path).split())


@pytest.mark.parametrize(
    ("language", "money", "number", "dates", "not_expected"),
    [
        ("de", ("6.000 €", "1.200 €", "7.200 €"), "1.234,50 %", ("31.12.2027", "1. Januar 2027"), ("6,000", "1200 €")),
        ("en", ("6,000 €", "1,200 €", "7,200 €"), "1,234.50 %", ("12/31/2027", "Jan. 1, 2027"), ("6.000", "31.12.")),
    ],
)
def test_money_numbers_and_dates_are_written_as_the_plans_language_writes_them(
    content, organization, tmp_path, language, money, number, dates, not_expected
):
    text = text_of(plan_in(language, organization), tmp_path)
    for expected in (*money, number, *dates):
        assert expected in text, expected
    for unexpected in not_expected:
        assert unexpected not in text, unexpected
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), "an ISO date"


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_severity_has_one_word_the_plan_checks(content, organization, tmp_path, language):
    plan = plan_in(language, organization, roles=[])  # nobody owns the strategy: a critical finding
    text = text_of(plan, tmp_path)
    with translation.override(language):
        critical, note = str(Severity.ERROR.label).upper(), str(Severity.INFO.label).upper()
    summary_findings = text[text.index("Die drei" if language == "de" else "The three") :]
    assert critical in summary_findings[:400]  # the summary's most serious finding
    findings = text[text.rindex("Befunde und Maßnahmen" if language == "de" else "Findings and measures") :]
    assert critical in findings and note in findings
    assert ("FEHLER" if language == "de" else "ERROR") not in text  # the screen's old word


def test_the_running_header_names_the_section_at_the_top_of_the_page(example_plan, tmp_path):
    rendered = render_pdf(snapshot=plan_to_document(example_plan), variant="full")
    running = None
    started_mid_page = 0
    for number in range(2, rendered.page_count + 1):
        lines = [line.strip() for line in pdf_text(rendered.content, tmp_path, layout=True, page=number).splitlines()]
        lines = [line for line in lines if line]
        header, body = lines[0], lines[1:-1]  # the last line is the footer
        headings = [line for line in body if line in SECTIONS["de"]]
        top = body[0] in SECTIONS["de"]
        expected = body[0] if top else running
        assert header.endswith(expected), f"page {number}: {header!r}, expected {expected!r}"
        started_mid_page += bool(headings) and headings[-1] != body[0]
        if headings:
            running = headings[-1]
    assert started_mid_page, "no section starts mid-page: the case this test is about was not seen"
