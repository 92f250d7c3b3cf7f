"""python manage.py import_plan FILE [--organization SLUG]: the new plan's id is the last line."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planner.models import Organization
from planner.plan_file import PlanFileError, parse_document, plan_import, read_upload


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
            with file.open("rb") as handle:
                raw = read_upload(handle)
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc.strerror}") from None
        try:
            plan = plan_import(document=parse_document(raw), organization=org)
        except PlanFileError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise CommandError(f"{file}: {len(error.problems)} problem(s); nothing was imported") from None
        self.stdout.write(str(plan.pk))
