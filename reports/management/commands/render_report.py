from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planner.models import Plan
from planner.plan_file import plan_to_document
from reports.models import Report
from reports.services import render_pdf


class Command(BaseCommand):
    help = "Render a plan's PDF report to a file (the same code path as the Celery task)."

    def add_arguments(self, parser):
        parser.add_argument("plan_id", type=int)
        parser.add_argument("--out", required=True, help="where to write the PDF")
        parser.add_argument("--variant", choices=Report.Variant.values, default=Report.Variant.FULL)

    def handle(self, plan_id: int, out: str, variant: str, **options):
        if not Plan.objects.filter(pk=plan_id).exists():
            raise CommandError(f"There is no plan with id {plan_id}.")
        rendered = render_pdf(snapshot=plan_to_document(plan_id), variant=variant)
        Path(out).write_bytes(rendered.content)
        self.stdout.write(f"{out}: {rendered.page_count} pages, {len(rendered.content)} bytes")
