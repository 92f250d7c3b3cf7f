"""Template tags of the reports: ``{% load report_tags %}`` on the plan overview."""

from __future__ import annotations

from typing import Any

from django import template

from planner.models import Plan

from ..differences import compact_number
from ..selectors import reports_for_plan

register = template.Library()


@register.inclusion_tag("reports/_plan_reports.html")
def plan_reports(plan: Plan) -> dict[str, Any]:
    """The plan's reports with their state, download and retry: ``{% plan_reports plan %}``.
    Django hands the page's CSRF token on to an inclusion tag: the retry forms post with it."""
    return {"reports": reports_for_plan(plan)}


@register.filter
def measured(value: Any, unit: str = "") -> str:
    """A KPI's value with its unit as a reader writes it, in the active language: at most two
    decimals and no trailing zeros ("39,8 %", "1.250 pro Monat"); "–" for none."""
    if value is None or value == "":
        return "–"
    text = compact_number(value)
    return f"{text} {unit}" if unit else text
