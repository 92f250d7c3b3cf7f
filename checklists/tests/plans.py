"""Plan documents for the tests: the format's example plan, ways to vary it, and the seed content
as the plan check reads it from the database (so rule tests stay pure and fast)."""

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.utils.translation import get_language

from checklists import content
from checklists.rules import Finding, check_plan
from checklists.selectors import Benchmark, ChannelInfo, Curated, ItemInfo

# The format's example plan is the planner's template (one copy); a path, not an import: checklists
# is below planner and never imports it.
EXAMPLE_PLAN = Path(__file__).resolve().parents[2] / "planner" / "plan_templates" / "kontaktlinsen-versand.json"
TODAY = dt.date(2026, 11, 1)


def seed_content(language: str | None = None) -> Curated:
    """The seed content as ``load_content`` writes it, read in ``language`` (default: the active one)."""
    i = 1 if (language or get_language() or "de").startswith("en") else 0
    number = lambda value: None if value is None else float(value)  # noqa: E731
    benchmarks = tuple(
        Benchmark(
            metric=b.metric,
            channel=b.channel,
            max_monthly_change=float(b.max_monthly_change),
            unit=b.unit,
            small_account_allowance=number(b.small_account_allowance),
            new_account_ceiling=number(b.new_account_ceiling),
            method=b.method[i],
            publisher=b.publisher,
            title=b.title,
            year=b.year,
            url=b.url,
            sample=b.sample[i],
            confidence=b.confidence,
        )
        for b in content.BENCHMARKS
    )
    items = {
        item.slug: ItemInfo(
            slug=item.slug,
            dimension=item.dimension,
            weight=item.weight,
            title=item.title[i],
            measures=tuple(m[i] for m in item.measures),
            contradicted_by=frozenset(content.CONTRADICTED_BY[item.slug]),
        )
        for checklist in content.CHECKLISTS
        for item in checklist.items
    }
    return Curated(
        benchmarks=benchmarks,
        channels={c.slug: ChannelInfo(c.slug, c.name[i], c.supports_dialogue) for c in content.CHANNELS},
        sources={s.slug: s.title[i] for s in content.SOURCES},
        items=items,
    )


def example_document() -> dict[str, Any]:
    """A fresh copy of the example plan (a complete plan whose only finding is pilot_not_focused)."""
    return copy.deepcopy(json.loads(EXAMPLE_PLAN.read_text(encoding="utf-8")))


def draft(**plan: Any) -> dict[str, Any]:
    return {"format": "social-media-strategy-plan", "version": 1, "plan": {"title": "Entwurf", **plan}}


def findings(document: dict[str, Any], *, today: dt.date = TODAY) -> list[Finding]:
    return check_plan(document, content=seed_content(), today=today)


def codes(document: dict[str, Any]) -> list[str]:
    return [f.code for f in findings(document)]


def messages(document: dict[str, Any], code: str) -> list[str]:
    return [f.message for f in findings(document) if f.code == code]
