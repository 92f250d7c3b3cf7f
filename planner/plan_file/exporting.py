"""A plan to its plan file document (a JSON-ready dict): the file, a report's snapshot, the check's input."""

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models

from checklists.models import Channel
from planner.models import KPI, ContentTheme, Goal, KPICheckIn, Milestone, Plan, PlanChannel, Role, TargetGroup
from planner.selectors import plan_with_parts

from .schema import FORMAT, VERSION

Document = dict[str, Any]


def plan_to_document(plan: Plan | int) -> Document:
    """The plan as a plan-file document (a JSON-ready dict)."""
    return prefetched_plan_to_document(plan_with_parts(plan if isinstance(plan, int) else plan.pk))


def prefetched_plan_to_document(plan: Plan, *, link_order: bool = True) -> Document:
    """The document of a plan loaded with ``selectors.with_parts``. Links (a channel's target
    groups, ...) come in the order they were made, which costs a few queries; without
    ``link_order`` they come from the prefetch and the document costs no query: KPI check-ins
    (``actuals``) are then only included where the plan was loaded with them prefetched
    (``goals__kpis__checkins``), which is enough for the step states it serves."""
    return prefetched_plans_to_documents([plan], link_order=link_order)[plan.pk]


def prefetched_plans_to_documents(plans: list[Plan], *, link_order: bool = True) -> dict[int, Document]:
    """The documents of plans loaded with ``selectors.with_parts``, by plan id, as ``prefetched_plan_to_document``
    makes them: the same few queries for any number of plans."""
    links = _links_in_order(plans) if link_order else _prefetched_links(plans)
    kpis = _KPIParts.of(plans, query=link_order)
    return {plan.pk: _document(plan, links, kpis) for plan in plans}


def _document(plan: Plan, links: "Links", kpis: "_KPIParts") -> Document:
    body: Document = {
        **_basics(plan),
        "situation": _situation(plan),
        "goals": [_goal(goal, kpis) for goal in plan.goals.all()],
        "target_groups": [_target_group(group) for group in plan.target_groups.all()],
        "channels": [_channel(channel, links) for channel in plan.channels.all()],
        "content_themes": [_content_theme(theme, links) for theme in plan.content_themes.all()],
        "off_limits": plan.off_limits,
        "roles": [_role(role) for role in plan.roles.all()],
        "guidelines": [{"topic": g.topic, "text": g.text} for g in plan.guidelines.all()],
        "milestones": [_milestone(milestone) for milestone in plan.milestones.all()],
        "resources": _resources(plan),
        "review": _review(plan),
        "checklist": _checklist(plan),
    }
    return {"format": FORMAT, "version": VERSION, "plan": body}


def document_dumps(document: Document) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _number(value: Decimal | None) -> int | float | None:
    # 38, not 38.0000 as the column stores it
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _goal_key(goal: Goal) -> str:
    return goal.key or f"goal-{goal.pk}"  # a goal made in the wizard has no key; a link needs one


def _group_key(group: TargetGroup) -> str:
    return group.key or f"group-{group.pk}"


def _basics(plan: Plan) -> Document:
    body: Document = {
        "title": plan.title,
        "organization": plan.organization.name,
        "language": plan.language,
        "industry": plan.industry,
    }
    if plan.start_date:
        body["start_date"] = _date(plan.start_date)
    if plan.horizon_months:
        body["horizon_months"] = plan.horizon_months
    body["summary"] = plan.summary
    return body


def _situation(plan: Plan) -> Document:
    return {
        "strengths": plan.strengths,
        "weaknesses": plan.weaknesses,
        "opportunities": plan.opportunities,
        "threats": plan.threats,
        "competitors": [{"name": c.name, "notes": c.notes} for c in plan.competitors.all()],
    }


@dataclass(frozen=True)
class _KPIParts:
    """What a plan's KPIs refer to: the slugs of the channels they are measured on, and their check-ins."""

    channel_slugs: dict[int, str]
    checkins: dict[int, list[KPICheckIn]]

    @classmethod
    def of(cls, plans: list[Plan], *, query: bool) -> "_KPIParts":
        """From the prefetch where it has them (``goals__kpis__checkins``); else with ``query`` one query
        for all check-ins, without it none (the cheap document of the dashboard)."""
        kpis = [kpi for plan in plans for goal in plan.goals.all() for kpi in goal.kpis.all()]
        # The wizard offers the plan's own channels, whose catalogue rows are prefetched; a file may name others.
        slugs = {c.channel_id: c.channel.slug for plan in plans for c in plan.channels.all()}
        unknown = {kpi.channel_id for kpi in kpis if kpi.channel_id and kpi.channel_id not in slugs}
        if unknown:
            slugs.update(Channel.objects.filter(pk__in=unknown).values_list("pk", "slug"))
        return cls(channel_slugs=slugs, checkins=_checkins(kpis, query=query))


def _checkins(kpis: list[KPI], *, query: bool) -> dict[int, list[KPICheckIn]]:
    # Django keeps prefetched rows in _prefetched_objects_cache; reading .all() without them would query per KPI.
    if all("checkins" in getattr(kpi, "_prefetched_objects_cache", {}) for kpi in kpis):
        return {kpi.pk: list(kpi.checkins.all()) for kpi in kpis}
    if not query or not kpis:
        return {}
    by_kpi: dict[int, list[KPICheckIn]] = {kpi.pk: [] for kpi in kpis}
    for checkin in KPICheckIn.objects.filter(kpi__in=kpis).order_by("date", "pk"):
        by_kpi[checkin.kpi_id].append(checkin)
    return by_kpi


def _kpi(kpi: KPI, parts: _KPIParts) -> Document:
    document: Document = {"name": kpi.name, "metric": kpi.metric, "unit": kpi.unit}
    if kpi.channel_id:
        document["channel"] = parts.channel_slugs[kpi.channel_id]
    document.update({"baseline": _number(kpi.baseline), "target": _number(kpi.target), "due": _date(kpi.due)})
    checkins = sorted(parts.checkins.get(kpi.pk, []), key=lambda c: (c.date, c.pk))
    if checkins:
        document["actuals"] = [{"date": _date(c.date), "value": _number(c.value), "note": c.note} for c in checkins]
    return document


def _goal(goal: Goal, kpis: _KPIParts) -> Document:
    return {
        "key": _goal_key(goal),
        "category": goal.category,
        "title": goal.title,
        "description": goal.description,
        "priority": goal.priority,
        "kpis": [_kpi(kpi, kpis) for kpi in goal.kpis.all()],
    }


def _target_group(group: TargetGroup) -> Document:
    return {
        "key": _group_key(group),
        "name": group.name,
        "description": group.description,
        "needs": group.needs,
        "priority": group.priority,
        "technographics": group.technographics,
    }


@dataclass(frozen=True)
class Links:
    """The many-to-many links of a plan's channels and themes, as the file writes them (keys, slugs)."""

    channel_groups: dict[int, list[str]]
    channel_goals: dict[int, list[str]]
    theme_groups: dict[int, list[str]]
    theme_channels: dict[int, list[str]]


def _links_in_order(plans: list[Plan]) -> Links:
    """The links of the plans' channels and themes in the order they were made (the file's order): one query a
    link table, however many plans."""
    channels = [channel for plan in plans for channel in plan.channels.all()]
    themes = [theme for plan in plans for theme in plan.content_themes.all()]
    goal_keys = {g.pk: _goal_key(g) for plan in plans for g in plan.goals.all()}
    group_keys = {t.pk: _group_key(t) for plan in plans for t in plan.target_groups.all()}
    theme_channels = _linked_ids(ContentTheme, "channels", themes)
    slugs = dict(
        Channel.objects.filter(pk__in={pk for pks in theme_channels.values() for pk in pks}).values_list("pk", "slug")
    )
    return Links(
        channel_groups=_named(_linked_ids(PlanChannel, "target_groups", channels), group_keys),
        channel_goals=_named(_linked_ids(PlanChannel, "goals", channels), goal_keys),
        theme_groups=_named(_linked_ids(ContentTheme, "target_groups", themes), group_keys),
        theme_channels=_named(theme_channels, slugs),
    )


def _prefetched_links(plans: list[Plan]) -> Links:
    """The prefetched links, in the catalogue's order: no query, enough where order does not matter."""
    channels = [channel for plan in plans for channel in plan.channels.all()]
    themes = [theme for plan in plans for theme in plan.content_themes.all()]
    return Links(
        channel_groups={c.pk: [_group_key(t) for t in c.target_groups.all()] for c in channels},
        channel_goals={c.pk: [_goal_key(g) for g in c.goals.all()] for c in channels},
        theme_groups={t.pk: [_group_key(g) for g in t.target_groups.all()] for t in themes},
        theme_channels={t.pk: [c.slug for c in t.channels.all()] for t in themes},
    )


def _linked_ids(model: type[models.Model], name: str, owners: list[models.Model]) -> dict[int, list[int]]:
    """owner id -> linked ids, in the order they were linked (one query)."""
    field = model._meta.get_field(name)
    owner, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    links: dict[int, list[int]] = {o.pk: [] for o in owners}
    rows = field.remote_field.through.objects.filter(**{f"{owner}__in": list(links)}).order_by("pk")
    for owner_id, target_id in rows.values_list(f"{owner}_id", f"{target}_id"):
        links[owner_id].append(target_id)
    return links


def _named(links: dict[int, list[int]], names: dict[int, str]) -> dict[int, list[str]]:
    return {owner: [names[pk] for pk in pks] for owner, pks in links.items()}


def _channel(channel: PlanChannel, links: Links) -> Document:
    return {
        "channel": channel.channel.slug,
        "purpose": channel.purpose,
        "dialogue": channel.dialogue,
        "target_groups": links.channel_groups[channel.pk],
        "goals": links.channel_goals[channel.pk],
        "posts_per_week": _number(channel.posts_per_week),
        "phase": channel.phase,
    }


def _content_theme(theme: ContentTheme, links: Links) -> Document:
    return {
        "title": theme.title,
        "description": theme.description,
        **({"kind": theme.kind} if theme.kind else {}),
        "target_groups": links.theme_groups[theme.pk],
        "channels": links.theme_channels[theme.pk],
        "formats": theme.formats,
        "expert_source": theme.expert_source,
    }


def _role(role: Role) -> Document:
    return {
        "person": role.person,
        "title": role.title,
        "responsibilities": role.responsibilities,
        **({"kind": role.kind} if role.kind else {}),
        "is_owner": role.is_owner,
        "hours_per_week": _number(role.hours_per_week),
    }


def _milestone(milestone: Milestone) -> Document:
    return {
        "title": milestone.title,
        "phase": milestone.phase,
        "start": _date(milestone.start),
        "end": _date(milestone.end),
    }


def _resources(plan: Plan) -> Document:
    return {
        "staff_hours_per_week": _number(plan.staff_hours_per_week),
        "paid_media_budget_eur": _number(plan.paid_media_budget_eur),
        "tools_budget_eur": _number(plan.tools_budget_eur),
    }


def _review(plan: Plan) -> Document:
    if plan.review_cadence_months:
        return {"cadence_months": plan.review_cadence_months, "report_to": plan.review_report_to}
    return {"report_to": plan.review_report_to}


def _checklist(plan: Plan) -> list[Document]:
    answers = sorted(plan.checklist_answers.all(), key=lambda a: (a.item.order, a.item.pk))
    return [{"item": a.item.slug, "status": a.status, "note": a.note} for a in answers]
