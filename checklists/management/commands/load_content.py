from django.core.management.base import BaseCommand
from django.utils import translation

from checklists.services import content_load


class Command(BaseCommand):
    help = (
        "Load the articles' checklists, the channel catalogue, guideline templates and KPI benchmarks. "
        "Idempotent: updates rows by slug and keeps rows a curator edited unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Also overwrite rows a curator edited.")

    def handle(self, *args, force: bool = False, **options):
        with translation.override("de"):
            report = content_load(force=force)
        for name, count in report.counts.items():
            self.stdout.write(f"{name}: {count.created} created, {count.updated} updated, {count.kept} kept (curated)")
