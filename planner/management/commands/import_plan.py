"""python manage.py import_plan FILE [--organization SLUG]: the new plan's id is the last line."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planner.models import Organization
from planner.plan_file import MAX_BYTES, PlanFileError, parse_document, plan_import


class Command(BaseCommand):
    help = "Import a plan file as a new plan; prints one line per problem and exits non-zero if it is invalid."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--organization", metavar="SLUG", help="Import into this organization.")

    def handle(self, *args, file: Path, organization: str | None, **options):
        org = None
        if organization:
            org = Organization.objects.filter(slug=organization).first()
            if org is None:
                raise CommandError(f"no organization with the slug {organization!r}")
        try:
            size = file.stat().st_size
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc.strerror}") from None
        if size > MAX_BYTES:
            raise CommandError(f"(document): the file has {size} bytes; at most {MAX_BYTES} (2 MB) are allowed")
        try:
            document = parse_document(file.read_bytes())
            plan = plan_import(document=document, organization=org)
        except PlanFileError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise CommandError(f"{file}: {len(error.problems)} problem(s); nothing was imported") from None
        self.stdout.write(str(plan.pk))
