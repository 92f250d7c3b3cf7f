"""Every page of the reports as PNGs, to look at before and after a change to the PDF:
`bash bin/test bench/report_pages.py -q -p no:cacheprovider` (REPORT_PAGES=report-after to name the folder).

The example and the large plan of bench/plans.py, each in German and English, full and short, go to
test-artifacts/<REPORT_PAGES>/<plan>-<language>-<variant>.html, .pdf and -<page>.png (pdftoppm, 50 dpi).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from bench.plans import example_document, large_document
from checklists.models import ChecklistItem
from planner.plan_file import plan_to_document
from reports import services
from reports.pdf import html_to_pdf
from reports.tests.conftest import content, import_document  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db

OUT = Path(__file__).resolve().parent.parent / "test-artifacts" / os.environ.get("REPORT_PAGES", "report-pages")


def test_report_pages(content, organization, lead):  # noqa: F811
    OUT.mkdir(parents=True, exist_ok=True)
    items = list(ChecklistItem.objects.values_list("slug", flat=True))
    for name, document in (("example", example_document()), ("large", large_document(checklist_items=items))):
        for language in ("de", "en"):
            document["plan"]["language"] = language
            snapshot = plan_to_document(import_document(document, organization, lead))
            for variant in ("full", "short"):
                stem = f"{name}-{language}-{variant}"
                html = services.report_html(snapshot=snapshot, variant=variant, number=1)
                rendered = html_to_pdf(html)
                (OUT / f"{stem}.html").write_text(html, encoding="utf-8")
                (OUT / f"{stem}.pdf").write_bytes(rendered.content)
                for old in OUT.glob(f"{stem}-*.png"):
                    old.unlink()
                subprocess.run(["pdftoppm", "-png", "-r", "50", str(OUT / f"{stem}.pdf"), str(OUT / stem)], check=True)
                print(f"{stem}: {rendered.page_count} pages")
