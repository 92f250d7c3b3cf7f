"""Template tags of the sign-off, for the pages of lower layers: the plan overview
(``{% plan_signoff plan %}``, ``{% plan_kpi_progress plan %}``, ``{% plan_state_badge plan %}``), the
wizard (``{% step_comments plan step.slug %}``) and the dashboard (``{% reviews_due_for rows as due %}``,
``{% approvals_for rows as approvals %}``)."""

from __future__ import annotations

from typing import Any

from django import template

from planner.models import Plan
from planner.plan_file import plan_to_document, prefetched_plan_to_document
from planner.selectors import can_edit
from reports.document import kpi_progress_rows
from reports.history import same_strategy
from reports.models import Version
from reports.services import approved_version

from ..forms import AnswerForm
from ..selectors import ReviewDue, can_decide, latest_review_request, open_comment_counts, open_threads, review_due
from ..selectors import reviews_due as reviews_due_of

register = template.Library()


def _document(plan: Plan) -> dict[str, Any]:
    """The plan's document, made once per page however many tags ask (the plan was loaded with its parts)."""
    if not hasattr(plan, "_signoff_document"):
        plan._signoff_document = prefetched_plan_to_document(plan)
    return plan._signoff_document


@register.inclusion_tag("signoff/_plan_signoff.html", takes_context=True)
def plan_signoff(context, plan: Plan) -> dict[str, Any]:
    """The approval state, the review under way, the open comments per section and the next review."""
    approved = approved_version(plan)
    counts = open_comment_counts(plan)
    sections = [(slug, title, counts[slug]) for slug, title in _sections() if counts.get(slug)]
    return {
        "plan": plan,
        "approved": approved,
        "changed_since": approved is not None and not same_strategy(approved.snapshot, _document(plan)),
        "current": latest_review_request(plan),
        "open_sections": sections,
        "open_count": sum(counts.values()),
        "due": review_due(plan),
        "can_edit": can_edit(plan),
        "can_decide": can_decide(plan),
        "csrf_token": context.get("csrf_token"),
    }


def _sections() -> list[tuple[str, str]]:
    from ..models import section_choices

    return section_choices()


@register.inclusion_tag("signoff/_state_badge.html")
def plan_state_badge(plan: Plan) -> dict[str, Any]:
    """The plan's state beside its title: archived, approved (which version), changed since its
    approval, or a draft. A later edit never shows as approved; KPI check-ins change no approval."""
    approved = approved_version(plan)
    changed = approved is not None and not same_strategy(approved.snapshot, _document(plan))
    return {"plan": plan, "approved_number": approved.number if approved else None, "changed": changed}


@register.simple_tag
def approvals_for(rows: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """The dashboard's badges: each plan's state as ``plan_state_badge`` gives it, by plan id. One
    query for the approved versions; only a plan edited after its approved version was frozen is
    compared with it (every write of a plan bumps its ``updated_at``: planner.services)."""
    plans = [row["plan"] for row in rows]
    approved = {}
    for version in (
        Version.objects.filter(plan__in=plans)
        .exclude(approved_at=None)
        .order_by("plan_id", "-number")
        .only("plan_id", "number", "created_at")
    ):
        approved.setdefault(version.plan_id, version)
    states = {}
    for plan in plans:
        version = approved.get(plan.pk)
        changed = (
            version is not None
            and plan.updated_at > version.created_at
            and not same_strategy(Version.objects.get(pk=version.pk).snapshot, plan_to_document(plan))
        )
        states[plan.pk] = {"plan": plan, "approved_number": version.number if version else None, "changed": changed}
    return states


@register.inclusion_tag("signoff/_state_badge.html")
def state_badge(approvals: dict[int, dict[str, Any]], plan: Plan) -> dict[str, Any]:
    """``{% state_badge approvals row.plan %}``: a plan's badge from ``approvals_for``."""
    return approvals[plan.pk]


@register.inclusion_tag("signoff/_plan_kpi_progress.html")
def plan_kpi_progress(plan: Plan) -> dict[str, Any]:
    """Each KPI's progress against its path, as a small chart."""
    return {
        "plan": plan,
        "rows": kpi_progress_rows(_document(plan)["plan"], chart_width=200),
        "can_edit": can_edit(plan),
    }


@register.inclusion_tag("signoff/_step_comments.html", takes_context=True)
def step_comments(context, plan: Plan, step: str) -> dict[str, Any]:
    """The open comments on a wizard step, to answer and resolve there. Outside the step's form."""
    request = context.get("request")
    return {
        "plan": plan,
        "threads": open_threads(plan, step),
        "answer_form": AnswerForm(),
        "next": request.get_full_path() if request else "",
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag
def reviews_due_for(rows: list[dict[str, Any]]) -> dict[int, ReviewDue]:
    """The next review of each plan of the dashboard's rows, by plan id; one query for all."""
    return reviews_due_of([row["plan"] for row in rows])


@register.filter
def due_of(due: dict[int, ReviewDue], plan: Plan) -> ReviewDue | None:
    return due.get(plan.pk)


@register.filter
def for_section(threads: dict[str, list], section: str) -> list:
    return threads.get(section, [])
