"""Goals with their KPIs: a formset of goals, each with a nested formset of KPIs."""

import re
from typing import Any

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from ..forms import DATE_WIDGET, empty_form
from ..models import KPI, Goal, Plan
from .base import (
    COMPLETE,
    EMPTY,
    STARTED,
    RowsFormSet,
    StateContext,
    StepForms,
    TidyNumberInput,
    kept_forms,
    save_rows,
    tidy_formfield,
    unique_key,
)


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["category", "title", "description", "priority"]
        widgets = {
            "title": forms.TextInput,
            "description": forms.Textarea(attrs={"rows": 2}),
            "priority": TidyNumberInput(attrs={"min": 1, "max": 5}),
        }
        help_texts = {"priority": _("1 = highest")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].required = True
        self.fields["title"].required = True


class KPIForm(forms.ModelForm):
    class Meta:
        model = KPI
        formfield_callback = tidy_formfield
        fields = ["name", "metric", "unit", "baseline", "target", "due"]
        widgets = {"name": forms.TextInput, "unit": forms.TextInput, "due": DATE_WIDGET}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name", "metric", "target", "due"):
            self.fields[name].required = True


KPI_PREFIX = re.compile(r"goals-\d+-kpis")
GoalFormSet = inlineformset_factory(Plan, Goal, form=GoalForm, formset=RowsFormSet, extra=0, can_delete=True)
KPIFormSet = inlineformset_factory(Goal, KPI, form=KPIForm, formset=RowsFormSet, extra=0, can_delete=True)


class GoalsForms(StepForms):
    template = "planner/steps/goals.html"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.goals = GoalFormSet(
            self.data, instance=self.plan, prefix="goals", queryset=self.plan.goals.prefetch_related("kpis")
        )
        for form in self.goals.forms:
            form.kpis = self._kpi_formset(form)

    def _kpi_formset(self, goal_form) -> KPIFormSet:
        saved = goal_form.instance.pk is not None
        formset = KPIFormSet(
            self.data,
            instance=goal_form.instance if saved else Goal(plan=self.plan),
            prefix=f"{goal_form.prefix}-kpis",
            rows=list(goal_form.instance.kpis.all()) if saved else [],
        )
        return formset

    def is_valid(self) -> bool:
        goals_valid = self.goals.is_valid()
        kpis_valid = all(form.kpis.is_valid() for form in kept_forms(self.goals))
        return goals_valid and kpis_valid

    def save(self) -> None:
        for form in self.goals.forms:
            if self.goals._should_delete_form(form) and form.instance.pk:
                form.instance.delete()
        used_keys = set(self.plan.goals.exclude(key="").values_list("key", flat=True))
        for order, form in enumerate(kept_forms(self.goals)):
            goal = form.save(commit=False)
            goal.plan = self.plan
            goal.order = order
            if not goal.key:
                goal.key = unique_key(goal.title, used_keys, "goal")
            goal.save()
            save_rows(form.kpis, goal=goal)

    def context(self) -> dict[str, Any]:
        return {"goals": self.goals}

    def row(self, *, prefix: str, index: int, params) -> tuple[str, dict[str, Any]] | None:
        if prefix == self.goals.prefix:
            goal = empty_form(self.goals, str(index))
            goal.kpis = self._kpi_formset(goal)
            return "planner/steps/_goal.html", {"form": goal}
        if KPI_PREFIX.fullmatch(prefix):
            kpis = KPIFormSet(instance=Goal(plan=self.plan), prefix=prefix, rows=[])
            return "planner/steps/_kpi.html", {"form": empty_form(kpis, str(index))}
        return None

    @staticmethod
    def state(plan: dict[str, Any], context: StateContext) -> str:
        goals = plan.get("goals") or []
        if not goals:
            return EMPTY
        return STARTED if any(not goal.get("kpis") for goal in goals) else COMPLETE
