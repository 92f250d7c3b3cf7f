"""What the report template needs, computed from a plan snapshot (the plan file document).

Called inside ``translation.override(plan language)``: every label here is translated
into the plan's language. Plan texts stay plain strings; the template escapes them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from checklists.check import plan_check
from checklists.models import Channel, ChecklistItem, Source
from checklists.rules import Severity
from checklists.scoring import STAGES
from planner.models import KPI, TECHNOGRAPHICS, ContentTheme, Goal, Plan, Role
from planner.steps import STEPS

from . import charts
from .differences import Difference, Vocabulary, plan_differences
from .models import Version
from .summary import channels_by_phase, decisions, number_text

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
    matrix = {"groups": groups, "rows": rows}
    if len(groups) > NAMED_GROUP_COLUMNS:
        matrix["strip"] = _marks_strip(rows, len(groups))
    return matrix


# Up to this many target groups the matrix has a column per group with its name; beyond, the groups are numbered
# and the marks of a row are drawn in one picture across the groups' share of the width (38 %): a table cell
# per channel and group cost WeasyPrint more than the rest of the section.
NAMED_GROUP_COLUMNS = 5
GROUPS_WIDTH_PX = 0.38 * (210 - 36) / 25.4 * 96  # the share of the A4 page's text width, in CSS pixels
MARK_RADIUS, MARK_Y, STRIP_HEIGHT = 2.3, 9.5, 16


def _marks_strip(rows: list[dict[str, Any]], count: int) -> dict[str, Any]:
    """The groups' centres (for the numbers above) and, per row, its marks as one path of dots."""
    step = GROUPS_WIDTH_PX / count
    centres = [round((index + 0.5) * step, 2) for index in range(count)]
    r = MARK_RADIUS
    for row in rows:
        row["marks"] = " ".join(
            f"M{x - r:.2f},{MARK_Y} a{r},{r} 0 1,0 {2 * r},0 a{r},{r} 0 1,0 {-2 * r},0"
            for x, served in zip(centres, row["cells"], strict=True)
            if served
        )
    return {"width": round(GROUPS_WIDTH_PX, 2), "height": STRIP_HEIGHT, "numbers": list(enumerate(centres, start=1))}


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
    """The checklist status: a row of counts per checklist, the items still open or not applicable (the
    section lists only those), and every item with its status and note (the appendix)."""
    answers = {a.get("item"): a for a in plan.get("checklist", [])}
    labels = checklist_status_labels()
    checklists: dict[int, dict[str, Any]] = {}
    for item in ChecklistItem.objects.filter(active=True).select_related("checklist"):
        answer = answers.get(item.slug, {})
        status = answer.get("status", "open")
        group = checklists.setdefault(item.checklist_id, {"title": item.checklist.title, "items": []})
        group["items"].append(
            {
                "title": item.title,
                "dimension": item.get_dimension_display(),
                "status": status,
                "status_label": labels.get(status, status),
                "note": answer.get("note", ""),
            }
        )
    for group in checklists.values():
        counts = Counter(item["status"] for item in group["items"])
        group["counts"] = [counts.get(status, 0) for status in labels]
        group["open"] = [item["title"] for item in group["items"] if item["status"] == "open"]
        group["not_applicable"] = [item["title"] for item in group["items"] if item["status"] == "not_applicable"]
    items = [item for group in checklists.values() for item in group["items"]]
    counts = Counter(item["status"] for item in items)
    return {
        "checklists": list(checklists.values()),
        "status_labels": list(labels.values()),
        "items": items,
        "counts": [(labels[status], counts.get(status, 0)) for status in labels],
        "done": counts.get("done", 0),
        "total": len(items) - counts.get("not_applicable", 0),
        "attention": counts.get("open", 0) + counts.get("not_applicable", 0),
    }


SUMMARY_CHARACTERS = 280
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„“])")
# "z. B.", "e.g.", "Nr." and single letters ("Marko K.") end no sentence.
_ABBREVIATION = re.compile(r"(?:\b[A-Za-zÄÖÜäöü]|\be\.g|\bi\.e|\bNr|\bca|\bbzw|\bvs|\betc)\.$")


def _sentences(message: str) -> list[str]:
    sentences: list[str] = []
    for piece in _SENTENCE_END.split(message):
        if sentences and _ABBREVIATION.search(sentences[-1]):
            sentences[-1] += " " + piece  # "z. B. Umsatzzahlen" goes on
        else:
            sentences.append(piece)
    return sentences


def _summary_sentences(message: str) -> str:
    """The first whole sentences of a finding, about SUMMARY_CHARACTERS long: the summary is one page
    and the full report has the whole message. Never a cut sentence."""
    sentences = _sentences(message)
    kept = [sentences[0]]
    for sentence in sentences[1:]:
        if len(" ".join([*kept, sentence])) > SUMMARY_CHARACTERS:
            break
        kept.append(sentence)
    return " ".join(kept)


def progress_labels() -> dict[str, str]:
    return {
        charts.ON_TRACK: _("on track"),
        charts.BEHIND: _("behind"),
        charts.REACHED: _("reached"),
        charts.NO_CHECKINS: _("no check-in yet"),
        charts.NO_PATH: _("no target or due date"),
    }


def _short_date(value: dt.date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def kpi_progress_rows(plan: dict[str, Any], *, chart_width: float = 240) -> list[dict[str, Any]]:
    """Every KPI of the plan document with its progress against the straight path from its baseline
    (at the plan's start) to its target (at its due date), and the chart of it; for the overview and
    the report. Labels in the active language."""
    labels = progress_labels()
    start = _date(plan.get("start_date"))
    rows = []
    for goal in plan.get("goals") or []:
        for kpi in goal.get("kpis") or []:
            checkins = [
                charts.CheckIn(date, actual["value"], str(actual.get("note") or ""))
                for actual in kpi.get("actuals") or []
                if (date := _date(actual.get("date"))) is not None and isinstance(actual.get("value"), int | float)
            ]
            progress = charts.kpi_progress(
                baseline=kpi.get("baseline"),
                target=kpi.get("target"),
                start=start,
                due=_date(kpi.get("due")),
                checkins=checkins,
            )
            label = _("%(kpi)s: %(status)s") % {"kpi": kpi.get("name", ""), "status": labels[progress.status]}
            rows.append(
                {
                    "goal": goal.get("title", ""),
                    "kpi": kpi,
                    "progress": progress,
                    "status": progress.status,
                    "status_label": labels[progress.status],
                    "chart": charts.kpi_chart(
                        progress=progress, width=chart_width, number=number_text, day=_short_date, label=label
                    ),
                }
            )
    return rows


def difference_vocabulary() -> Vocabulary:
    """The names the sentences of changes use, in the active language."""
    return Vocabulary(
        channels=dict(Channel.objects.values_list("slug", "name")),
        categories=dict(Goal.Category.choices),
        metrics=dict(KPI.Metric.choices),
        theme_kinds=dict(ContentTheme.Kind.choices),
        role_kinds=dict(Role.Kind.choices),
        languages=dict(Plan.Language.choices),
        checklist_items=dict(ChecklistItem.objects.values_list("slug", "title")),
        checklist_statuses=checklist_status_labels(),
    )


def differences_by_step(differences: list[Difference]) -> list[dict[str, Any]]:
    """The changes under the wizard step where each is made, in the wizard's order."""
    return [
        {"slug": step.slug, "title": step.title, "lines": lines}
        for step in STEPS
        if (lines := [d for d in differences if d.section == step.slug])
    ]


def _approval(approval: dict[str, Any] | None) -> dict[str, Any] | None:
    if not approval:
        return None
    return {**approval, "at": parse_datetime(approval.get("at") or "")}


def report_context(
    snapshot: dict[str, Any],
    *,
    variant: str,
    number: int | None,
    approval: dict[str, Any] | None = None,
    compared: Version | None = None,
    as_of: dt.date | None = None,
) -> dict[str, Any]:
    plan = snapshot.get("plan", {})
    check = plan_check(snapshot)
    channel_names = dict(Channel.objects.values_list("slug", "name"))
    goals = _goals(plan)
    milestones, gantt, summary_gantt = _roadmap(plan)
    roles = plan.get("roles", [])
    resources = plan.get("resources") or {}
    role_hours = sum(r.get("hours_per_week") or 0 for r in roles)
    dimension_labels = dict(ChecklistItem.Dimension.choices)
    channels = channels_by_phase(plan, channel_names)
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
        "top_findings": [
            {"finding": f, "message": _summary_sentences(f.message)}
            for f in check.findings
            if f.severity != Severity.INFO
        ][:3],
        "readiness": check.readiness,
        "readiness_weakest": dimension_labels.get(check.readiness.weakest, check.readiness.weakest),
        "stage_count": len(STAGES),
        "milestones": milestones,
        "gantt_chart": gantt,
        "summary_gantt": summary_gantt,
        "resources": resources,
        "role_hours": role_hours,
        "roles": sorted(roles, key=lambda r: not r.get("is_owner")),
        "review": plan.get("review") or {},
        "approval": _approval(approval),
        "as_of": as_of,
        "summary_channels": channels,
        "decisions": decisions(
            number=number,
            approval=approval,
            resources=resources,
            role_hours=role_hours,
            channels=channels,
            critical=sum(1 for f in check.findings if f.severity == Severity.ERROR),
            review=plan.get("review") or {},
        ),
    }
    if compared is not None:
        differences = plan_differences(compared.snapshot, snapshot, difference_vocabulary())
        context["compared_number"] = compared.number
        context["compared_is_approved"] = bool(approval) and approval.get("number") == compared.number
        context["changes"] = differences_by_step(differences)
        context["change_count"] = len(differences)
    if variant == "short":
        return context
    situation = plan.get("situation") or {}
    progress = kpi_progress_rows(plan, chart_width=220)
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
            # Progress needs a check-in: a KPI without one would be a page of empty charts; the goals say
            # how many are waiting for their first value.
            "kpi_progress": [row for row in progress if row["chart"] and row["progress"].checkins],
            "kpi_unmeasured": sum(1 for row in progress if not row["progress"].checkins),
        }
    )
    return context
