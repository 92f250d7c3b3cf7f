"""The checklist step: the articles' success factors and pitfalls, each answered by the plan."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from checklists.models import ChecklistItem

from ..models import ChecklistAnswer
from .base import COMPLETE, EMPTY, STARTED, StateContext, StepForms


class AnswerForm(forms.Form):
    item = forms.CharField(widget=forms.HiddenInput)
    status = forms.ChoiceField(
        label=_("Status"), choices=ChecklistAnswer.Status.choices, initial=ChecklistAnswer.Status.OPEN
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 1}))


AnswerFormSet = forms.formset_factory(AnswerForm, extra=0)


def active_items():
    return ChecklistItem.objects.filter(active=True).select_related("checklist", "checklist__source")


class ChecklistForms(StepForms):
    template = "planner/steps/checklist.html"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.items = list(active_items())
        answers = {a.item_id: a for a in self.plan.checklist_answers.all()}
        initial = [
            {
                "item": item.slug,
                "status": answers[item.pk].status if item.pk in answers else ChecklistAnswer.Status.OPEN,
                "note": answers[item.pk].note if item.pk in answers else "",
            }
            for item in self.items
        ]
        self.answers = AnswerFormSet(self.data, initial=initial, prefix="answers")
        self.answered = set(answers)

    def is_valid(self) -> bool:
        if not self.answers.is_valid():
            return False
        known = {item.slug for item in self.items}
        return all(form.cleaned_data["item"] in known for form in self._answered())

    def _answered(self) -> list[forms.Form]:
        return [form for form in self.answers.forms if form.cleaned_data]

    def save(self) -> None:
        by_slug = {item.slug: item for item in self.items}
        existing = {a.item_id: a for a in self.plan.checklist_answers.all()}
        for form in self._answered():
            item = by_slug[form.cleaned_data["item"]]
            status, note = form.cleaned_data["status"], form.cleaned_data["note"]
            answer = existing.get(item.pk)
            if answer is None:
                if status == ChecklistAnswer.Status.OPEN and not note:
                    continue  # nothing said about it yet
                ChecklistAnswer.objects.create(plan=self.plan, item=item, status=status, note=note)
            elif (answer.status, answer.note) != (status, note):
                answer.status, answer.note = status, note
                answer.save(update_fields=["status", "note"])

    def context(self) -> dict[str, Any]:
        rows = list(zip(self.items, self.answers.forms, strict=True))
        groups = [(checklist, list(group)) for checklist, group in groupby(rows, key=lambda row: row[0].checklist)]
        return {"answers": self.answers, "groups": groups}

    @staticmethod
    def state(plan: dict[str, Any], context: StateContext) -> str:
        answers = [a for a in plan.get("checklist") or [] if a.get("item") in context.active_items]
        if not answers:
            return EMPTY
        settled = sum(1 for answer in answers if answer.get("status") != ChecklistAnswer.Status.OPEN)
        return COMPLETE if settled >= len(context.active_items) else STARTED
