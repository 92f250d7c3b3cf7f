"""Template tags of the reports: ``{% load report_tags %}`` on the plan overview."""

from __future__ import annotations

from typing import Any

from django import template

from planner.models import Plan

from ..selectors import reports_for_plan

register = template.Library()


@register.inclusion_tag("reports/_plan_reports.html")
def plan_reports(plan: Plan) -> dict[str, Any]:
    """The plan's reports with their state, download and retry: ``{% plan_reports plan %}``.
    Django hands the page's CSRF token on to an inclusion tag: the retry forms post with it."""
    return {"reports": reports_for_plan(plan)}
