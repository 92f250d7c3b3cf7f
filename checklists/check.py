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
from .selectors import Curated, curated_content

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
    document: Mapping[str, Any], *, content: Curated | None = None, today: dt.date | None = None
) -> PlanCheck:
    """Findings and readiness of a plan-file document. ``content`` (benchmarks, channels, sources,
    checklist items) defaults to the curated content in the database, read once in the active
    language; ``today`` to the current date."""
    if content is None:
        content = curated_content()
    findings = check_plan(document, content=content, today=today)
    return PlanCheck(findings=findings, readiness=readiness(document, findings, content.items))
