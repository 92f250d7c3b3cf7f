"""Drafts: what a user typed into a wizard step and has not saved yet (invalid, or left)."""

from __future__ import annotations

from django.http import QueryDict

from ..models import Plan, StepDraft


def _storable(value: str) -> str:
    # PostgreSQL's jsonb cannot hold NUL; the form says what was wrong with it, the draft keeps the rest.
    return value.replace("\x00", "")


def step_draft_save(*, plan: Plan, step: str, user, data: QueryDict) -> None:
    payload = {
        _storable(key): [_storable(v) for v in data.getlist(key)] for key in data if key != "csrfmiddlewaretoken"
    }
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
