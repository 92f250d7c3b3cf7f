"""What the report template needs, computed from a plan snapshot (the plan file document).

Called inside ``translation.override(plan language)``: every label here is translated
into the plan's language. Plan texts stay plain strings; the template escapes them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from checklists.check import plan_check
from checklists.models import Channel, ChecklistItem, Source
from checklists.rules import Severity
from planner.models import KPI, TECHNOGRAPHICS, Goal

from . import charts

# The summary is one page: the first goals by priority and the first milestones.
SUMMARY_GOALS = 5
SUMMARY_MILESTONES = 5


def technographic_labels() -> dict[str, str]:
    return {
        "creators": _("Creators"),
        "conversationalists": _("Conversationalists"),
        "critics": _("Critics"),
        "collectors": _("Collectors"),
        "joiners": _("Joiners"),
        "spectators": _("Spectators"),
        "inactives": _("Inactives"),
    }


def checklist_status_labels() -> dict[str, str]:
    return {
        "done": _("done"),
        "in_progress": _("in progress"),
        "open": _("open"),
        "not_applicable": _("not applicable"),
    }


def month_abbreviations() -> list[str]:
    """Jan ... Dec in the active language (Django's own month names)."""
    return [date_format(dt.date(2000, month, 1), "M") for month in range(1, 13)]


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return parse_date(value) if value else None
    except ValueError:
        return None


def _goals(plan: dict[str, Any]) -> list[dict[str, Any]]:
    categories = dict(Goal.Category.choices)
    metrics = dict(KPI.Metric.choices)
    goals = []
    for goal in plan.get("goals", []):
        kpis = [
            {**kpi, "metric_label": metrics.get(kpi.get("metric", ""), ""), "due_date": _date(kpi.get("due"))}
            for kpi in goal.get("kpis", [])
        ]
        goals.append({**goal, "category_label": categories.get(goal.get("category", ""), ""), "kpis": kpis})
    return sorted(goals, key=lambda g: g.get("priority", 3))


def _target_groups(plan: dict[str, Any]) -> list[dict[str, Any]]:
    labels = technographic_labels()
    groups = []
    for group in plan.get("target_groups", []):
        profile = group.get("technographics") or {}
        bars = [(labels[rung], profile.get(rung)) for rung in TECHNOGRAPHICS]
        chart = charts.bars(values=bars, label=_("Social Technographics profile")) if profile else None
        groups.append({**group, "technographics_chart": chart})
    return sorted(groups, key=lambda g: g.get("priority", 3))


def _channel_matrix(plan: dict[str, Any], channel_names: dict[str, str]) -> dict[str, Any]:
    groups = plan.get("target_groups", [])
    goal_titles = {g.get("key"): g.get("title", "") for g in plan.get("goals", [])}
    rows = []
    for channel in sorted(plan.get("channels", []), key=lambda c: (c.get("phase", 1), c.get("channel", ""))):
        served = set(channel.get("target_groups", []))
        rows.append(
            {
                **channel,
                "name": channel_names.get(channel.get("channel"), channel.get("channel", "")),
                "cells": [group.get("key") in served for group in groups],
                "goal_titles": [goal_titles.get(key, key) for key in channel.get("goals", [])],
            }
        )
    return {"groups": groups, "rows": rows}


def _roadmap(plan: dict[str, Any]) -> tuple[list[dict[str, Any]], charts.Gantt | None, charts.Gantt | None]:
    """The milestones in order, the Gantt chart of all, and one of the first few for the summary."""
    milestones = []
    for milestone in plan.get("milestones", []):
        milestones.append(
            {**milestone, "start_date": _date(milestone.get("start")), "end_date": _date(milestone.get("end"))}
        )
    milestones.sort(key=lambda m: (m.get("phase", 1), m["start_date"] or dt.date.max))
    dated = [
        charts.Milestone(m.get("title", ""), m["start_date"], m["end_date"], m.get("phase", 1))
        for m in milestones
        if m["start_date"] and m["end_date"]
    ]
    months = month_abbreviations()

    def roadmap(shown: list[charts.Milestone]) -> charts.Gantt | None:
        return charts.gantt(milestones=shown, width=640, phase_label=_("Phase"), label=_("Roadmap"), months=months)

    return milestones, roadmap(dated), roadmap(dated[:SUMMARY_MILESTONES])


def _checklist(plan: dict[str, Any]) -> dict[str, Any]:
    answers = {a.get("item"): a for a in plan.get("checklist", [])}
    labels = checklist_status_labels()
    items = []
    for item in ChecklistItem.objects.filter(active=True).select_related("checklist"):
        answer = answers.get(item.slug, {})
        status = answer.get("status", "open")
        items.append(
            {
                "title": item.title,
                "checklist": item.checklist.title,
                "dimension": item.get_dimension_display(),
                "status": status,
                "status_label": labels.get(status, status),
                "note": answer.get("note", ""),
            }
        )
    counts = Counter(item["status"] for item in items)
    return {
        "items": items,
        "counts": [(labels[status], counts.get(status, 0)) for status in labels],
        "done": counts.get("done", 0),
        "total": len(items) - counts.get("not_applicable", 0),
    }


def report_context(snapshot: dict[str, Any], *, variant: str, number: int | None) -> dict[str, Any]:
    plan = snapshot.get("plan", {})
    check = plan_check(snapshot)
    channel_names = dict(Channel.objects.values_list("slug", "name"))
    goals = _goals(plan)
    milestones, gantt, summary_gantt = _roadmap(plan)
    roles = plan.get("roles", [])
    resources = plan.get("resources") or {}
    role_hours = sum(r.get("hours_per_week") or 0 for r in roles)
    dimension_labels = dict(ChecklistItem.Dimension.choices)
    context = {
        "plan": plan,
        "variant": variant,
        "full": variant != "short",
        "number": number,
        "generated_at": timezone.now(),
        "start_date": _date(plan.get("start_date")),
        "goals": goals,
        "summary_goals": goals[:SUMMARY_GOALS],
        "more_goals": max(0, len(goals) - SUMMARY_GOALS),
        "findings": check.findings,
        "top_findings": [f for f in check.findings if f.severity != Severity.INFO][:3],
        "readiness": check.readiness,
        "readiness_weakest": dimension_labels.get(check.readiness.weakest, check.readiness.weakest),
        "milestones": milestones,
        "gantt_chart": gantt,
        "summary_gantt": summary_gantt,
        "resources": resources,
        "role_hours": role_hours,
        "roles": sorted(roles, key=lambda r: not r.get("is_owner")),
        "review": plan.get("review") or {},
    }
    if variant == "short":
        return context
    situation = plan.get("situation") or {}
    context.update(
        {
            "situation": situation,
            "swot": [
                [(_("Strengths"), situation.get("strengths", [])), (_("Weaknesses"), situation.get("weaknesses", []))],
                [
                    (_("Opportunities"), situation.get("opportunities", [])),
                    (_("Threats"), situation.get("threats", [])),
                ],
            ],
            "target_groups": _target_groups(plan),
            "matrix": _channel_matrix(plan, channel_names),
            "content_themes": [
                {
                    **theme,
                    "channel_names": [channel_names.get(c, c) for c in theme.get("channels", [])],
                    "group_names": [
                        g.get("name", "")
                        for g in plan.get("target_groups", [])
                        if g.get("key") in theme.get("target_groups", [])
                    ],
                }
                for theme in plan.get("content_themes", [])
            ],
            "checklist": _checklist(plan),
            "sources": list(Source.objects.order_by("title")),
        }
    )
    return context
