"""Reads: which plans and organizations a user may see and edit. The one place tenancy is decided.

Every view gets its plan through exactly one of two helpers: ``plan_for_user`` to read
(404 for a stranger) and ``plan_for_editor`` to change it (404 for a stranger, 403 for a
member who may only read).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from auditlog.models import LogEntry
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import floatformat
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import Membership, Organization, Plan

EDIT_ROLES = (Membership.Role.LEAD, Membership.Role.ADMIN)


def organizations_for_user(user: AbstractBaseUser) -> QuerySet[Organization]:
    return Organization.objects.filter(memberships__user=user)


def editable_organizations_for_user(user: AbstractBaseUser) -> QuerySet[Organization]:
    """The organizations where the user may create and edit plans."""
    return Organization.objects.filter(memberships__user=user, memberships__role__in=EDIT_ROLES)


def plans_for_user(user: AbstractBaseUser) -> QuerySet[Plan]:
    """Plans of the user's organizations, each with the user's role there (``user_role``)."""
    if not user.is_authenticated:
        return Plan.objects.none()
    role = Membership.objects.filter(organization=OuterRef("organization"), user=user).values("role")[:1]
    return Plan.objects.filter(organization__memberships__user=user).annotate(user_role=Subquery(role))


def plan_for_user(user: AbstractBaseUser, pk: int, *, parts: bool | tuple[str, ...] = False) -> Plan:
    """The plan if it belongs to one of the user's organizations, else 404; with ``parts``
    every part is prefetched, or those named (lookups as in ``PARTS``)."""
    plans = plans_for_user(user).select_related("organization")
    if parts:
        plans = plans.prefetch_related(*(PARTS if parts is True else parts))
    return get_object_or_404(plans, pk=pk)


def plan_for_editor(user: AbstractBaseUser, pk: int, *, parts: bool | tuple[str, ...] = False) -> Plan:
    """The plan if the user may edit it; 404 for a stranger, 403 for a member who may only read."""
    plan = plan_for_user(user, pk, parts=parts)
    if not can_edit(plan):
        raise PermissionDenied
    return plan


def can_edit(plan: Plan) -> bool:
    """Whether the user the plan was read for (``plans_for_user``) may edit it."""
    return getattr(plan, "user_role", None) in EDIT_ROLES


# Every part of a plan, as prefetch lookups.
PARTS = (
    "competitors",
    "goals__kpis",
    "target_groups",
    "channels__channel",
    "channels__target_groups",
    "channels__goals",
    "content_themes__target_groups",
    "content_themes__channels",
    "roles",
    "guidelines",
    "milestones",
    "checklist_answers__item",
)


def with_parts(plans: QuerySet[Plan]) -> QuerySet[Plan]:
    """Plans with every part prefetched: a fixed number of queries however many and large."""
    return plans.select_related("organization").prefetch_related(*PARTS)


def has_parts(plan: Plan, lookups: tuple[str, ...] = PARTS) -> bool:
    """Whether the plan was read with these parts prefetched (``with_parts``), so reading them costs no query."""

    def loaded(obj: models.Model, name: str) -> list | None:
        cache = getattr(obj, "_prefetched_objects_cache", {})
        if name in cache:
            return list(cache[name])
        field = obj._meta.get_field(name)
        if field.many_to_one and field.is_cached(obj):  # a foreign key, prefetched
            value = field.get_cached_value(obj)
            return [value] if value is not None else []
        return None

    def prefetched(objects: list, path: list[str]) -> bool:
        found: list = []
        for obj in objects:
            rows = loaded(obj, path[0])
            if rows is None:
                return False
            found += rows
        return prefetched(found, path[1:]) if len(path) > 1 else True

    return all(prefetched([plan], lookup.split("__")) for lookup in lookups)


def plan_with_parts(plan_id: int) -> Plan:
    """The plan with every part prefetched: a fixed number of queries whatever its size."""
    return with_parts(Plan.objects.all()).get(pk=plan_id)


# --- The current organization: the one a user works in (kept in the session, switched in the navbar) ---

CURRENT_ORGANIZATION_SESSION_KEY = "current_organization"


def memberships_for_user(user: AbstractBaseUser) -> list[Membership]:
    """The user's memberships with their organizations, by organization name."""
    if not user.is_authenticated:
        return []
    return list(Membership.objects.filter(user=user).select_related("organization").order_by("organization__name"))


def current_membership(memberships: list[Membership], selected_id: object) -> Membership | None:
    """The membership of the organization chosen in the session, else the first; None without any."""
    for membership in memberships:
        if str(membership.organization_id) == str(selected_id):
            return membership
    return memberships[0] if memberships else None


def current_organization(user: AbstractBaseUser, selected_id: object) -> Organization | None:
    """The organization the user works in: the one chosen (``selected_id`` from the session) if the user
    is still a member there, else their first; None for a user without an organization."""
    membership = current_membership(memberships_for_user(user), selected_id)
    return membership.organization if membership else None


# --- A plan's history: who changed what and when (django-auditlog's entries) ----------------------


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: dt.datetime
    who: str  # "" when nobody signed in made the change (an import on the command line)
    action: int  # LogEntry.Action: CREATE, UPDATE or DELETE
    part: str  # what kind of thing changed: the plan, a goal, a KPI, ...
    subject: str  # which one: its title or name when it was saved
    changes: list[FieldChange]


def _part_labels() -> dict[type[models.Model], str]:
    from . import models as m

    return {
        m.Plan: _("Plan"),
        m.Competitor: _("Competitor"),
        m.Goal: _("Goal"),
        m.KPI: _("KPI"),
        m.TargetGroup: _("Target group"),
        m.PlanChannel: _("Channel"),
        m.ContentTheme: _("Content theme"),
        m.Role: _("Role"),
        m.Guideline: _("Guideline"),
        m.Milestone: _("Milestone"),
        m.ChecklistAnswer: _("Checklist"),
    }


def plan_history(plan: Plan, limit: int = 500) -> list[HistoryEntry]:
    """The plan's changes, newest first: the plan's own fields and every part's, with readable field
    names and values in the reader's language."""
    entries = list(
        LogEntry.objects.filter(
            Q(content_type=ContentType.objects.get_for_model(Plan), object_id=plan.pk)
            | Q(additional_data__plan_id=plan.pk)
        )
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")[:limit]
    )
    labels = _part_labels()
    references = _references(entries)
    history = []
    for entry in entries:
        model = entry.content_type.model_class()
        changes = []
        if not (model is Plan and entry.action == LogEntry.Action.CREATE):  # a new plan: "created", not 30 fields
            for name, values in (entry.changes_dict or {}).items():
                change = _field_change(model, name, values, references)
                if change is not None:
                    changes.append(change)
        history.append(
            HistoryEntry(
                when=entry.timestamp,
                who=(entry.actor.get_full_name() or entry.actor.email or entry.actor.username) if entry.actor else "",
                action=entry.action,
                part=str(labels.get(model, model._meta.verbose_name if model else "")),
                subject=entry.object_repr,
                changes=changes,
            )
        )
    return history


def _references(entries: list) -> dict[tuple[type[models.Model], str], str]:
    """The names of the objects foreign keys in the changes point to (the channel of a KPI), one query a model."""
    wanted: dict[type[models.Model], set[str]] = {}
    for entry in entries:
        model = entry.content_type.model_class()
        for name, values in (entry.changes_dict or {}).items():
            field = _model_field(model, name)
            if isinstance(field, models.ForeignKey) and isinstance(values, list):
                wanted.setdefault(field.related_model, set()).update(str(v) for v in values if _present(v))
    names = {}
    for model, pks in wanted.items():
        numeric = [int(pk) for pk in pks if pk.isdigit()]
        for obj in model._default_manager.filter(pk__in=numeric):
            names[(model, str(obj.pk))] = str(obj)
    return names


def _model_field(model, name: str):
    try:
        return model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        return None


def _present(value: object) -> bool:
    return value not in (None, "", "None", [], "[]")


def _field_change(model, name: str, values: object, references: dict) -> FieldChange | None:
    field = _model_field(model, name)
    if field is None or not isinstance(values, list) or len(values) != 2:
        return None
    old, new = (_readable(field, value, references) for value in values)
    return FieldChange(label=capfirst(str(field.verbose_name)), old=old, new=new)


def _readable(field, value: object, references: dict) -> str:
    """A stored value as a reader wants it: choices by their label, dates and numbers localized,
    lists one after another, foreign keys by name, nothing as a dash."""
    if not _present(value):
        return "–"
    if isinstance(field, models.ForeignKey):
        return references.get((field.related_model, str(value)), str(value))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, list):
        return "; ".join(str(item) for item in value if _present(item)) or "–"
    if isinstance(field, models.BooleanField) or isinstance(value, bool):
        return str(_("yes")) if value in (True, "True") else str(_("no"))
    if isinstance(field, models.DateField):
        try:
            return formats.date_format(dt.date.fromisoformat(str(value)[:10]), "SHORT_DATE_FORMAT")
        except ValueError:
            return str(value)
    if isinstance(field, models.DecimalField):
        try:
            return floatformat(Decimal(str(value)), "-2")
        except InvalidOperation:
            return str(value)
    text = str(value)
    return text if len(text) <= 400 else text[:400] + "…"
