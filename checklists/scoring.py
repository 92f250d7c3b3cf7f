"""Readiness per dimension and the overall stage; the method is described in docs/scoring.md."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy

from .models import ChecklistItem
from .rules import RULES, Finding
from .selectors import ItemInfo, item_info_list

__all__ = ["DIMENSIONS", "METHOD_SUMMARY", "STAGES", "ItemInfo", "Readiness", "readiness"]

DIMENSIONS: tuple[str, ...] = tuple(ChecklistItem.Dimension.values)
STATUS_VALUE = {"done": 1.0, "in_progress": 0.5, "open": 0.0}  # not_applicable: left out
PENALTY = {"error": 30, "warning": 15, "info": 5}
# (lowest score of the weakest dimension, stage); the four levels of Hootsuite's Social Maturity Model.
STAGES: tuple[tuple[int, str, Any], ...] = (
    (75, "champion", gettext_lazy("Champion")),
    (50, "enabler", gettext_lazy("Enabler")),
    (25, "optimizer", gettext_lazy("Optimizer")),
    (0, "explorer", gettext_lazy("Explorer")),
)

METHOD_SUMMARY = gettext_lazy(
    "Readiness is measured in seven dimensions: strategy, organisation, culture, content, dialogue, "
    "measurement and resources. In each, the checklist items count by their weight: done fully, in progress "
    "half, open not at all; items you mark as not applicable are left out. Every problem the plan check finds "
    "then lowers the dimension it belongs to – an error by 30 points, a warning by 15, a note by 5. Your stage "
    "(Explorer, Optimizer, Enabler, Champion) follows the weakest dimension, not the average: a chain is only "
    "as strong as its weakest link, and one neglected area is enough to make social media fail."
)


@dataclass(frozen=True)
class Readiness:
    dimensions: dict[str, int]  # 0..100, in DIMENSIONS order
    average: int
    weakest: str
    stage: str  # explorer | optimizer | enabler | champion
    stage_label: str


def readiness(document: Mapping[str, Any], findings: list[Finding], items: list[ItemInfo] | None = None) -> Readiness:
    """Score a plan-file document. ``items`` default to the active checklist items in the database."""
    if items is None:
        items = item_info_list()
    plan = document.get("plan") or {}
    answers = {
        answer.get("item"): answer.get("status", "open")
        for answer in plan.get("checklist") or []
        if isinstance(answer, Mapping)
    }
    earned = dict.fromkeys(DIMENSIONS, 0.0)
    possible = dict.fromkeys(DIMENSIONS, 0.0)
    for item in items:
        status = answers.get(item.slug, "open")
        if item.dimension not in possible or status not in STATUS_VALUE:
            continue  # not applicable (or an unknown dimension)
        possible[item.dimension] += item.weight
        earned[item.dimension] += item.weight * STATUS_VALUE[status]
    penalty = dict.fromkeys(DIMENSIONS, 0)
    for finding in findings:
        rule = RULES.get(finding.code)
        if rule is not None:
            penalty[rule.dimension] += PENALTY.get(finding.severity, 0)
    scores = {}
    for dimension in DIMENSIONS:
        # A dimension without applicable items has nothing left to do on the checklist.
        base = 100 * earned[dimension] / possible[dimension] if possible[dimension] else 100.0
        scores[dimension] = max(0, min(100, round(base - penalty[dimension])))
    weakest = min(DIMENSIONS, key=lambda d: scores[d])  # ties: the first in DIMENSIONS order
    stage, label = next((slug, label) for floor, slug, label in STAGES if scores[weakest] >= floor)
    return Readiness(
        dimensions=scores,
        average=round(sum(scores.values()) / len(scores)),
        weakest=weakest,
        stage=stage,
        stage_label=str(label),
    )
