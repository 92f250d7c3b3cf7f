"""Plan documents for the tests: the format's example plan and ways to vary it."""

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

from checklists import content
from checklists.rules import Benchmark, Finding, check_plan

# The format's example plan is the planner's template (one copy); a path, not an import: checklists
# is below planner and never imports it.
EXAMPLE_PLAN = Path(__file__).resolve().parents[2] / "planner" / "plan_templates" / "kontaktlinsen-versand.json"
TODAY = dt.date(2026, 11, 1)
SEED_BENCHMARKS = [
    Benchmark(b.metric, b.channel, float(b.max_monthly_growth_pct), b.method[1], b.source) for b in content.BENCHMARKS
]


def example_document() -> dict[str, Any]:
    """A fresh copy of the example plan (a complete plan that trips no rule)."""
    return copy.deepcopy(json.loads(EXAMPLE_PLAN.read_text(encoding="utf-8")))


def draft(**plan: Any) -> dict[str, Any]:
    return {"format": "social-media-strategy-plan", "version": 1, "plan": {"title": "Entwurf", **plan}}


def findings(document: dict[str, Any]) -> list[Finding]:
    return check_plan(document, benchmarks=SEED_BENCHMARKS, today=TODAY)


def codes(document: dict[str, Any]) -> list[str]:
    return [f.code for f in findings(document)]
