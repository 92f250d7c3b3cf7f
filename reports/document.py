"""What the report template needs, computed from a plan snapshot (the plan file document)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from planner.models import KPI, Goal


def report_context(snapshot: dict[str, Any], *, variant: str, number: int | None) -> dict[str, Any]:
    plan = snapshot.get("plan", {})
    categories = dict(Goal.Category.choices)
    metrics = dict(KPI.Metric.choices)
    goals = [
        {
            **goal,
            "category_label": categories.get(goal.get("category", ""), ""),
            "kpis": [{**kpi, "metric_label": metrics.get(kpi.get("metric", ""), "")} for kpi in goal.get("kpis", [])],
        }
        for goal in plan.get("goals", [])
    ]
    return {
        "plan": plan,
        "goals": goals,
        "variant": variant,
        "number": number,
        "generated_at": timezone.now(),
    }
