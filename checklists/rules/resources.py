"""Rules on resources: staff hours, the workload they carry, budgets, and the review cycle."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..content.sources import NINE_FACTORS, SOMEFAQ, TWELVE_REASONS
from .base import (
    MAX_REVIEW_CADENCE_MONTHS,
    MAX_TOOLS_EUR_PER_STAFF_HOUR,
    PAID_MEDIA_CATEGORIES,
    POSTS_PER_STAFF_HOUR,
    Context,
    Severity,
    fmt_hours,
    fmt_list,
    fmt_number,
    goal_label,
    number,
    part,
    posts,
    quoted,
    rows,
    rule,
)


def staff_hours(plan: Mapping[str, Any]) -> float | None:
    """The staff hours a week the plan commits: resources.staff_hours_per_week, or while that is not
    filled in, the hours of its roles (None when neither says anything)."""
    planned = number(part(plan, "resources").get("staff_hours_per_week"))
    if planned is not None:
        return planned
    hours = [h for h in (number(role.get("hours_per_week")) for role in rows(plan, "roles")) if h is not None]
    return sum(hours) if hours else None


@rule(
    "no_resources", Severity.WARNING, source=SOMEFAQ, step="resources", dimension="resources",
    measures=[("faq-missing-resources", 0), ("faq-missing-resources", 1)],
)  # fmt: skip
def no_resources(plan: Mapping[str, Any], context: Context) -> list[str]:
    if (staff_hours(plan) or 0) > 0:
        return []
    return [
        _(
            "No staff hours are planned. Social media is a lot of work: commit working hours per week – and a "
            "budget for paid media if you want impact."
        )
    ]


@rule(
    "workload_exceeds_hours", Severity.WARNING, source=TWELVE_REASONS, step="resources", dimension="resources",
    measures=[("pitfall-underestimated-effort", 0), ("faq-missing-resources", 0)],
)  # fmt: skip
def workload_exceeds_hours(plan: Mapping[str, Any], context: Context) -> list[str]:
    hours = staff_hours(plan)
    total = sum(posts(channel) for channel in rows(plan, "channels"))
    if hours is None or total <= POSTS_PER_STAFF_HOUR * hours:
        return []
    return [
        _(
            "The channels add up to %(posts)s posts a week, but only %(hours)s of staff time a week is planned: "
            "less than 30 minutes per post, replies and dialogue included. Plan more hours or fewer posts – start "
            "with the pilot channels and add the others later."
        )
        % {"posts": fmt_number(total), "hours": fmt_hours(hours)}
    ]


@rule(
    "no_paid_budget", Severity.INFO, source=SOMEFAQ, step="resources", dimension="resources",
    measures=[("faq-missing-resources", 1)],
)  # fmt: skip
def no_paid_budget(plan: Mapping[str, Any], context: Context) -> list[str]:
    goals = [
        quoted(goal_label(goal, n))
        for n, goal in enumerate(rows(plan, "goals"), start=1)
        if goal.get("category") in PAID_MEDIA_CATEGORIES
    ]
    if not goals or (number(part(plan, "resources").get("paid_media_budget_eur")) or 0) > 0:
        return []
    return [
        ngettext(
            "The goal %(goals)s needs reach, but no budget for paid media is planned. Anyone who wants impact must "
            "not forget money for paid promotion: set aside a budget for paid media.",
            "The goals %(goals)s need reach, but no budget for paid media is planned. Anyone who wants impact must "
            "not forget money for paid promotion: set aside a budget for paid media.",
            len(goals),
        )
        % {"goals": fmt_list(goals)}
    ]


@rule(
    "tools_before_strategy", Severity.WARNING, source=TWELVE_REASONS, step="resources", dimension="strategy",
    measures=[("pitfall-ecosystem", 0), ("pitfall-underestimated-effort", 0)],
)  # fmt: skip
def tools_before_strategy(plan: Mapping[str, Any], context: Context) -> list[str]:
    tools = number(part(plan, "resources").get("tools_budget_eur")) or 0
    if tools <= 0:
        return []
    budget = fmt_number(tools, 0)
    no_goals, no_groups = not rows(plan, "goals"), not rows(plan, "target_groups")
    if no_goals or no_groups:
        if no_goals and no_groups:
            problem = _("€%(budget)s is planned for tools, but the plan has neither goals nor target groups yet.")
        elif no_goals:
            problem = _("€%(budget)s is planned for tools, but the plan has no goal yet.")
        else:
            problem = _("€%(budget)s is planned for tools, but the plan has no target group yet.")
        advice = _(
            "Tools and technology alone bring no success: set the goals and target groups first, then choose the "
            "tools that serve them."
        )
        return [f"{problem % {'budget': budget}} {advice}"]
    hours = staff_hours(plan)
    if hours is None or tools <= MAX_TOOLS_EUR_PER_STAFF_HOUR * hours:
        return []
    return [
        _(
            "€%(budget)s is planned for tools, but only %(hours)s of staff time a week – more than €%(limit)s per "
            "weekly hour. Tools do not replace people: invest first in the time of people who understand the "
            "community."
        )
        % {"budget": budget, "hours": fmt_hours(hours), "limit": fmt_number(MAX_TOOLS_EUR_PER_STAFF_HOUR)}
    ]


@rule(
    "no_review_cycle", Severity.WARNING, source=NINE_FACTORS, step="resources", dimension="measurement",
    measures=[("sf-strategy", 6), ("sf-persevere", 3)],
)  # fmt: skip
def no_review_cycle(plan: Mapping[str, Any], context: Context) -> list[str]:
    cadence = part(plan, "review").get("cadence_months")
    known = isinstance(cadence, int) and not isinstance(cadence, bool)
    if known and cadence <= MAX_REVIEW_CADENCE_MONTHS:
        return []
    advice = _(
        "Evaluate the KPIs in detail at least every six months, feed the results back into the strategy, and "
        "report even small first successes."
    )
    if known:
        return [_("The KPIs are reviewed only every %(months)d months.") % {"months": cadence} + " " + advice]
    return [_("No review cycle is planned.") + " " + advice]
