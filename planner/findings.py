"""The pitfall detector and the readiness score applied to a stored plan."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from checklists.models import ChecklistItem
from checklists.rules import Finding, check_plan
from checklists.scoring import METHOD_SUMMARY, Readiness, readiness


@dataclass(frozen=True)
class PlanCheck:
    findings: list[Finding]
    readiness: Readiness

    def for_step(self, step: str) -> list[Finding]:
        return self.by_step.get(step, [])

    @property
    def by_step(self) -> dict[str, list[Finding]]:
        grouped: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            # The rules name steps with underscores; the wizard's URLs use hyphens.
            grouped[finding.step.replace("_", "-")].append(finding)
        return dict(grouped)

    @property
    def counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts


def plan_check(document: dict) -> PlanCheck:
    """Findings and readiness of a plan, from its plan-file document."""
    findings = check_plan(document)
    return PlanCheck(findings=findings, readiness=readiness(document, findings))


def readiness_context(check: PlanCheck) -> dict:
    return {
        "readiness": check.readiness,
        "dimension_labels": dict(ChecklistItem.Dimension.choices),
        "method_summary": METHOD_SUMMARY,
    }
