"""The pitfall detector: one small pure function per finding code.

A rule reads the plan part of a plan-file document (``document["plan"]``; any key may be
missing in a draft) and the curated content, and returns one message per problem it sees.
``check_plan`` wraps the messages into :class:`Finding` objects with the rule's code, severity,
source article, wizard step (by the slug of the wizard's URLs) and the articles' measures as
curators edited them, sorted by severity, then code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..selectors import Benchmark, Curated, curated_content
from . import goals, organization, publishing, resources, texts  # noqa: F401 - importing registers the rules
from .base import RULES, SEVERITY_ORDER, Context, Finding, Problem, Rule, Severity

__all__ = ["RULES", "SEVERITY_ORDER", "Benchmark", "Finding", "Rule", "Severity", "check_plan"]


def check_plan(
    document: Mapping[str, Any], *, content: Curated | None = None, today: dt.date | None = None
) -> list[Finding]:
    """All findings for a plan-file document, sorted by severity, then code.

    ``content`` defaults to the curated content in the database (read in the active language);
    ``today`` (the start of a plan without start_date) to the current date.
    """
    if content is None:
        content = curated_content()
    context = Context(today=today or dt.date.today(), content=content)
    plan = document.get("plan") if isinstance(document, Mapping) else None
    plan = plan if isinstance(plan, Mapping) else {}
    findings = []
    for r in RULES.values():
        problems = r.check(plan, context)
        if not problems:
            continue
        source, measures = r.source_title(content), r.measure_texts(content)
        for problem in problems:
            problem = problem if isinstance(problem, Problem) else Problem(problem)
            findings.append(
                Finding(
                    code=r.code,
                    severity=r.severity,
                    message=problem.message,
                    source=source,
                    step=problem.step or r.step,
                    measures=measures,
                )
            )
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.code))
