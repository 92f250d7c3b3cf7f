"""Rules on the strategy: the situation, goals, KPIs, the plan's horizon and its roadmap."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from dateutil.relativedelta import relativedelta
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..content.sources import NINE_FACTORS, SOMEFAQ, TWELVE_REASONS
from ..models import KPIBenchmark
from ..selectors import Benchmark
from .base import (
    DAYS_PER_MONTH,
    EARLY_SALES_MONTHS,
    LOWER_IS_BETTER,
    MIN_HORIZON_MONTHS,
    NEW_ACCOUNT_METRICS,
    SALES_CATEGORIES,
    SALES_METRICS,
    Context,
    Problem,
    Severity,
    fmt_date,
    fmt_number,
    goal_label,
    kpi_label,
    metric_label,
    number,
    parse_date,
    part,
    quoted,
    rows,
    rule,
    start_of,
    text,
    texts,
)

MAX_SHOWN_RATE = 10_000  # % a month; anything beyond is "more than 10,000 %"


def _about(value: float, *, up: bool = False) -> str:
    """A realistic value as a person says it: whole, and from 1,000 on two significant digits, rounded
    towards what is safe to promise (down for a ceiling, up for the lowest reachable value)."""
    if value >= 1000:
        step = 10 ** (len(str(int(value))) - 2)
        value = (math.ceil if up else math.floor)(value / step) * step
    else:
        value = (math.ceil if up else math.floor)(value)
    return fmt_number(value, 0)


# --- situation, goals, KPIs -------------------------------------------------------------


@rule(
    "no_situation", Severity.WARNING, source=NINE_FACTORS, step="situation", dimension="strategy",
    measures=[("sf-strategy", 1), ("pitfall-rescue", 0)],
)  # fmt: skip
def no_situation(plan: Mapping[str, Any], context: Context) -> list[str]:
    situation = part(plan, "situation")
    lists = ("strengths", "weaknesses", "opportunities", "threats")
    if any(texts(situation.get(key)) for key in lists) or rows(situation, "competitors"):
        return []
    return [
        _(
            "The plan has no situation analysis: no strengths, weaknesses, opportunities, threats or competitors. "
            "Take stock before you choose measures: your internal strengths and weaknesses, the market trends and "
            "what your competitors do."
        )
    ]


@rule(
    "no_goals", Severity.ERROR, source=TWELVE_REASONS, step="goals", dimension="strategy",
    measures=[("pitfall-no-plan", 0), ("sf-strategy", 0)],
)  # fmt: skip
def no_goals(plan: Mapping[str, Any], context: Context) -> list[str]:
    if rows(plan, "goals"):
        return []
    return [
        _(
            "The plan has no goal yet. Set the goals and the return you expect before you choose channels – "
            "without them, social media stays a scattershot effort. Agree them with management: awareness, brand "
            "image, customer loyalty, relieving customer service, new customers or feedback for market research."
        )
    ]


@rule(
    "goal_without_kpi", Severity.WARNING, source=NINE_FACTORS, step="goals", dimension="measurement",
    measures=[("sf-strategy", 5)],
)  # fmt: skip
def goal_without_kpi(plan: Mapping[str, Any], context: Context) -> list[str]:
    return [
        _(
            "The goal %(goal)s has no KPI. Derive at least one measurable KPI from it – for example mentions, "
            "sentiment, engagement, referral traffic or repurchase rate – with a baseline, a target and a due date."
        )
        % {"goal": quoted(goal_label(goal, n))}
        for n, goal in enumerate(rows(plan, "goals"), start=1)
        if not rows(goal, "kpis")
    ]


def _kpis(plan: Mapping[str, Any]) -> list[tuple[Mapping[str, Any], Mapping[str, Any], dict[str, str]]]:
    """Every KPI with its goal and the names a message uses for them."""
    return [
        (goal, kpi, {"kpi": quoted(kpi_label(kpi, j)), "goal": quoted(goal_label(goal, i))})
        for i, goal in enumerate(rows(plan, "goals"), start=1)
        for j, kpi in enumerate(rows(goal, "kpis"), start=1)
    ]


@rule(
    "kpi_incomplete", Severity.WARNING, source=NINE_FACTORS, step="goals", dimension="measurement",
    measures=[("sf-strategy", 5)],
)  # fmt: skip
def kpi_incomplete(plan: Mapping[str, Any], context: Context) -> list[str]:
    messages = []
    advice = _(
        "Without a target and a date, no one can tell whether the KPI has been met: add both, and the baseline if "
        "you know it."
    )
    for _goal, kpi, names in _kpis(plan):
        no_target, no_due = number(kpi.get("target")) is None, parse_date(kpi.get("due")) is None
        if no_target and no_due:
            problem = _("The KPI %(kpi)s of the goal %(goal)s has neither a target nor a due date.")
        elif no_target:
            problem = _("The KPI %(kpi)s of the goal %(goal)s has no target.")
        elif no_due:
            problem = _("The KPI %(kpi)s of the goal %(goal)s has no due date.")
        else:
            continue
        messages.append(f"{problem % names} {advice}")
    return messages


# --- unrealistic targets ---------------------------------------------------------------------


def _rate(percent: float) -> str:
    if percent > MAX_SHOWN_RATE:
        return _("more than %(value)s") % {"value": fmt_number(MAX_SHOWN_RATE)}
    return fmt_number(percent)


def _monthly_percent(log_ratio: float, months: float) -> float:
    """Relative change per month, in %, from the log of target / baseline (never overflows)."""
    exponent = log_ratio / months
    return math.inf if exponent > math.log(MAX_SHOWN_RATE) else math.expm1(exponent) * 100


def _evidence(benchmark: Benchmark) -> str:
    confidence = dict(KPIBenchmark.Confidence.choices)
    if benchmark.confidence == KPIBenchmark.Confidence.ASSUMPTION:
        if benchmark.publisher:
            return _("assumption of the planner, informed by %(publisher)s, %(title)s") % {
                "publisher": benchmark.publisher,
                "title": quoted(benchmark.title),
            }
        return _("assumption of the planner")
    return _("%(publisher)s, %(title)s; %(confidence)s") % {
        "publisher": benchmark.publisher,
        "title": quoted(benchmark.title),
        "confidence": confidence.get(benchmark.confidence, benchmark.confidence),
    }


def _benchmark_name(benchmark: Benchmark, context: Context) -> str:
    if benchmark.channel:
        return _("%(metric)s on %(channel)s") % {
            "metric": metric_label(benchmark.metric),
            "channel": context.channel_name(benchmark.channel),
        }
    return metric_label(benchmark.metric)


def _growth_problem(
    kpi: Mapping[str, Any], names: dict[str, str], start: dt.date, context: Context
) -> list[str] | None:
    """The sentences saying why the KPI's target is out of reach by its due date, or None."""
    metric, target, due = kpi.get("metric"), number(kpi.get("target")), parse_date(kpi.get("due"))
    if not isinstance(metric, str) or target is None or due is None or due < start:
        return None  # a KPI due before the start is outside the horizon (outside_horizon)
    benchmark = context.benchmark_for(metric, kpi.get("channel"))
    if benchmark is None:
        return None
    months = max((due - start).days, 1) / DAYS_PER_MONTH
    baseline = number(kpi.get("baseline"))
    values = {
        **names,
        "due": fmt_date(due),
        "target": fmt_number(target),
        "baseline": fmt_number(baseline) if baseline is not None else "",
        "limit": fmt_number(benchmark.max_monthly_change),
        "benchmark": _benchmark_name(benchmark, context),
        "allowance": fmt_number(benchmark.small_account_allowance or 0),
    }
    if benchmark.unit == KPIBenchmark.Unit.POINTS:
        return _points_problem(baseline, target, months, benchmark, values)
    if metric in LOWER_IS_BETTER:
        return _reduction_problem(baseline, target, months, benchmark, values)
    if metric in NEW_ACCOUNT_METRICS and not baseline:
        return _new_account_problem(baseline, target, months, benchmark, values)
    if baseline is None or baseline <= 0 or target <= baseline:
        return None  # relative growth needs a positive baseline; no growth needs no judgement
    rate = max(benchmark.max_monthly_change, 0.0) / 100  # a curator's negative value means "no growth"
    allowance = benchmark.small_account_allowance or 0.0
    log_relative = math.log(baseline) + months * math.log1p(rate)
    absolute = baseline + allowance * months
    if math.log(target) <= log_relative or target <= absolute:
        return None
    values["realistic"] = _about(max(math.exp(log_relative), absolute))
    values["needed"] = _rate(_monthly_percent(math.log(target / baseline), months))
    statement = _("The KPI %(kpi)s of the goal %(goal)s is to rise from %(baseline)s to %(target)s by %(due)s – "
                  "%(needed)s%% growth a month.")  # fmt: skip
    if allowance and metric in NEW_ACCOUNT_METRICS:
        realistic = _(
            "About %(limit)s%% growth a month is realistic (%(benchmark)s), or %(allowance)s more a month while "
            "the account is small – about %(realistic)s by %(due)s."
        )
    elif allowance:
        realistic = _(
            "About %(limit)s%% growth a month is realistic (%(benchmark)s), or %(allowance)s more a month while "
            "the numbers are small – about %(realistic)s by %(due)s."
        )
    else:
        realistic = _("About %(limit)s%% growth a month is realistic (%(benchmark)s) – about %(realistic)s by %(due)s.")
    return [statement % values, realistic % values, _("Benchmark: %(evidence)s.") % {"evidence": _evidence(benchmark)}]


def _points_problem(
    baseline: float | None, target: float, months: float, benchmark: Benchmark, values: dict[str, str]
) -> list[str] | None:
    if baseline is None or target <= baseline:
        return None
    allowed = baseline + benchmark.max_monthly_change * months
    if target <= allowed:
        return None
    values["needed"] = fmt_number((target - baseline) / months)
    values["realistic"] = fmt_number(math.floor(allowed), 0)
    statement = _("The KPI %(kpi)s of the goal %(goal)s is to rise from %(baseline)s to %(target)s points by %(due)s – "
                  "%(needed)s points a month.")  # fmt: skip
    realistic = ngettext(
        "About %(limit)s point a month is realistic (%(benchmark)s) – about %(realistic)s by %(due)s.",
        "About %(limit)s points a month are realistic (%(benchmark)s) – about %(realistic)s by %(due)s.",
        1 if benchmark.max_monthly_change == 1 else 2,
    )
    return [statement % values, realistic % values, _("Benchmark: %(evidence)s.") % {"evidence": _evidence(benchmark)}]


def _reduction_problem(
    baseline: float | None, target: float, months: float, benchmark: Benchmark, values: dict[str, str]
) -> list[str] | None:
    if baseline is None or baseline <= 0 or target >= baseline:
        return None  # more tickets is no reduction target at all
    rate = min(max(benchmark.max_monthly_change, 0.0) / 100, 1.0)
    allowance = benchmark.small_account_allowance or 0.0
    relative = 0.0 if rate >= 1 else baseline * math.exp(months * math.log1p(-rate))
    absolute = baseline - allowance * months
    if target >= min(relative, absolute):
        return None
    needed = 100.0 if target <= 0 else -math.expm1(math.log(target / baseline) / months) * 100
    values["needed"] = fmt_number(needed)
    values["realistic"] = _about(max(min(relative, absolute), 0), up=True)
    statement = _("The KPI %(kpi)s of the goal %(goal)s is to fall from %(baseline)s to %(target)s by %(due)s – "
                  "%(needed)s%% fewer a month.")  # fmt: skip
    if allowance:
        realistic = _(
            "A reduction of about %(limit)s%% a month is realistic (%(benchmark)s), or %(allowance)s fewer a "
            "month – about %(realistic)s by %(due)s."
        )
    else:
        realistic = _(
            "A reduction of about %(limit)s%% a month is realistic (%(benchmark)s) – about %(realistic)s by %(due)s."
        )
    return [statement % values, realistic % values, _("Benchmark: %(evidence)s.") % {"evidence": _evidence(benchmark)}]


def _new_account_problem(
    baseline: float | None, target: float, months: float, benchmark: Benchmark, values: dict[str, str]
) -> list[str] | None:
    ceiling = benchmark.new_account_ceiling
    if ceiling is None or ceiling <= 0 or target <= 0:
        return None
    rate = max(benchmark.max_monthly_change, 0.0) / 100
    log_relative = math.log(ceiling) + max(months - 12, 0) * math.log1p(rate)
    absolute = (benchmark.small_account_allowance or 0.0) * months
    if math.log(target) <= log_relative or target <= absolute:
        return None
    values["ceiling"] = fmt_number(ceiling, 0)
    realistic_value = max(math.exp(log_relative), absolute)
    values["realistic"] = _about(realistic_value)
    if baseline is None:
        statement = _(
            "The KPI %(kpi)s of the goal %(goal)s has no baseline, so it counts as a new account, and is to reach "
            "%(target)s by %(due)s."
        )
    else:
        statement = _("The KPI %(kpi)s of the goal %(goal)s starts from zero and is to reach %(target)s by %(due)s.")
    if months <= 12 and absolute <= ceiling:  # due within the first year: the ceiling is all there is to say
        realistic = _(
            "A new account realistically reaches about %(ceiling)s in its first twelve months (%(benchmark)s)."
        )
    else:
        realistic = _(
            "A new account realistically reaches about %(ceiling)s in its first twelve months (%(benchmark)s) – "
            "about %(realistic)s by %(due)s."
        )
    return [statement % values, realistic % values, _("Benchmark: %(evidence)s.") % {"evidence": _evidence(benchmark)}]


def _early_sales_problem(
    kpi: Mapping[str, Any], goal: Mapping[str, Any], names: dict[str, str], start: dt.date, *, also: bool
) -> str | None:
    due = parse_date(kpi.get("due"))
    if due is None or due < start:
        return None  # before the start: outside_horizon says so
    if not (kpi.get("metric") in SALES_METRICS or goal.get("category") in SALES_CATEGORIES):
        return None
    try:
        results_expected = start + relativedelta(months=EARLY_SALES_MONTHS)
    except (ValueError, OverflowError):  # six months after the start are past the calendar: nothing is early
        return None
    if due >= results_expected:
        return None
    values = {**names, "due": fmt_date(due), "start": fmt_date(start)}
    if also:
        return (
            _(
                "The KPI %(kpi)s also expects sales results – leads, conversions or sales – by %(due)s, less than six "
                "months after the plan starts on %(start)s."
            )
            % values
        )
    return (
        _(
            "The KPI %(kpi)s of the goal %(goal)s expects sales results – leads, conversions or sales – by %(due)s, "
            "less than six months after the plan starts on %(start)s."
        )
        % values
    )


@rule(
    "unrealistic_target", Severity.WARNING, source=TWELVE_REASONS, step="goals", dimension="measurement",
    measures=[("pitfall-excessive-expectations", 0), ("pitfall-excessive-expectations", 1),
              ("pitfall-excessive-expectations", 2)],
)  # fmt: skip
def unrealistic_target(plan: Mapping[str, Any], context: Context) -> list[str]:
    start = start_of(plan, context)
    messages = []
    for goal, kpi, names in _kpis(plan):
        sentences = _growth_problem(kpi, names, start, context) or []
        if sentences:
            sentences.append(
                _("Research realistic benchmarks, set an adequate target or a later due date, and plan for patience.")
            )
        early = _early_sales_problem(kpi, goal, names, start, also=bool(sentences))
        if early:
            sentences += [
                early,
                _(
                    "Relationships and trust come first, and first results take 6–12 months: move this KPI later "
                    "and measure awareness or dialogue first."
                ),
            ]
        if sentences:
            messages.append(" ".join(sentences))
    return messages


# --- the horizon and the roadmap --------------------------------------------------------------


def horizon_end(start: dt.date, months: Any) -> dt.date | None:
    if not isinstance(months, int) or isinstance(months, bool) or months < 1:
        return None
    try:
        return start + relativedelta(months=months)
    except (ValueError, OverflowError):
        return None


@rule(
    "outside_horizon", Severity.WARNING, source=NINE_FACTORS, step="goals", dimension="strategy",
    measures=[("sf-strategy", 4), ("faq-strategy", 3)], steps=["roadmap"],
)  # fmt: skip
def outside_horizon(plan: Mapping[str, Any], context: Context) -> list[Problem]:
    start = parse_date(plan.get("start_date"))
    if start is None:
        return []  # a draft without a start has no period yet
    end = horizon_end(start, plan.get("horizon_months"))
    period = {"start": fmt_date(start), "months": plan.get("horizon_months")}
    problems = []
    for _goal, kpi, names in _kpis(plan):
        due = parse_date(kpi.get("due"))
        if due is not None and due < start:
            message = _("The KPI %(kpi)s of the goal %(goal)s is due on %(due)s, before the plan starts on %(start)s.")
        elif due is not None and end is not None and due > end:
            message = _(
                "The KPI %(kpi)s of the goal %(goal)s is due on %(due)s, after the plan's horizon of %(months)d "
                "months from %(start)s."
            )
        else:
            continue
        advice = _("Move the due date into the plan's period, or change the plan's start or horizon.")
        problems.append(Problem(f"{message % {**names, **period, 'due': fmt_date(due)}} {advice}", step="goals"))
    for milestone in rows(plan, "milestones"):
        finish = parse_date(milestone.get("end"))
        values = {**period, "milestone": quoted(text(milestone.get("title")) or "?")}
        if finish is not None and finish < start:
            message = _("The milestone %(milestone)s ends on %(finish)s, before the plan starts on %(start)s.")
        elif finish is not None and end is not None and finish > end:
            message = _(
                "The milestone %(milestone)s ends on %(finish)s, after the plan's horizon of %(months)d months from "
                "%(start)s."
            )
        else:
            continue
        advice = _("Plan it within the plan's period, or change the plan's start or horizon.")
        problems.append(Problem(f"{message % {**values, 'finish': fmt_date(finish)}} {advice}", step="roadmap"))
    return problems


@rule(
    "short_horizon", Severity.WARNING, source=NINE_FACTORS, step="basics", dimension="strategy",
    measures=[("sf-persevere", 1), ("maturity-patience", 0)],
)  # fmt: skip
def short_horizon(plan: Mapping[str, Any], context: Context) -> list[str]:
    months = plan.get("horizon_months")
    if not isinstance(months, int) or isinstance(months, bool) or months >= MIN_HORIZON_MONTHS:
        return []
    return [
        ngettext(
            "The plan covers only %(months)d month, but first results of social media take 6–12 months to show. "
            "Plan for at least 6 months, better 12, and agree the long-term commitment with management.",
            "The plan covers only %(months)d months, but first results of social media take 6–12 months to show. "
            "Plan for at least 6 months, better 12, and agree the long-term commitment with management.",
            months,
        )
        % {"months": months}
    ]


@rule(
    "no_roadmap", Severity.WARNING, source=SOMEFAQ, step="roadmap", dimension="strategy",
    measures=[("faq-strategy", 3), ("sf-strategy", 4)],
)  # fmt: skip
def no_roadmap(plan: Mapping[str, Any], context: Context) -> list[str]:
    if rows(plan, "milestones"):
        return []
    return [
        _(
            "The plan has no milestone. A roadmap helps you keep the goal in sight and stay on course: plan the "
            "listening, the pilot and the expansion, each with dates."
        )
    ]
