"""The checklist in the PDF: counts per checklist, only what is open or not applicable in the section, and
every item with its status and note in the appendix."""

import re

import pytest

from bench.plans import example_document
from checklists.models import Checklist, ChecklistItem
from planner.plan_file import plan_to_document
from reports.services import render_pdf

from .conftest import import_document, pdf_text

pytestmark = pytest.mark.django_db


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def answered(content, organization):
    """The example plan with three items of the first checklist answered: done, in progress, not applicable."""
    first = Checklist.objects.order_by("order", "title").first()
    done, doing, skipped = ChecklistItem.objects.filter(checklist=first)[:3]
    document = example_document()
    document["plan"]["checklist"] = [
        {"item": done.slug, "status": "done", "note": "Im März mit dem Vorstand besprochen"},
        {"item": doing.slug, "status": "in_progress", "note": ""},
        {"item": skipped.slug, "status": "not_applicable", "note": "Kein Kundenservice im Haus"},
    ]
    plan = import_document(document, organization)
    return plan, first, (done, doing, skipped)


def sections(text: str) -> tuple[str, str]:
    """The checklist section and the appendix, after the table of contents."""
    body = text[text.index("Management Summary", text.index("Management Summary") + 1) :]
    section = body[body.index("Stand der Checkliste") :]
    return section[: section.index("Befunde und Maßnahmen")], body[body.index("Anhang: Punkte der Checklisten") :]


def counts(section: str, title: str) -> tuple[int, ...]:
    """done, in progress, open and not applicable in a checklist's row (its title may wrap below)."""
    row = re.compile(r"^\s*" + re.escape(title[:20]) + r".*?\s(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$")
    (match,) = [match for line in section.splitlines() if (match := row.match(line))]
    return tuple(int(n) for n in match.groups())


def test_the_section_counts_each_checklist_and_lists_only_what_is_open_or_not_applicable(answered, tmp_path):
    plan, first, (done, doing, skipped) = answered
    text = pdf_text(render_pdf(snapshot=plan_to_document(plan), variant="full").content, tmp_path, layout=True)
    section, _ = sections(text)
    total = ChecklistItem.objects.filter(checklist=first).count()
    # a row per checklist: done, in progress, open, not applicable
    assert counts(section, first.title) == (1, 1, total - 3, 1)
    for checklist in Checklist.objects.exclude(pk=first.pk):
        assert counts(section, checklist.title) == (0, 0, ChecklistItem.objects.filter(checklist=checklist).count(), 0)
    listed = one_line(section[section.index("Offen oder nicht zutreffend") :])
    assert f"nicht zutreffend: {skipped.title}" in listed
    assert done.title not in listed and doing.title not in listed  # done and in progress: the appendix only
    open_items = ChecklistItem.objects.filter(checklist=first).exclude(pk__in=[done.pk, doing.pk, skipped.pk])
    assert all(item.title in listed for item in open_items)
    assert "Alle Punkte mit Stand und Hinweis stehen im Anhang." in one_line(section)


def test_the_appendix_lists_every_item_with_its_status_and_note(answered, tmp_path):
    plan, first, (done, doing, skipped) = answered
    text = pdf_text(render_pdf(snapshot=plan_to_document(plan), variant="full").content, tmp_path)
    _, appendix = sections(text)
    flat = one_line(appendix)
    for item in ChecklistItem.objects.filter(active=True):
        assert one_line(item.title) in flat, item.title
    for checklist in Checklist.objects.all():
        assert checklist.title in flat
    assert "Im März mit dem Vorstand besprochen" in flat and "Kein Kundenservice im Haus" in flat
    assert "ERLEDIGT" in flat and "IN ARBEIT" in flat and "NICHT ZUTREFFEND" in flat  # the badges, in capitals


def test_the_contents_name_the_appendix_last(answered, tmp_path):
    plan, *_ = answered
    rendered = render_pdf(snapshot=plan_to_document(plan), variant="full")
    contents = [line for line in pdf_text(rendered.content, tmp_path, page=2).splitlines() if ". . . . ." in line]
    assert contents[-1].startswith("Anhang: Punkte der Checklisten")
    last_page = pdf_text(rendered.content, tmp_path, page=rendered.page_count)
    assert "Anhang: Punkte der Checklisten" in last_page


def test_the_summary_has_no_checklist_appendix(answered, tmp_path):
    plan, *_ = answered
    text = pdf_text(render_pdf(snapshot=plan_to_document(plan), variant="short").content, tmp_path)
    assert "Anhang" not in text and "Stand der Checkliste" not in text
