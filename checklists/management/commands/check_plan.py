import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from checklists.rules import check_plan
from planner.models import Plan
from planner.plan_file import PlanFileError, parse_document, plan_to_document


class Command(BaseCommand):
    help = (
        "Run the pitfall detector on a plan file or a stored plan. Exits 0 even when there are findings "
        "(they are advice, not failures); non-zero only for an invalid file or an unknown plan id."
    )

    def add_arguments(self, parser):
        parser.add_argument("target", help="A plan file (JSON) or the id of a stored plan.")
        parser.add_argument("--json", action="store_true", help="Print a JSON list of findings.")

    def handle(self, *args, target: str, json: bool = False, **options):
        document = self._document(target)
        language = (document.get("plan") or {}).get("language") or settings.LANGUAGE_CODE
        with translation.override(language):
            findings = check_plan(document)
            if json:
                self.stdout.write(_dumps([f.as_json() for f in findings]))
                return
            if not findings:
                self.stdout.write(translation.gettext("No findings."))
                return
            for finding in findings:
                self.stdout.write(f"[{finding.severity}] {finding.code} ({finding.step}): {finding.message}")
                self.stdout.write(f"    {translation.gettext('Source')}: {finding.source}")
                for measure in finding.measures:
                    self.stdout.write(f"    - {measure}")

    def _document(self, target: str) -> dict:
        path = Path(target)
        if target.isdigit() and not path.exists():
            try:
                return plan_to_document(int(target))
            except Plan.DoesNotExist:
                raise CommandError(f"No plan with id {target}.") from None
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{target}: {exc.strerror}") from None
        try:
            return parse_document(raw).model_dump(mode="json")
        except PlanFileError as exc:
            raise CommandError("\n".join(exc.problems)) from None


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
