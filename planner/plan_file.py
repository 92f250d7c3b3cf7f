"""The plan file (format ``social-media-strategy-plan``, version 1).

``plan_to_document`` turns a plan into the document, ``parse_document`` validates raw
bytes into a :class:`PlanDocument` (or raises :class:`PlanFileError` with one line per
problem and its JSON path), and ``plan_import`` writes a validated document as a new
plan in one transaction. The same document is a report's snapshot and the input of the
pitfall detector.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.db import models, transaction
from django.utils.text import slugify
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checklists.models import Channel, ChecklistItem

from .models import (
    KPI,
    ChecklistAnswer,
    Competitor,
    ContentTheme,
    Goal,
    Guideline,
    Membership,
    Milestone,
    Organization,
    Plan,
    PlanChannel,
    Role,
    TargetGroup,
)
from .selectors import plan_with_parts

FORMAT = "social-media-strategy-plan"
VERSION = 1
MAX_BYTES = 2 * 1024 * 1024
# The deepest path the format has is plan.goals[i].kpis[j].field: 5 containers.
MAX_DEPTH = 6
MAX_NUMBER = Decimal("1e11")

Text = Annotated[str, Field(max_length=20_000)]
Number = Annotated[float, Field(ge=-float(MAX_NUMBER), le=float(MAX_NUMBER))]
NonNegative = Annotated[float, Field(ge=0, le=float(MAX_NUMBER))]
Priority = Annotated[int, Field(ge=1, le=5)]
Phase = Annotated[int, Field(ge=0, le=9)]
Share = Annotated[int, Field(ge=0, le=100)]


def TextList(**kwargs: Any) -> Any:  # noqa: N802 - reads like a type in the models below
    return Field(default_factory=list, max_length=500, **kwargs)


GoalCategory = Literal[
    "awareness", "image", "loyalty", "service", "acquisition", "sales", "market_research", "recruiting"
]
Metric = Literal[
    "followers",
    "reach",
    "mentions",
    "sentiment",
    "engagement_rate",
    "referral_traffic",
    "leads",
    "conversions",
    "repurchase_rate",
    "nps",
    "applications",
    "service_tickets",
    "other",
]
ThemeKind = Literal["", "educational", "inspiring", "dialogue", "promotional"]
AnswerStatus = Literal["open", "in_progress", "done", "not_applicable"]


class Part(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Competitor_(Part):
    name: Text = ""
    notes: Text = ""


class Situation(Part):
    strengths: list[Text] = TextList()
    weaknesses: list[Text] = TextList()
    opportunities: list[Text] = TextList()
    threats: list[Text] = TextList()
    competitors: list[Competitor_] = TextList()


class KPI_(Part):
    name: Text = ""
    metric: Metric | Literal[""] = ""
    unit: Text = ""
    baseline: Number | None = None
    target: Number | None = None
    due: dt.date | None = None


class Goal_(Part):
    key: Text = ""
    category: GoalCategory | Literal[""] = ""
    title: Text = ""
    description: Text = ""
    priority: Priority = 3
    kpis: list[KPI_] = TextList()


class Technographics(Part):
    creators: Share | None = None
    conversationalists: Share | None = None
    critics: Share | None = None
    collectors: Share | None = None
    joiners: Share | None = None
    spectators: Share | None = None
    inactives: Share | None = None


class TargetGroup_(Part):
    key: Text = ""
    name: Text = ""
    description: Text = ""
    needs: Text = ""
    priority: Priority = 3
    technographics: Technographics = Field(default_factory=Technographics)


class Channel_(Part):
    channel: Text
    purpose: Text = ""
    dialogue: bool = True
    target_groups: list[Text] = TextList()
    goals: list[Text] = TextList()
    posts_per_week: Annotated[float, Field(ge=0, le=100)] = 0
    phase: Phase = 1


class ContentTheme_(Part):
    title: Text = ""
    description: Text = ""
    kind: ThemeKind = ""
    target_groups: list[Text] = TextList()
    channels: list[Text] = TextList()
    formats: list[Text] = TextList()
    expert_source: Text = ""


class Role_(Part):
    person: Text = ""
    title: Text = ""
    responsibilities: Text = ""
    is_owner: bool = False
    hours_per_week: Annotated[float, Field(ge=0, le=80)] | None = None


class Guideline_(Part):
    topic: Text = ""
    text: Text = ""


class Milestone_(Part):
    title: Text = ""
    phase: Phase = 1
    start: dt.date | None = None
    end: dt.date | None = None


class Resources(Part):
    staff_hours_per_week: NonNegative | None = None
    paid_media_budget_eur: NonNegative | None = None
    tools_budget_eur: NonNegative | None = None


class Review(Part):
    cadence_months: Annotated[int, Field(ge=1, le=24)] | None = None
    report_to: Text = ""


class ChecklistAnswer_(Part):
    item: Text
    status: AnswerStatus = "open"
    note: Text = ""


class PlanBody(Part):
    title: Annotated[str, Field(min_length=1, max_length=200)]
    organization: Annotated[str, Field(max_length=200)] = ""
    language: Literal["de", "en"] = "de"
    industry: Text = ""
    start_date: dt.date | None = None
    horizon_months: Annotated[int, Field(ge=1, le=60)] | None = None
    summary: Text = ""
    situation: Situation = Field(default_factory=Situation)
    goals: list[Goal_] = TextList()
    target_groups: list[TargetGroup_] = TextList()
    channels: list[Channel_] = TextList()
    content_themes: list[ContentTheme_] = TextList()
    off_limits: list[Text] = TextList()
    roles: list[Role_] = TextList()
    guidelines: list[Guideline_] = TextList()
    milestones: list[Milestone_] = TextList()
    resources: Resources = Field(default_factory=Resources)
    review: Review = Field(default_factory=Review)
    checklist: list[ChecklistAnswer_] = TextList()


class PlanDocument(Part):
    format: Literal["social-media-strategy-plan"]
    version: Literal[1]
    plan: PlanBody


class PlanFileError(Exception):
    """An invalid plan file; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


# --- reading ---------------------------------------------------------------------------

_MESSAGES = {
    "missing": "is required",
    "extra_forbidden": "unknown key",
    "string_type": "must be a text",
    "float_type": "must be a number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "dict_type": "must be an object",
    "date_type": "must be a date (YYYY-MM-DD)",
    "date_parsing": "must be a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "must be a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "must be a date (YYYY-MM-DD)",
    "finite_number": "must be a finite number",
}


def _path(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("str", "float", "int", "bool", "date", "none", "literal['']") or str(part).startswith(
            ("literal[", "function-")
        ):
            # pydantic names the union member it tried; users do not need that.
            continue
        else:
            out += f".{part}" if out else str(part)
    return out or "(document)"


def _message(error: dict) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    if kind == "literal_error":
        return f"must be one of: {ctx.get('expected', '')}".replace("'", "")
    if kind in ("greater_than_equal", "greater_than"):
        return f"must be at least {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"must be at most {ctx.get('le', ctx.get('lt'))}"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_long":
        return f"must have at most {ctx.get('max_length')} entries"
    return error.get("msg", kind)


def _depth(raw: str) -> int:
    """Nesting depth of JSON text, found without parsing it (strings skipped)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in raw:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def parse_document(raw: bytes | str) -> PlanDocument:
    """Validate a plan file's bytes; raise PlanFileError listing every problem."""
    size = len(raw.encode("utf-8") if isinstance(raw, str) else raw)
    if size > MAX_BYTES:
        raise PlanFileError([f"(document): the file has {size} bytes; at most {MAX_BYTES} (2 MB) are allowed"])
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise PlanFileError(["(document): the file is not UTF-8 text"]) from None
    if _depth(raw) > MAX_DEPTH:
        raise PlanFileError([f"(document): nested deeper than the format allows ({MAX_DEPTH} levels)"])
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise PlanFileError(
            [f"(document): not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"]
        ) from None
    if not isinstance(data, dict):
        raise PlanFileError(["(document): must be a JSON object"])
    try:
        document = PlanDocument.model_validate_json(raw, strict=True)
    except ValidationError as exc:
        problems = [f"{_path(e['loc'])}: {_message(e)}" for e in exc.errors()]
        raise PlanFileError(list(dict.fromkeys(problems))) from None
    problems = _check_references(document.plan)
    if problems:
        raise PlanFileError(problems)
    return document


def _check_references(plan: PlanBody) -> list[str]:
    problems: list[str] = []
    goal_keys = _unique_keys("plan.goals", plan.goals, problems)
    group_keys = _unique_keys("plan.target_groups", plan.target_groups, problems)
    channel_slugs = set(Channel.objects.values_list("slug", flat=True))
    for i, channel in enumerate(plan.channels):
        where = f"plan.channels[{i}]"
        if channel.channel not in channel_slugs:
            problems.append(f"{where}.channel: unknown channel {channel.channel!r}")
        problems += _unknown(f"{where}.target_groups", channel.target_groups, group_keys, "target group")
        problems += _unknown(f"{where}.goals", channel.goals, goal_keys, "goal")
    for i, theme in enumerate(plan.content_themes):
        where = f"plan.content_themes[{i}]"
        problems += _unknown(f"{where}.target_groups", theme.target_groups, group_keys, "target group")
        problems += _unknown(f"{where}.channels", theme.channels, channel_slugs, "channel")
    for i, milestone in enumerate(plan.milestones):
        if milestone.start and milestone.end and milestone.end < milestone.start:
            problems.append(f"plan.milestones[{i}].end: must not be before start ({milestone.start})")
    item_slugs = set(ChecklistItem.objects.values_list("slug", flat=True))
    seen: set[str] = set()
    for i, answer in enumerate(plan.checklist):
        if answer.item not in item_slugs:
            problems.append(f"plan.checklist[{i}].item: unknown checklist item {answer.item!r}")
        elif answer.item in seen:
            problems.append(f"plan.checklist[{i}].item: {answer.item!r} is answered twice")
        seen.add(answer.item)
    return problems


def _unique_keys(where: str, rows: list, problems: list[str]) -> set[str]:
    keys: set[str] = set()
    for i, row in enumerate(rows):
        if not row.key:
            continue
        if row.key in keys:
            problems.append(f"{where}[{i}].key: {row.key!r} is used twice")
        keys.add(row.key)
    return keys


def _unknown(where: str, values: list[str], known: set[str], what: str) -> list[str]:
    return [f"{where}[{i}]: unknown {what} {value!r}" for i, value in enumerate(values) if value not in known]


# --- writing ---------------------------------------------------------------------------


def _dec(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@transaction.atomic
def plan_import(*, document: PlanDocument, organization: Organization | None = None, user=None) -> Plan:
    """Create a new plan from a validated document; all or nothing."""
    body = document.plan
    if organization is None:
        name = body.organization.strip() or "Imported plans"
        organization = Organization.objects.filter(name=name).first() or _organization_create(name)
    plan = Plan.objects.create(
        organization=organization,
        title=body.title,
        language=body.language,
        industry=body.industry,
        start_date=body.start_date,
        horizon_months=body.horizon_months,
        summary=body.summary,
        strengths=body.situation.strengths,
        weaknesses=body.situation.weaknesses,
        opportunities=body.situation.opportunities,
        threats=body.situation.threats,
        off_limits=body.off_limits,
        staff_hours_per_week=_dec(body.resources.staff_hours_per_week),
        paid_media_budget_eur=_dec(body.resources.paid_media_budget_eur),
        tools_budget_eur=_dec(body.resources.tools_budget_eur),
        review_cadence_months=body.review.cadence_months,
        review_report_to=body.review.report_to,
        created_by=user if user and user.is_authenticated else None,
    )
    Competitor.objects.bulk_create(
        Competitor(plan=plan, name=c.name, notes=c.notes, order=i) for i, c in enumerate(body.situation.competitors)
    )
    goals_by_key: dict[str, Goal] = {}
    for i, g in enumerate(body.goals):
        goal = Goal.objects.create(
            plan=plan,
            key=g.key,
            category=g.category,
            title=g.title,
            description=g.description,
            priority=g.priority,
            order=i,
        )
        if g.key:
            goals_by_key[g.key] = goal
        KPI.objects.bulk_create(
            KPI(
                goal=goal,
                name=k.name,
                metric=k.metric,
                unit=k.unit,
                baseline=_dec(k.baseline),
                target=_dec(k.target),
                due=k.due,
                order=j,
            )
            for j, k in enumerate(g.kpis)
        )
    groups_by_key: dict[str, TargetGroup] = {}
    for i, t in enumerate(body.target_groups):
        group = TargetGroup.objects.create(
            plan=plan,
            key=t.key,
            name=t.name,
            description=t.description,
            needs=t.needs,
            priority=t.priority,
            order=i,
            **t.technographics.model_dump(),
        )
        if t.key:
            groups_by_key[t.key] = group
    channels = {c.slug: c for c in Channel.objects.all()}
    for i, c in enumerate(body.channels):
        row = PlanChannel.objects.create(
            plan=plan,
            channel=channels[c.channel],
            purpose=c.purpose,
            dialogue=c.dialogue,
            posts_per_week=_dec(c.posts_per_week),
            phase=c.phase,
            order=i,
        )
        link_in_order(row, "target_groups", [groups_by_key[k] for k in c.target_groups])
        link_in_order(row, "goals", [goals_by_key[k] for k in c.goals])
    for i, t in enumerate(body.content_themes):
        theme = ContentTheme.objects.create(
            plan=plan,
            title=t.title,
            description=t.description,
            kind=t.kind,
            formats=t.formats,
            expert_source=t.expert_source,
            order=i,
        )
        link_in_order(theme, "target_groups", [groups_by_key[k] for k in t.target_groups])
        link_in_order(theme, "channels", [channels[s] for s in t.channels])
    Role.objects.bulk_create(
        Role(
            plan=plan,
            person=r.person,
            title=r.title,
            responsibilities=r.responsibilities,
            is_owner=r.is_owner,
            hours_per_week=_dec(r.hours_per_week),
            order=i,
        )
        for i, r in enumerate(body.roles)
    )
    Guideline.objects.bulk_create(
        Guideline(plan=plan, topic=g.topic, text=g.text, order=i) for i, g in enumerate(body.guidelines)
    )
    Milestone.objects.bulk_create(
        Milestone(plan=plan, title=m.title, phase=m.phase, start=m.start, end=m.end, order=i)
        for i, m in enumerate(body.milestones)
    )
    items = {item.slug: item for item in ChecklistItem.objects.filter(slug__in=[a.item for a in body.checklist])}
    ChecklistAnswer.objects.bulk_create(
        ChecklistAnswer(plan=plan, item=items[a.item], status=a.status, note=a.note) for a in body.checklist
    )
    if user is not None and user.is_authenticated and not organization.memberships.filter(user=user).exists():
        Membership.objects.create(user=user, organization=organization, role=Membership.Role.LEAD)
    return plan


def link_in_order(row: models.Model, name: str, targets: list[models.Model]) -> None:
    """Link a many-to-many in the file's order: the export lists links by their row id."""
    field = row._meta.get_field(name)
    through = field.remote_field.through
    seen: set[int] = set()
    links = []
    for target in targets:
        if target.pk not in seen:
            seen.add(target.pk)
            links.append(through(**{field.m2m_field_name(): row, field.m2m_reverse_field_name(): target}))
    through.objects.bulk_create(links)


def _links_in_order(model: type[models.Model], name: str, owners: list[models.Model]) -> dict[int, list[int]]:
    """owner id -> linked ids, in the order they were linked (one query)."""
    field = model._meta.get_field(name)
    owner, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    links: dict[int, list[int]] = {o.pk: [] for o in owners}
    rows = field.remote_field.through.objects.filter(**{f"{owner}__in": [o.pk for o in owners]}).order_by("pk")
    for owner_id, target_id in rows.values_list(f"{owner}_id", f"{target}_id"):
        links[owner_id].append(target_id)
    return links


def _organization_create(name: str) -> Organization:
    base = slugify(name)[:180] or "organization"
    slug, n = base, 1
    while Organization.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return Organization.objects.create(name=name, slug=slug)


# --- exporting -------------------------------------------------------------------------


def _num(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _goal_key(goal: Goal) -> str:
    return goal.key or f"goal-{goal.pk}"


def _group_key(group: TargetGroup) -> str:
    return group.key or f"group-{group.pk}"


def plan_to_document(plan: Plan | int) -> dict[str, Any]:
    """The plan as a plan-file document (a JSON-ready dict)."""
    return prefetched_plan_to_document(plan_with_parts(plan if isinstance(plan, int) else plan.pk))


def prefetched_plan_to_document(plan: Plan, *, link_order: bool = True) -> dict[str, Any]:
    """The document of a plan loaded with ``selectors.with_parts``. Links (a channel's target
    groups, ...) come in the order they were made, which costs a few queries; without
    ``link_order`` they come from the prefetch and the document costs no query."""
    body: dict[str, Any] = {
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
    body["situation"] = {
        "strengths": plan.strengths,
        "weaknesses": plan.weaknesses,
        "opportunities": plan.opportunities,
        "threats": plan.threats,
        "competitors": [{"name": c.name, "notes": c.notes} for c in plan.competitors.all()],
    }
    body["goals"] = [
        {
            "key": _goal_key(g),
            "category": g.category,
            "title": g.title,
            "description": g.description,
            "priority": g.priority,
            "kpis": [
                {
                    "name": k.name,
                    "metric": k.metric,
                    "unit": k.unit,
                    "baseline": _num(k.baseline),
                    "target": _num(k.target),
                    "due": _date(k.due),
                }
                for k in g.kpis.all()
            ],
        }
        for g in plan.goals.all()
    ]
    body["target_groups"] = [
        {
            "key": _group_key(t),
            "name": t.name,
            "description": t.description,
            "needs": t.needs,
            "priority": t.priority,
            "technographics": t.technographics,
        }
        for t in plan.target_groups.all()
    ]
    goal_keys = {g.pk: _goal_key(g) for g in plan.goals.all()}
    group_keys = {t.pk: _group_key(t) for t in plan.target_groups.all()}
    plan_channels, themes = list(plan.channels.all()), list(plan.content_themes.all())
    if link_order:
        channel_groups = _links_in_order(PlanChannel, "target_groups", plan_channels)
        channel_goals = _links_in_order(PlanChannel, "goals", plan_channels)
        theme_groups = _links_in_order(ContentTheme, "target_groups", themes)
        theme_channels = _links_in_order(ContentTheme, "channels", themes)
        channel_slugs = dict(
            Channel.objects.filter(pk__in={pk for pks in theme_channels.values() for pk in pks}).values_list(
                "pk", "slug"
            )
        )
    else:  # the prefetched links, in the catalogue's order: enough where order does not matter
        channel_groups = {c.pk: [t.pk for t in c.target_groups.all()] for c in plan_channels}
        channel_goals = {c.pk: [g.pk for g in c.goals.all()] for c in plan_channels}
        theme_groups = {t.pk: [g.pk for g in t.target_groups.all()] for t in themes}
        theme_channels = {t.pk: [c.pk for c in t.channels.all()] for t in themes}
        channel_slugs = {c.pk: c.slug for t in themes for c in t.channels.all()}
    body["channels"] = [
        {
            "channel": c.channel.slug,
            "purpose": c.purpose,
            "dialogue": c.dialogue,
            "target_groups": [group_keys[pk] for pk in channel_groups[c.pk]],
            "goals": [goal_keys[pk] for pk in channel_goals[c.pk]],
            "posts_per_week": _num(c.posts_per_week),
            "phase": c.phase,
        }
        for c in plan.channels.all()
    ]
    body["content_themes"] = [
        {
            "title": t.title,
            "description": t.description,
            **({"kind": t.kind} if t.kind else {}),
            "target_groups": [group_keys[pk] for pk in theme_groups[t.pk]],
            "channels": [channel_slugs[pk] for pk in theme_channels[t.pk]],
            "formats": t.formats,
            "expert_source": t.expert_source,
        }
        for t in plan.content_themes.all()
    ]
    body["off_limits"] = plan.off_limits
    body["roles"] = [
        {
            "person": r.person,
            "title": r.title,
            "responsibilities": r.responsibilities,
            "is_owner": r.is_owner,
            "hours_per_week": _num(r.hours_per_week),
        }
        for r in plan.roles.all()
    ]
    body["guidelines"] = [{"topic": g.topic, "text": g.text} for g in plan.guidelines.all()]
    body["milestones"] = [
        {"title": m.title, "phase": m.phase, "start": _date(m.start), "end": _date(m.end)}
        for m in plan.milestones.all()
    ]
    body["resources"] = {
        "staff_hours_per_week": _num(plan.staff_hours_per_week),
        "paid_media_budget_eur": _num(plan.paid_media_budget_eur),
        "tools_budget_eur": _num(plan.tools_budget_eur),
    }
    body["review"] = {"report_to": plan.review_report_to}
    if plan.review_cadence_months:
        body["review"] = {"cadence_months": plan.review_cadence_months, "report_to": plan.review_report_to}
    body["checklist"] = [
        {"item": a.item.slug, "status": a.status, "note": a.note}
        for a in sorted(plan.checklist_answers.all(), key=lambda a: (a.item.order, a.item.pk))
    ]
    return {"format": FORMAT, "version": VERSION, "plan": body}


def document_dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
