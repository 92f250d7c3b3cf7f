"""Writes to plans. Views call these; they never write models themselves."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Organization, Plan, StepDraft
from .plan_file import document_dumps, parse_document, plan_import, plan_to_document
from .steps import StepForms
from .templates_catalog import PlanTemplate


class StalePlanError(Exception):
    """The plan was saved by someone else since the form was loaded."""


@transaction.atomic
def plan_create(*, form, user) -> Plan:
    plan = form.save(commit=False)
    plan.created_by = user
    plan.save()
    return plan


def plan_touch(*, plan: Plan, expected_revision: int) -> None:
    """Claim the next revision, or raise StalePlanError if the form was built from an older one."""
    updated = Plan.objects.filter(pk=plan.pk, revision=expected_revision).update(
        revision=F("revision") + 1, updated_at=timezone.now()
    )
    if not updated:
        raise StalePlanError
    plan.revision = expected_revision + 1


@transaction.atomic
def plan_step_save(*, plan: Plan, forms: StepForms, expected_revision: int, user, step: str) -> None:
    plan_touch(plan=plan, expected_revision=expected_revision)
    forms.save()
    StepDraft.objects.filter(plan=plan, step=step, updated_by=user).delete()


def step_draft_save(*, plan: Plan, step: str, user, data: QueryDict) -> None:
    payload = {key: data.getlist(key) for key in data if key != "csrfmiddlewaretoken"}
    StepDraft.objects.update_or_create(plan=plan, step=step, updated_by=user, defaults={"data": payload})


def step_draft_load(*, plan: Plan, step: str, user) -> QueryDict | None:
    draft = StepDraft.objects.filter(plan=plan, step=step, updated_by=user).first()
    if draft is None:
        return None
    data = QueryDict(mutable=True)
    for key, values in draft.data.items():
        data.setlist(key, values)
    return data


def step_draft_discard(*, plan: Plan, step: str, user) -> None:
    StepDraft.objects.filter(plan=plan, step=step, updated_by=user).delete()


def _plan_status_set(*, plan: Plan, status: str) -> None:
    Plan.objects.filter(pk=plan.pk).update(status=status, revision=F("revision") + 1, updated_at=timezone.now())
    plan.refresh_from_db(fields=["status", "revision", "updated_at"])


def plan_archive(*, plan: Plan) -> None:
    _plan_status_set(plan=plan, status=Plan.Status.ARCHIVED)


def plan_restore(*, plan: Plan) -> None:
    _plan_status_set(plan=plan, status=Plan.Status.DRAFT)


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
