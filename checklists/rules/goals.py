"""Rules on the strategy: goals, KPIs and the plan's horizon."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from dateutil.relativedelta import relativedelta
from django.utils.translation import gettext as _

from ..content.sources import NINE_FACTORS, TWELVE_REASONS
from ..selectors import Benchmark
from .base import (
    DAYS_PER_MONTH,
    EARLY_SALES_MONTHS,
    LOWER_IS_BETTER,
    MIN_HORIZON_MONTHS,
    SALES_METRICS,
    Context,
    Severity,
    fmt,
    number,
    parse_date,
    rows,
    rule,
)

# --- strategy and goals ---------------------------------------------------------------


@rule(
    "no_goals", Severity.ERROR, source=TWELVE_REASONS, step="goals", dimension="strategy",
    measures=[("pitfall-no-plan", 0), ("sf-strategy", 0)],
)  # fmt: skip
def no_goals(plan: Mapping[str, Any], context: Context) -> list[str]:
    if rows(plan, "goals"):
        return []
    return [
        _(
            "The plan has no goal yet. Set goals and the expected benefit before choosing channels – without them, "
            "social media remains random posting. Agree them with management, e.g. awareness, image, loyalty, "
            "relieving customer service, new customers or feedback for market research."
        )
    ]


@rule(
    "goal_without_kpi", Severity.WARNING, source=NINE_FACTORS, step="goals", dimension="measurement",
    measures=[("sf-strategy", 5)],
)  # fmt: skip
def goal_without_kpi(plan: Mapping[str, Any], context: Context) -> list[str]:
    return [
        _(
            "The goal “%(goal)s” has no KPI. Derive at least one measurable KPI from it (e.g. mentions, sentiment, "
            "engagement, referral traffic, repurchase rate) with a baseline, a target and a due date."
        )
        % {"goal": goal.get("title") or goal.get("key") or "?"}
        for goal in rows(plan, "goals")
        if not rows(goal, "kpis")
    ]


@rule(
    "unrealistic_target", Severity.WARNING, source=TWELVE_REASONS, step="goals", dimension="measurement",
    measures=[("pitfall-excessive-expectations", 0), ("pitfall-excessive-expectations", 1), ("sf-persevere", 1)],
)  # fmt: skip
def unrealistic_target(plan: Mapping[str, Any], context: Context) -> list[str]:
    start = parse_date(plan.get("start_date")) or context.today
    channels = rows(plan, "channels")
    messages = []
    for goal in rows(plan, "goals"):
        goal_channels = list(
            dict.fromkeys(c.get("channel") for c in channels if goal.get("key") in (c.get("goals") or []))
        )
        for kpi in rows(goal, "kpis"):
            problems = [
                _kpi_growth_problem(kpi, start, goal_channels, context.benchmarks),
                _kpi_early_sales_problem(kpi, goal, start),
            ]
            problems = [p for p in problems if p]
            if problems:
                label = _("The KPI “%(kpi)s” of the goal “%(goal)s”") % {
                    "kpi": kpi.get("name") or kpi.get("metric") or "?",
                    "goal": goal.get("title") or goal.get("key") or "?",
                }
                messages.append(" ".join([f"{label} {problems[0]}", *problems[1:]]))
    return messages


def _benchmark_for(metric: str, channels: list[str], benchmarks: tuple[Benchmark, ...]) -> Benchmark | None:
    """The channel-specific benchmark when every channel serving the goal has one (the most
    generous of them), else the metric-wide one."""
    specific = {b.channel: b for b in benchmarks if b.metric == metric and b.channel}
    if channels and all(c in specific for c in channels):
        return max((specific[c] for c in channels), key=lambda b: b.max_monthly_growth_pct)
    return next((b for b in benchmarks if b.metric == metric and b.channel is None), None)


def _kpi_growth_problem(
    kpi: Mapping[str, Any], start: dt.date, channels: list[str], benchmarks: tuple[Benchmark, ...]
) -> str | None:
    metric, baseline, target, due = (
        kpi.get("metric"),
        number(kpi.get("baseline")),
        number(kpi.get("target")),
        parse_date(kpi.get("due")),
    )
    if not metric or baseline is None or target is None or due is None or baseline <= 0:
        return None  # relative growth needs a positive baseline
    benchmark = _benchmark_for(metric, channels, benchmarks)
    if benchmark is None:
        return None
    lower_is_better = metric in LOWER_IS_BETTER
    if (target >= baseline) if lower_is_better else (target <= baseline):
        return None  # no growth (or reduction) needed
    months = (due - start).days / DAYS_PER_MONTH
    if months <= 0:
        needed = math.inf
    elif lower_is_better:
        needed = 100.0 if target <= 0 else (1 - (target / baseline) ** (1 / months)) * 100
    else:
        needed = ((target / baseline) ** (1 / months) - 1) * 100
    if needed <= benchmark.max_monthly_growth_pct:
        return None
    values = {
        "needed": fmt(needed) if math.isfinite(needed) else "∞",
        "due": due.isoformat(),
        "limit": fmt(benchmark.max_monthly_growth_pct),
        "metric": metric,
        "channel": benchmark.channel or _("any channel"),
        "method": benchmark.method or "-",
    }
    if lower_is_better:
        text = _(
            "needs a reduction of %(needed)s %% per month until %(due)s; about %(limit)s %% per month is realistic "
            "for %(metric)s (%(channel)s; %(method)s)."
        )
    else:
        text = _(
            "needs %(needed)s %% growth per month until %(due)s; about %(limit)s %% per month is realistic for "
            "%(metric)s (%(channel)s; %(method)s)."
        )
    return (
        (text % values)
        + " "
        + _("Research realistic benchmarks, set an adequate target or a later due date, and plan for patience.")
    )


def _kpi_early_sales_problem(kpi: Mapping[str, Any], goal: Mapping[str, Any], start: dt.date) -> str | None:
    due = parse_date(kpi.get("due"))
    if due is None or not (kpi.get("metric") in SALES_METRICS or goal.get("category") == "sales"):
        return None
    try:
        results_expected = start + relativedelta(months=EARLY_SALES_MONTHS)
    except ValueError:  # the start is within six months of 9999-12-31: a KPI due that far out is not "early"
        return None
    if due >= results_expected:
        return None
    return _(
        "expects sales, leads or conversions by %(due)s, less than 6 months after the start (%(start)s). "
        "Relationships and trust come first and first results take 6–12 months: move this KPI later and "
        "measure awareness or dialogue first."
    ) % {"due": due.isoformat(), "start": start.isoformat()}


@rule(
    "short_horizon", Severity.WARNING, source=NINE_FACTORS, step="basics", dimension="strategy",
    measures=[("sf-persevere", 1), ("maturity-patience", 0)],
)  # fmt: skip
def short_horizon(plan: Mapping[str, Any], context: Context) -> list[str]:
    months = plan.get("horizon_months")
    if not isinstance(months, int) or months >= MIN_HORIZON_MONTHS:
        return []
    return [
        _(
            "The plan covers only %(months)d months, but first results of social media take 6–12 months to show. "
            "Plan for at least 6 months, better 12, and agree the long-term commitment with management."
        )
        % {"months": months}
    ]
