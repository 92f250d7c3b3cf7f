"""The checklist step: the articles' success factors and pitfalls, each answered by the plan.

One form with a status and a note field per active item, named by the item's slug, so a
missing or extra field is a field error, never a mismatch of rows."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from checklists.models import ChecklistItem

from .. import limits
from ..edits import AnswerEdit, PlanEdit
from ..models import ChecklistAnswer
from .base import COMPLETE, EMPTY, STARTED, StateContext, StepForms

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


class ChecklistForms(StepForms):
    template = "planner/steps/checklist.html"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        answers = {answer.item_id: answer for answer in self.plan.checklist_answers.all()}
        self.form = ChecklistForm(self.data, prefix="answers", items=active_items(), answers=answers)

    def is_valid(self) -> bool:
        return self.form.is_valid()

    def edit(self) -> PlanEdit:
        return PlanEdit(answers=self.form.answers())

    def context(self) -> dict[str, Any]:
        rows = [
            ItemRow(item=item, status=self.form[f"{item.slug}-status"], note=self.form[f"{item.slug}-note"])
            for item in self.form.items
        ]
        groups = [(checklist, list(group)) for checklist, group in groupby(rows, key=lambda row: row.item.checklist)]
        return {"form": self.form, "groups": groups}

    @staticmethod
    def state(plan: dict[str, Any], context: StateContext) -> str:
        answers = [a for a in plan.get("checklist") or [] if a.get("item") in context.active_items]
        if not answers:
            return EMPTY
        settled = sum(1 for answer in answers if answer.get("status") != Status.OPEN)
        return COMPLETE if settled >= len(context.active_items) else STARTED
