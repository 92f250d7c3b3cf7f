"""Goals with their KPIs: a formset of goals, each with a nested formset of KPIs."""

import re
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from checklists.models import Channel

from ..edits import PlanEdit
from ..models import KPI, Goal, Plan
from .base import (
    COMPLETE,
    DATE_WIDGET,
    EMPTY,
    STARTED,
    ReferenceField,
    RowForm,
    RowsFormSet,
    StateContext,
    StepForms,
    TidyNumberInput,
    removed,
    rows_formset,
    tidy_formfield,
)


class GoalForm(RowForm):
    class Meta:
        model = Goal
        formfield_callback = tidy_formfield
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


class KPIForm(RowForm):
    references = ("channel",)
    channel = ReferenceField(
        label=_("Measured on"),
        required=False,
        help_text=_("The channel the KPI is measured on; it is judged by that channel's benchmark."),
    )

    class Meta:
        model = KPI
        formfield_callback = tidy_formfield
        fields = ["name", "metric", "unit", "baseline", "target", "due"]
        widgets = {"name": forms.TextInput, "unit": forms.TextInput, "due": DATE_WIDGET}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name", "metric", "target", "due"):
            self.fields[name].required = True


def kpi_channel_choices(plan: Plan) -> list[tuple[int | str, str]]:
    """The plan's channels (a KPI is measured where the plan is active), plus any other channel one of
    its KPIs already names (from a plan file), so saving an unchanged step never fails."""
    offered = {c.channel_id: c.channel.name for c in plan.channels.all()}
    named = {kpi.channel_id for goal in plan.goals.all() for kpi in goal.kpis.all() if kpi.channel_id}
    if named - offered.keys():
        offered.update(Channel.objects.filter(pk__in=named - offered.keys()).values_list("pk", "name"))
    return [("", _("Any channel (general benchmark)")), *offered.items()]


KPI_PREFIX = re.compile(r"goals-\d+-kpis")
GoalFormSet = rows_formset(GoalForm)
KPIFormSet = rows_formset(KPIForm)


class GoalsForms(StepForms):
    template = "planner/steps/goals.html"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.kpi_choices = {"choices": {"channel": kpi_channel_choices(self.plan)}}
        self.goals = GoalFormSet(self.data, rows=list(self.plan.goals.all()), prefix="goals")
        for form in self.goals.forms:
            form.kpis = self._kpi_formset(form)
            if self.data is not None and form.kpis.has_changed():
                form.empty_permitted = False  # a blank new goal with KPIs typed in needs its title

    def _kpi_formset(self, goal_form: GoalForm) -> RowsFormSet:
        rows = list(goal_form.instance.kpis.all()) if goal_form.instance.pk else []
        return KPIFormSet(self.data, rows=rows, prefix=f"{goal_form.prefix}-kpis", form_kwargs=self.kpi_choices)

    def is_valid(self) -> bool:
        goals_valid = self.goals.is_valid()
        # Every goal's KPIs are validated, so all errors show at once; a removed goal's do not count.
        kpis_valid = [form.kpis.is_valid() or removed(form) for form in self.goals.forms]
        return goals_valid and all(kpis_valid)

    def edit(self) -> PlanEdit:
        rows = [form.row_edit(kpis=form.kpis.part_edit()) for form in self.goals.kept_forms()]
        return PlanEdit(parts={"goals": self.goals.part_edit(rows)})

    def context(self) -> dict[str, Any]:
        return {"goals": self.goals}

    def new_row(self, *, prefix: str, index: int, params: QueryDict) -> tuple[str, dict[str, Any]] | None:
        if prefix == self.goals.prefix:
            goal = self.goals.blank_form(index)
            goal.kpis = self._kpi_formset(goal)
            return "planner/steps/_goal.html", {"form": goal}
        if KPI_PREFIX.fullmatch(prefix):
            kpis = KPIFormSet(rows=[], prefix=prefix, form_kwargs=self.kpi_choices)
            return "planner/steps/_kpi.html", {"form": kpis.blank_form(index)}
        return None

    @staticmethod
    def state(plan: dict[str, Any], context: StateContext) -> str:
        goals = plan.get("goals") or []
        if not goals:
            return EMPTY
        return STARTED if any(not goal.get("kpis") for goal in goals) else COMPLETE
