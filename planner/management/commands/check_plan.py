"""python manage.py check_plan (FILE | PLAN_ID) [--json]: the pitfall detector's findings."""

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from checklists.rules import Finding, check_plan
from planner.models import Plan
from planner.plan_file import PlanFileError, parse_document, plan_to_document, read_upload


class Command(BaseCommand):
    help = (
        "Run the pitfall detector on a plan file or a stored plan. Exits 0 even when there are findings "
        "(they are advice, not failures); non-zero only for an invalid file or an unknown plan id."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("target", help="A plan file (JSON) or the id of a stored plan.")
        parser.add_argument("--json", action="store_true", help="Print a JSON list of findings.")

    def handle(self, *args: Any, target: str, json: bool = False, **options: Any) -> None:
        document = document_of(target=target)
        language = (document.get("plan") or {}).get("language") or settings.LANGUAGE_CODE
        with translation.override(language):
            findings = check_plan(document)
            if json:
                self.stdout.write(_dumps([f.as_json() for f in findings]))
            elif not findings:
                self.stdout.write(translation.gettext("No findings."))
            else:
                for finding in findings:
                    self._write_finding(finding)

    def _write_finding(self, finding: Finding) -> None:
        self.stdout.write(f"[{finding.severity}] {finding.code} ({finding.step}): {finding.message}")
        self.stdout.write(f"    {translation.gettext('Source')}: {finding.source}")
        for measure in finding.measures:
            self.stdout.write(f"    - {measure}")


def document_of(*, target: str) -> dict[str, Any]:
    """The document of a stored plan (a bare number that is no file) or of a plan file; a
    CommandError for an unknown id, a missing or an invalid file."""
    path = Path(target)
    if target.isdigit() and not path.exists():
        try:
            return plan_to_document(int(target))
        except Plan.DoesNotExist:
            raise CommandError(f"No plan with id {target}.") from None
    try:
        with path.open("rb") as file:
            raw = read_upload(file)  # a huge file is refused by its size, never read whole
    except OSError as exc:
        raise CommandError(f"{target}: {exc.strerror}") from None
    try:
        return parse_document(raw).model_dump(mode="json")
    except PlanFileError as exc:
        raise CommandError("\n".join(exc.problems)) from None


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
