"""Goals with their KPIs: a formset of goals, each with a nested formset of KPIs."""

import datetime as dt
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from checklists.models import Channel
from checklists.rules.base import fmt_list, goal_label, quoted

from ..edits import PlanEdit
from ..models import KPI, Goal, Plan
from .base import (
    PlanPeriod,
    RowForm,
    RowsFormSet,
    StateContext,
    StepForms,
    removed,
    rows_formset,
    tidy_formfield,
)
from .fields import ReferenceField


class GoalForm(RowForm):
    class Meta:
        model = Goal
        formfield_callback = tidy_formfield
        fields = ["category", "title", "description", "priority"]
        widgets = {
            "title": forms.TextInput,
            "description": forms.Textarea(attrs={"rows": 2}),
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
        widgets = {"name": forms.TextInput, "unit": forms.TextInput}

    def __init__(self, *args, period: PlanPeriod | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name", "metric", "target", "due"):
            self.fields[name].required = True
        self.period = period or PlanPeriod(start=None, end=None)

    def clean_due(self) -> dt.date | None:
        due = self.cleaned_data.get("due")
        if due and self.period.start and due < self.period.start:
            raise ValidationError(
                _("The KPI would be due before the plan starts on %(start)s.")
                % {"start": date_format(self.period.start, "SHORT_DATE_FORMAT")},
                code="before_start",
            )
        return due


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
    parts = ("goals__kpis", "channels__channel")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.kpi_choices = {"choices": {"channel": kpi_channel_choices(self.plan)}, "period": PlanPeriod.of(self.plan)}
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
        return {"goals": self.goals, "period": self.kpi_choices["period"].help_text()}

    def all_forms(self) -> list[forms.Form]:
        shown: list[forms.Form] = [self.goals.management_form]
        for goal in self.goals.forms:
            shown += [goal, goal.kpis.management_form, *goal.kpis.forms]
        return shown

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
    def is_empty(plan: dict[str, Any], context: StateContext) -> bool:
        return not plan.get("goals")

    @staticmethod
    def missing(plan: dict[str, Any], context: StateContext) -> str:
        goals = plan.get("goals") or []
        if not goals:
            return str(_("No goal yet."))
        without = [quoted(goal_label(goal, n)) for n, goal in enumerate(goals, start=1) if not goal.get("kpis")]
        if not without:
            return ""
        return ngettext("The goal %(goals)s has no KPI yet.", "The goals %(goals)s have no KPI yet.", len(without)) % {
            "goals": fmt_list(without)
        }
