"""python manage.py export_plan PLAN_ID [--out FILE]: the plan file on stdout or into FILE."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planner.models import Plan
from planner.plan_file import document_dumps, plan_to_document


class Command(BaseCommand):
    help = "Export a plan as a plan file (JSON)."

    def add_arguments(self, parser):
        parser.add_argument("plan_id", type=int)
        parser.add_argument("--out", type=Path, metavar="FILE")

    def handle(self, *args, plan_id: int, out: Path | None, **options):
        if not Plan.objects.filter(pk=plan_id).exists():
            raise CommandError(f"no plan with the id {plan_id}")
        text = document_dumps(plan_to_document(plan_id))
        if out is None:
            self.stdout.write(text, ending="")
        else:
            out.write_text(text, encoding="utf-8")
