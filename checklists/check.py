"""The plan check: the findings and the readiness of a plan document, computed once.

The wizard, the overview, the commands and the report all call ``plan_check``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .rules import Finding, Severity, check_plan
from .scoring import Readiness, readiness
from .selectors import Benchmark, ItemInfo

__all__ = ["PlanCheck", "plan_check"]


@dataclass(frozen=True)
class PlanCheck:
    findings: list[Finding]  # sorted by severity, then code
    readiness: Readiness

    def for_step(self, slug: str) -> list[Finding]:
        """The findings to fix on the wizard step with this slug (as in the wizard's URLs)."""
        return self.by_step.get(slug, [])

    @cached_property
    def by_step(self) -> dict[str, list[Finding]]:
        grouped: dict[str, list[Finding]] = {}
        for finding in self.findings:
            grouped.setdefault(finding.step, []).append(finding)
        return grouped

    @cached_property
    def counts(self) -> dict[str, int]:
        """How many findings of each severity, every severity present (zero when none)."""
        counts = dict.fromkeys(Severity.values, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts


def plan_check(
    document: Mapping[str, Any],
    *,
    benchmarks: list[Benchmark] | None = None,
    items: list[ItemInfo] | None = None,
    today: dt.date | None = None,
) -> PlanCheck:
    """Findings and readiness of a plan-file document. ``benchmarks`` and checklist ``items``
    default to the active ones in the database, ``today`` to the current date."""
    findings = check_plan(document, benchmarks=benchmarks, today=today)
    return PlanCheck(findings=findings, readiness=readiness(document, findings, items))
