"""The pitfall detector: one small pure function per finding code.

A rule reads the plan part of a plan-file document (``document["plan"]``; any key may be
missing in a draft) and returns one message per problem it sees. ``check_plan`` wraps the
messages into :class:`Finding` objects with the rule's code, severity, source article,
wizard step (by the slug of the wizard's URLs) and the articles' measures, sorted by
severity, then code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..selectors import Benchmark, benchmark_list
from . import channels, goals, organization  # noqa: F401 - importing registers the rules
from .base import RULES, SEVERITY_ORDER, Context, Finding, Rule, Severity

__all__ = ["RULES", "SEVERITY_ORDER", "Benchmark", "Finding", "Rule", "Severity", "check_plan"]


def check_plan(
    document: Mapping[str, Any], *, benchmarks: list[Benchmark] | None = None, today: dt.date | None = None
) -> list[Finding]:
    """All findings for a plan-file document, sorted by severity, then code.

    ``benchmarks`` default to the active KPI benchmarks in the database; ``today`` (the
    start of a plan without start_date) to the current date.
    """
    if benchmarks is None:
        benchmarks = benchmark_list()
    context = Context(today=today or dt.date.today(), benchmarks=tuple(benchmarks))
    plan = document.get("plan") or {}
    findings = [
        Finding(
            code=r.code,
            severity=r.severity,
            message=message,
            source=r.source_title,
            step=r.step,
            measures=r.measure_texts(),
        )
        for r in RULES.values()
        for message in r.check(plan, context)
    ]
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.code))
