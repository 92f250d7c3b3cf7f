"""The wizard's steps: what each step edits, how it validates and saves, and its state.

The wizard's state is the plan in the database; a step's unsaved input lives in a
StepDraft row until it is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .forms import GoalFormSet, KPIFormSet, PlanBasicsForm, empty_form
from .models import Goal, Plan
from .selectors import organizations_for_user

EMPTY, STARTED, COMPLETE = "empty", "started", "complete"


class StepForms:
    """The forms of one step, bound to the POST (or a draft) or unbound."""

    template: str

    def __init__(self, *, plan: Plan, user, data=None):
        self.plan, self.user, self.data = plan, user, data

    def is_valid(self) -> bool:
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    def context(self) -> dict[str, Any]:
        return {}

    @staticmethod
    def state(plan: Plan) -> str:
        raise NotImplementedError


class BasicsForms(StepForms):
    template = "planner/steps/basics.html"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.form = PlanBasicsForm(self.data, instance=self.plan, organizations=organizations_for_user(self.user))

    def is_valid(self) -> bool:
        return self.form.is_valid()

    def save(self) -> None:
        self.form.save()

    def context(self) -> dict[str, Any]:
        return {"form": self.form}

    @staticmethod
    def state(plan: Plan) -> str:
        if plan.title and plan.start_date and plan.horizon_months:
            return COMPLETE
        return STARTED


class GoalsForms(StepForms):
    """Goals with their KPIs: a formset of goals, each with a nested formset of KPIs."""

    template = "planner/steps/goals.html"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.goals = GoalFormSet(
            self.data, instance=self.plan, prefix="goals", queryset=self.plan.goals.prefetch_related("kpis")
        )
        for form in self.goals.forms:
            form.kpis = self._kpi_formset(form)
        self.empty_goal = empty_form(self.goals, "__prefix__")
        self.empty_goal.kpis = self._kpi_formset(self.empty_goal)

    def _kpi_formset(self, goal_form) -> KPIFormSet:
        goal = goal_form.instance if goal_form.instance.pk else Goal(plan=self.plan)
        queryset = goal_form.instance.kpis.all() if goal_form.instance.pk else None
        formset = KPIFormSet(self.data, instance=goal, prefix=f"{goal_form.prefix}-kpis", queryset=queryset)
        formset.empty_row = empty_form(formset, "__kpi__")
        return formset

    def _kept(self):
        return [f for f in self.goals.forms if not self.goals._should_delete_form(f)]

    def is_valid(self) -> bool:
        goals_valid = self.goals.is_valid()
        kpis_valid = all(form.kpis.is_valid() for form in self._kept() if form.has_changed() or form.instance.pk)
        return goals_valid and kpis_valid

    def save(self) -> None:
        for form in self.goals.forms:
            if self.goals._should_delete_form(form) and form.instance.pk:
                form.instance.delete()
        used_keys = set(self.plan.goals.exclude(key="").values_list("key", flat=True))
        for order, form in enumerate(f for f in self._kept() if f.instance.pk or f.has_changed()):
            goal = form.save(commit=False)
            goal.plan = self.plan
            goal.order = order
            if not goal.key:
                goal.key = _unique_key(goal.title, used_keys)
            goal.save()
            _save_rows(form.kpis, goal=goal)

    def context(self) -> dict[str, Any]:
        return {"goals": self.goals, "empty_goal": self.empty_goal}

    @staticmethod
    def state(plan: Plan) -> str:
        counts = plan.goals.aggregate(goals=Count("pk"), without_kpi=Count("pk", filter=Q(kpis__isnull=True)))
        if not counts["goals"]:
            return EMPTY
        return STARTED if counts["without_kpi"] else COMPLETE


def _save_rows(formset, **parent) -> None:
    """Save a formset's rows in their on-screen order, deleting the removed ones."""
    order = 0
    for form in formset.forms:
        if formset._should_delete_form(form):
            if form.instance.pk:
                form.instance.delete()
            continue
        if not form.instance.pk and not form.has_changed():
            continue
        row = form.save(commit=False)
        for name, value in parent.items():
            setattr(row, name, value)
        row.order = order
        row.save()
        form.save_m2m()
        order += 1


def _unique_key(title: str, used: set[str]) -> str:
    base = slugify(title)[:60] or "goal"
    key, n = base, 1
    while key in used:
        n += 1
        key = f"{base}-{n}"
    used.add(key)
    return key


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    why: str
    forms: type[StepForms]


STEPS: list[Step] = [
    Step(
        "basics",
        _("Basics"),
        _(
            "Strategy comes before tools. Companies that start without a plan and just "
            '"do something with Facebook" scatter their effort; a clear frame of time, '
            "market and purpose lets goals give the direction."
        ),
        BasicsForms,
    ),
    Step(
        "goals",
        _("Goals and KPIs"),
        _(
            "Without clear goals and an agreed return on investment, social media stays random "
            "noise. Define the goals together with the management and give each a measurable KPI "
            "(mentions, tonality, engagement, referral traffic, repurchase rate, ...)."
        ),
        GoalsForms,
    ),
]
STEP_BY_SLUG = {step.slug: step for step in STEPS}


def step_states(plan: Plan) -> list[tuple[Step, str]]:
    return [(step, step.forms.state(plan)) for step in STEPS]


def neighbours(slug: str) -> tuple[Step | None, Step | None]:
    index = [s.slug for s in STEPS].index(slug)
    previous = STEPS[index - 1] if index > 0 else None
    following = STEPS[index + 1] if index + 1 < len(STEPS) else None
    return previous, following
