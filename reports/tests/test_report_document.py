"""The PDF a board reads: every section, in the plan's language, with contents, bookmarks and fonts."""

import io
import re
import subprocess

import pytest
from pypdf import PdfReader

from bench.plans import example_document
from planner.plan_file import plan_to_document
from reports.services import render_pdf

from .conftest import import_document, pdf_text

pytestmark = pytest.mark.django_db

# The shipped example plan is German ("language": "de"), so is its report.
SECTIONS = (
    "Management Summary",
    "Bestandsaufnahme",
    "Ziele und KPIs",
    "Zielgruppen",
    "Kanäle und Zielgruppen",
    "Inhalte",
    "Rollen und Richtlinien",
    "Roadmap",
    "Ressourcen und Überprüfungsrhythmus",
    "Stand der Checkliste",
    "Befunde und Maßnahmen",
    "Quellen",
)


@pytest.fixture
def full_pdf(example_plan):
    return render_pdf(snapshot=plan_to_document(example_plan), variant="full", number=4)


def test_the_full_report_reads_back_every_part_of_the_plan(full_pdf, tmp_path):
    text = " ".join(pdf_text(full_pdf.content, tmp_path).split())
    for expected in (
        # cover
        "Social-Media-Strategie 2027",
        "Kontaktlinsen Versand Leipzig GmbH",
        "Version 4",
        "Entwurf",
        "Beginn 1. Januar 2027",
        # summary: goals with headline KPI, readiness, staff and budget, roadmap
        "Kundenbindung stärken Wiederkaufrate 38 % 42 % 31.12.2027",
        "Personalstunden pro Woche 31 Std.",
        "6.000 €",
        "Roadmap auf einen Blick",
        # situation as SWOT
        "Stärken",
        "Schneller Versand",
        "Bisher keine Social-Media-Erfahrung",
        "Viele Fragen zu Kontaktlinsenpflege in Foren",
        "Große Wettbewerber mit eigenen Communities",
        "Linsen-Direkt",
        # goals and KPIs
        "Net Promoter Score",
        "900 pro Monat",
        "30.09.2027",
        # target groups with technographics
        "Bestandskunden 25-45",
        "Erinnerung, Pflegetipps, schnelle Hilfe",
        "Social-Technographics-Profil",
        # channel matrix
        "Dialog und Service",
        # content
        "Pflege-ABC",
        "Optikermeisterin im Kundenservice",
        "Was wir nicht veröffentlichen",
        "Lieferantenkonditionen",
        # guidelines (the owner's mark is checked below)
        "Wir duzen nicht",
        # roadmap
        "Pilot: Blog und Facebook für Bestandskunden",
        # resources and review cycle
        "Überprüfung alle 6 Monate",
        "Geschäftsführung",
        # sources
        "9 Social Media Erfolgsfaktoren für Unternehmen",
    ):
        assert expected in text, expected
    # roles: the owner is marked in their own row (the long German badge wraps below the name)
    assert "HAUPTVERANTWORTLICH" in text[text.index("Marko K.") : text.index("Service-Team")]
    for section in SECTIONS:
        assert text.count(section) >= 2, f"{section} is in the contents and is a heading"


def test_the_contents_give_the_page_of_each_section(full_pdf):
    reader = PdfReader(io.BytesIO(full_pdf.content))
    contents = reader.pages[1].extract_text()
    for section in SECTIONS:
        page = int(re.search(re.escape(section) + r"[ .]*(\d+)", contents).group(1))
        assert section in reader.pages[page - 1].extract_text(), section


def test_the_pdf_has_bookmarks_for_the_sections(full_pdf):
    titles = [item.title for item in PdfReader(io.BytesIO(full_pdf.content)).outline if not isinstance(item, list)]
    assert titles[:1] == ["Inhalt"]
    assert [t for t in titles if t in SECTIONS] == list(SECTIONS)


def test_header_footer_and_page_numbers_run_on_every_page_but_the_cover(full_pdf):
    reader = PdfReader(io.BytesIO(full_pdf.content))
    pages = len(reader.pages)
    assert full_pdf.page_count == pages
    assert "Seite" not in reader.pages[0].extract_text()
    for number, page in enumerate(reader.pages[1:], start=2):
        text = page.extract_text()
        assert f"Seite {number} / {pages}" in text
        assert "Social-Media-Strategie 2027" in text
        assert "Version 4" in text


def test_the_shipped_fonts_are_embedded(full_pdf, tmp_path):
    path = tmp_path / "fonts.pdf"
    path.write_bytes(full_pdf.content)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    names = fonts.replace("-", "")
    assert "NotoSansBold" in names and "NotoSans " in names
    assert all(" yes " in line for line in fonts.splitlines()[2:]), "every font is embedded"


def test_the_short_version_is_the_summary_on_two_pages(large_plan, tmp_path):
    rendered = render_pdf(snapshot=plan_to_document(large_plan), variant="short", number=1)
    assert rendered.page_count <= 2
    text = pdf_text(rendered.content, tmp_path)
    assert "Management Summary" in text and "Große Social-Media-Strategie" in text
    assert "und 25 weitere Ziele" in text
    assert "Stand der Checkliste" not in text and "Leitlinie 12" not in text


def test_the_large_plan_breaks_long_tables_with_repeated_headers(large_plan):
    rendered = render_pdf(snapshot=plan_to_document(large_plan), variant="full", number=1)
    reader = PdfReader(io.BytesIO(rendered.content))
    guideline_pages = [p.extract_text() for p in reader.pages if "Leitlinie" in p.extract_text()]
    assert len(guideline_pages) >= 2
    # the header row "Thema | Richtlinie" (the running header "Rollen und Richtlinien" is no proof)
    assert all("Thema Richtlinie" in text.splitlines() for text in guideline_pages)


def test_findings_appear_with_their_measures_and_source(content, organization, tmp_path):
    document = example_document()
    document["plan"]["roles"] = []  # no owner: an error finding
    plan = import_document(document, organization)
    text = " ".join(pdf_text(render_pdf(snapshot=plan_to_document(plan), variant="full").content, tmp_path).split())
    findings = text[text.rindex("Befunde und Maßnahmen") :]
    assert "KRITISCH" in findings and "Quelle:" in findings
    summary = text[text.index("Die drei schwerwiegendsten Befunde") :]
    assert "Was zu tun ist:" in summary


def test_a_german_plan_keeps_its_umlauts_and_an_english_plan_gets_english_dates(content, organization, tmp_path):
    document = example_document()
    document["plan"].update(language="en", title="Strategy for Müller & Söhne – Straße")
    plan = import_document(document, organization)
    text = pdf_text(render_pdf(snapshot=plan_to_document(plan), variant="short").content, tmp_path)
    assert "Strategy for Müller & Söhne – Straße" in text
    assert "Dec. 31, 2027" in text or "12/31/2027" in text
