"""The checklist step: the articles' success factors and pitfalls, each answered by the plan.

One form with a status and a note field per active item, named by the item's slug, so a
missing or extra field is a field error, never a mismatch of rows."""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import groupby
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from checklists.models import Checklist, ChecklistItem

from .. import limits
from ..edits import AnswerEdit, PlanEdit
from ..models import ChecklistAnswer
from .base import StateContext, StepForms

Status = ChecklistAnswer.Status


def active_items() -> list[ChecklistItem]:
    return list(ChecklistItem.objects.filter(active=True).select_related("checklist", "checklist__source"))


class ChecklistForm(forms.Form):
    def __init__(self, *args, items: list[ChecklistItem], answers: dict[int, ChecklistAnswer], **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            answer = answers.get(item.pk)
            self.fields[f"{item.slug}-status"] = forms.ChoiceField(
                label=_("Status"), choices=Status.choices, initial=answer.status if answer else Status.OPEN
            )
            self.fields[f"{item.slug}-note"] = forms.CharField(
                label=_("Note"),
                required=False,
                max_length=limits.MAX_TEXT,
                initial=answer.note if answer else "",
                widget=forms.Textarea(attrs={"rows": 1}),
            )

    def answers(self) -> dict[str, AnswerEdit]:
        return {
            item.slug: AnswerEdit(
                status=self.cleaned_data[f"{item.slug}-status"], note=self.cleaned_data[f"{item.slug}-note"]
            )
            for item in self.items
        }


@dataclass(frozen=True)
class ItemRow:
    item: ChecklistItem
    status: forms.BoundField
    note: forms.BoundField

    @property
    def answered(self) -> bool:
        return self.status.value() not in (None, "", Status.OPEN)

    @property
    def has_errors(self) -> bool:
        return bool(self.status.errors or self.note.errors)


@dataclass(frozen=True)
class ItemGroup:
    """One checklist of the step, as its folding section shows it: how many items are answered;
    ``first_open``: it is the first checklist with an open item, the one to go on with."""

    checklist: Checklist
    rows: list[ItemRow]
    first_open: bool = False

    @property
    def answered(self) -> int:
        return sum(1 for row in self.rows if row.answered)

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 100

    @property
    def unfolded(self) -> bool:
        """Shown open: the checklist to go on with, or one with an error to correct."""
        return self.first_open or any(row.has_errors for row in self.rows)


class ChecklistForms(StepForms):
    template = "planner/steps/checklist.html"
    parts = ("checklist_answers__item",)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        answers = {answer.item_id: answer for answer in self.plan.checklist_answers.all()}
        self.form = ChecklistForm(self.data, prefix="answers", items=active_items(), answers=answers)

    def is_valid(self) -> bool:
        return self.form.is_valid()

    def all_forms(self) -> list[forms.Form]:
        return [self.form]

    def row_title(self, form: forms.Form, field: forms.BoundField) -> str:
        slug = field.name.rsplit("-", 1)[0]
        return next((str(item.title) for item in self.form.items if item.slug == slug), "")

    def edit(self) -> PlanEdit:
        return PlanEdit(answers=self.form.answers())

    def context(self) -> dict[str, Any]:
        rows = [
            ItemRow(item=item, status=self.form[f"{item.slug}-status"], note=self.form[f"{item.slug}-note"])
            for item in self.form.items
        ]
        groups = [
            ItemGroup(checklist=checklist, rows=list(group))
            for checklist, group in groupby(rows, key=lambda row: row.item.checklist)
        ]
        first = next((n for n, group in enumerate(groups) if group.answered < group.total), None)
        if first is not None:
            groups[first] = replace(groups[first], first_open=True)
        return {"form": self.form, "groups": groups, "statuses": Status.choices}

    @staticmethod
    def is_empty(plan: dict[str, Any], context: StateContext) -> bool:
        return not any(answer.get("item") in context.active_items for answer in plan.get("checklist") or [])

    @staticmethod
    def missing(plan: dict[str, Any], context: StateContext) -> str:
        settled = {
            answer.get("item")
            for answer in plan.get("checklist") or []
            if answer.get("item") in context.active_items and answer.get("status") != Status.OPEN
        }
        still_open = len(context.active_items) - len(settled)
        if not still_open:
            return ""
        return ngettext(
            "%(open)d of %(total)d items is still open.", "%(open)d of %(total)d items are still open.", still_open
        ) % {"open": still_open, "total": len(context.active_items)}
