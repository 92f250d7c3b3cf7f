"""A validated plan document to a new plan: all or nothing, a fixed number of queries whatever its size."""

from collections.abc import Sequence
from decimal import Decimal

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import models, transaction
from django.utils.text import slugify

from checklists.models import Channel, ChecklistItem
from planner.models import (
    KPI,
    ChecklistAnswer,
    Competitor,
    ContentTheme,
    Goal,
    Guideline,
    KPICheckIn,
    Membership,
    Milestone,
    Organization,
    Plan,
    PlanChannel,
    Role,
    TargetGroup,
)

from . import schema

DEFAULT_ORGANIZATION = "Imported plans"


@transaction.atomic
def plan_import(
    *,
    document: schema.PlanDocument,
    organization: Organization | None = None,
    user: AbstractBaseUser | AnonymousUser | None = None,
) -> Plan:
    """Create a new plan from a validated document; all or nothing. Without ``organization``
    the plan goes into the organization the file names, created if it does not exist."""
    body = document.plan
    if organization is None:
        organization = _organization_named(name=body.organization.strip() or DEFAULT_ORGANIZATION)
    author = user if user is not None and user.is_authenticated else None
    plan = _plan_create(body=body, organization=organization, author=author)
    Competitor.objects.bulk_create(
        Competitor(plan=plan, name=c.name, notes=c.notes, order=i) for i, c in enumerate(body.situation.competitors)
    )
    channels = {channel.slug: channel for channel in Channel.objects.all()}
    goals = _goals_create(plan=plan, goals=body.goals, channels=channels)
    groups = _target_groups_create(plan=plan, groups=body.target_groups)
    _channels_create(plan=plan, rows=body.channels, channels=channels, goals=goals, groups=groups)
    _content_themes_create(plan=plan, themes=body.content_themes, channels=channels, groups=groups)
    _roles_create(plan=plan, roles=body.roles)
    Guideline.objects.bulk_create(
        Guideline(plan=plan, topic=g.topic, text=g.text, order=i) for i, g in enumerate(body.guidelines)
    )
    Milestone.objects.bulk_create(
        Milestone(plan=plan, title=m.title, phase=m.phase, start=m.start, end=m.end, order=i)
        for i, m in enumerate(body.milestones)
    )
    _checklist_create(plan=plan, answers=body.checklist)
    if author is not None and not organization.memberships.filter(user=author).exists():
        Membership.objects.create(user=author, organization=organization, role=Membership.Role.LEAD)
    return plan


def link_in_order(row: models.Model, name: str, targets: Sequence[models.Model]) -> None:
    """Link a many-to-many in the given order: the export lists links by their row id."""
    _link_all(name=name, links=[(row, targets)])


def _link_all(*, name: str, links: Sequence[tuple[models.Model, Sequence[models.Model]]]) -> None:
    """Link many rows at once (one insert), each row's targets in order and without repeats."""
    if not links:
        return
    field = links[0][0]._meta.get_field(name)
    through = field.remote_field.through
    owner, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    rows = []
    for row, targets in links:
        for linked in dict.fromkeys(targets):  # a file may name a target twice; it is linked once
            rows.append(through(**{owner: row, target: linked}))
    through.objects.bulk_create(rows)


def _decimal(value: float | None) -> Decimal | None:
    # str() first: Decimal(0.1) would store 0.1000000000000000055511151231257827...
    return None if value is None else Decimal(str(value))


def _organization_named(*, name: str) -> Organization:
    existing = Organization.objects.filter(name=name).first()
    if existing is not None:
        return existing
    base = slugify(name)[:180] or "organization"
    slug, n = base, 1
    while Organization.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return Organization.objects.create(name=name, slug=slug)


def _plan_create(*, body: schema.PlanBody, organization: Organization, author: AbstractBaseUser | None) -> Plan:
    return Plan.objects.create(
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
        staff_hours_per_week=_decimal(body.resources.staff_hours_per_week),
        paid_media_budget_eur=_decimal(body.resources.paid_media_budget_eur),
        tools_budget_eur=_decimal(body.resources.tools_budget_eur),
        review_cadence_months=body.review.cadence_months,
        review_report_to=body.review.report_to,
        created_by=author,
    )


def _goals_create(*, plan: Plan, goals: Sequence[schema.Goal], channels: dict[str, Channel]) -> dict[str, Goal]:
    """The goals, their KPIs and the KPIs' check-ins; returns the goals by key."""
    rows = Goal.objects.bulk_create(
        Goal(
            plan=plan,
            key=g.key,
            category=g.category,
            title=g.title,
            description=g.description,
            priority=g.priority,
            order=i,
        )
        for i, g in enumerate(goals)
    )
    kpis = [kpi for g in goals for kpi in g.kpis]
    kpi_rows = KPI.objects.bulk_create(
        KPI(
            goal=row,
            name=k.name,
            metric=k.metric,
            unit=k.unit,
            channel=channels[k.channel] if k.channel else None,
            baseline=_decimal(k.baseline),
            target=_decimal(k.target),
            due=k.due,
            order=j,
        )
        for row, g in zip(rows, goals, strict=True)
        for j, k in enumerate(g.kpis)
    )
    KPICheckIn.objects.bulk_create(
        KPICheckIn(kpi=row, date=a.date, value=_decimal(a.value), note=a.note)
        for row, k in zip(kpi_rows, kpis, strict=True)
        for a in k.actuals
    )
    return {row.key: row for row in rows if row.key}


def _target_groups_create(*, plan: Plan, groups: Sequence[schema.TargetGroup]) -> dict[str, TargetGroup]:
    rows = TargetGroup.objects.bulk_create(
        TargetGroup(
            plan=plan,
            key=t.key,
            name=t.name,
            description=t.description,
            needs=t.needs,
            priority=t.priority,
            order=i,
            **t.technographics.model_dump(),
        )
        for i, t in enumerate(groups)
    )
    return {row.key: row for row in rows if row.key}


def _channels_create(
    *,
    plan: Plan,
    rows: Sequence[schema.Channel],
    channels: dict[str, Channel],
    goals: dict[str, Goal],
    groups: dict[str, TargetGroup],
) -> None:
    created = PlanChannel.objects.bulk_create(
        PlanChannel(
            plan=plan,
            channel=channels[c.channel],
            purpose=c.purpose,
            dialogue=c.dialogue,
            posts_per_week=_decimal(c.posts_per_week),
            phase=c.phase,
            order=i,
        )
        for i, c in enumerate(rows)
    )
    pairs = list(zip(created, rows, strict=True))
    _link_all(name="target_groups", links=[(row, [groups[k] for k in c.target_groups]) for row, c in pairs])
    _link_all(name="goals", links=[(row, [goals[k] for k in c.goals]) for row, c in pairs])


def _content_themes_create(
    *,
    plan: Plan,
    themes: Sequence[schema.ContentTheme],
    channels: dict[str, Channel],
    groups: dict[str, TargetGroup],
) -> None:
    created = ContentTheme.objects.bulk_create(
        ContentTheme(
            plan=plan,
            title=t.title,
            description=t.description,
            kind=t.kind,
            formats=t.formats,
            expert_source=t.expert_source,
            order=i,
        )
        for i, t in enumerate(themes)
    )
    pairs = list(zip(created, themes, strict=True))
    _link_all(name="target_groups", links=[(row, [groups[k] for k in t.target_groups]) for row, t in pairs])
    _link_all(name="channels", links=[(row, [channels[s] for s in t.channels]) for row, t in pairs])


def _roles_create(*, plan: Plan, roles: Sequence[schema.Role]) -> None:
    Role.objects.bulk_create(
        Role(
            plan=plan,
            person=r.person,
            title=r.title,
            responsibilities=r.responsibilities,
            kind=r.kind,
            is_owner=r.is_owner,
            hours_per_week=_decimal(r.hours_per_week),
            order=i,
        )
        for i, r in enumerate(roles)
    )


def _checklist_create(*, plan: Plan, answers: Sequence[schema.ChecklistAnswer]) -> None:
    items = {item.slug: item for item in ChecklistItem.objects.filter(slug__in=[a.item for a in answers])}
    ChecklistAnswer.objects.bulk_create(
        ChecklistAnswer(plan=plan, item=items[a.item], status=a.status, note=a.note) for a in answers
    )
