"""Writes to plans as a whole: create, archive, duplicate, import."""

from __future__ import annotations

import datetime as dt

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Organization, Plan
from ..plan_file import document_dumps, parse_document, plan_import, plan_to_document
from ..templates_catalog import PlanTemplate


class StalePlanError(Exception):
    """The plan was saved by someone else since the form was loaded."""


@transaction.atomic
def plan_create(
    *,
    user,
    organization_id: int,
    title: str,
    language: str,
    industry: str = "",
    start_date: dt.date | None = None,
    horizon_months: int | None = None,
    summary: str = "",
) -> Plan:
    return Plan.objects.create(
        organization_id=organization_id,
        title=title,
        language=language,
        industry=industry,
        start_date=start_date,
        horizon_months=horizon_months,
        summary=summary,
        created_by=user,
    )


def plan_revision_bump(*, plan: Plan) -> None:
    """Mark the plan as changed: forms built from an older revision are stale from now on."""
    Plan.objects.filter(pk=plan.pk).update(revision=F("revision") + 1, updated_at=timezone.now())
    plan.refresh_from_db(fields=["revision", "updated_at"])


def _plan_status_set(*, plan: Plan, status: str, user=None) -> None:
    """Set the plan's status and record it in the plan's history, as a wizard save records its changes
    (``edits._History``): an update bypasses the model signals django-auditlog records through. The
    entry's actor is ``user``, else the request's (auditlog's middleware fills in an empty actor)."""
    stored = Plan.objects.select_for_update().values_list("status", flat=True).get(pk=plan.pk)
    plan.status = status
    if stored == status:
        return
    Plan.objects.filter(pk=plan.pk).update(status=status)
    plan_revision_bump(plan=plan)
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Plan),
        object_pk=str(plan.pk),
        object_id=plan.pk,
        object_repr=str(plan)[:500],
        action=LogEntry.Action.UPDATE,
        changes={"status": [stored, status]},
        actor=user if getattr(user, "pk", None) else None,
        actor_email=getattr(user, "email", None) or None,
        additional_data={"plan_id": plan.pk},
    )


@transaction.atomic
def plan_archive(*, plan: Plan, user=None) -> None:
    _plan_status_set(plan=plan, status=Plan.Status.ARCHIVED, user=user)


@transaction.atomic
def plan_restore(*, plan: Plan, user=None) -> None:
    _plan_status_set(plan=plan, status=Plan.Status.DRAFT, user=user)


@transaction.atomic
def plan_duplicate(*, plan: Plan, user) -> Plan:
    """A copy of the plan in the same organization, made through the plan file so every part comes along."""
    document = plan_to_document(plan)
    document["plan"]["title"] = (_("Copy of %(title)s") % {"title": plan.title})[:200]
    return plan_import(document=parse_document(document_dumps(document)), organization=plan.organization, user=user)


@transaction.atomic
def plan_import_file(*, raw: bytes, organization: Organization, user) -> Plan:
    """Import a plan file into the organization; raises PlanFileError listing the problems."""
    return plan_import(document=parse_document(raw), organization=organization, user=user)


def plan_create_from_template(*, template: PlanTemplate, organization: Organization, user) -> Plan:
    return plan_import_file(raw=template.path.read_bytes(), organization=organization, user=user)
