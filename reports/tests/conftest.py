"""Plans to render: the shipped example and a large generated one, with the curated content loaded."""

import subprocess
from pathlib import Path

import pytest

from bench.plans import example_document, large_document
from checklists.models import ChecklistItem
from checklists.services import content_load
from planner.plan_file import document_dumps, parse_document, plan_import


def pdf_text(content: bytes, tmp_path: Path, *, layout: bool = False, page: int | None = None) -> str:
    """The PDF's text as pdftotext reads it: all pages, or the one numbered ``page`` (from 1)."""
    path = tmp_path / "read-back.pdf"
    path.write_bytes(content)
    pages = ["-f", str(page), "-l", str(page)] if page else []
    args = ["pdftotext", *(["-layout"] if layout else []), *pages, str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def import_document(document: dict, organization=None, user=None):
    return plan_import(document=parse_document(document_dumps(document)), organization=organization, user=user)


@pytest.fixture
def content(db):
    """The articles, checklists and channel catalogue, as `load_content` writes them."""
    content_load()


@pytest.fixture
def example_plan(content, organization, lead):
    return import_document(example_document(), organization, lead)


@pytest.fixture
def large_plan(content, organization, lead):
    items = list(ChecklistItem.objects.values_list("slug", flat=True))
    return import_document(large_document(checklist_items=items), organization, lead)


@pytest.fixture
def long_plan(content, organization, lead):
    """The large plan four times over: its full report takes seconds even on two CPUs, long enough for a
    fault to strike while it renders."""
    items = list(ChecklistItem.objects.values_list("slug", flat=True))
    return import_document(large_document(checklist_items=items, scale=4), organization, lead)
