"""python manage.py score_plan (FILE | PLAN_ID) [--json]: the maturity stage and the score per dimension."""

import json
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from checklists.check import plan_check
from checklists.models import ChecklistItem

from .check_plan import document_of


class Command(BaseCommand):
    help = (
        "Score a plan file or a stored plan: its maturity stage (null until 60 % of the checklist is answered) "
        "and a score from 0 to 100 per dimension. Exits non-zero only for an invalid file or an unknown plan id."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("target", help="A plan file (JSON) or the id of a stored plan.")
        parser.add_argument(
            "--json",
            action="store_true",
            help='Print {"stage", "rank", "assessed", "dimensions"} as JSON (the plan file format\'s "Scoring").',
        )

    def handle(self, *args: Any, target: str, json: bool = False, **options: Any) -> None:
        document = document_of(target=target)
        language = (document.get("plan") or {}).get("language") or settings.LANGUAGE_CODE
        with translation.override(language):
            readiness = plan_check(document).readiness
            if json:
                self.stdout.write(_dumps(readiness.as_json()))
                return
            labels = dict(ChecklistItem.Dimension.choices)
            self.stdout.write(_("Stage: %(stage)s") % {"stage": readiness.stage_label})
            if readiness.stage:
                self.stdout.write(f"    {readiness.stage_description}")
            else:
                self.stdout.write(
                    "    "
                    + _("%(answered)d of %(total)d checklist items answered; 60 %% are needed.")
                    % {"answered": readiness.answered, "total": readiness.total}
                )
            for dimension, score in readiness.dimensions.items():
                self.stdout.write(f"{labels[dimension]}: {score}")


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
