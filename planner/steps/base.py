"""What every wizard step shares: the forms contract, states, and saving rows of a formset."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.text import capfirst, format_lazy, slugify
from django.utils.translation import gettext_lazy as _

from ..forms import empty_form
from ..models import Plan
from ..plan_file import link_in_order

EMPTY, STARTED, COMPLETE = "empty", "started", "complete"


@dataclass(frozen=True)
class StateContext:
    """What a step's state needs beyond the plan: the active checklist items."""

    active_items: frozenset[str]


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

    def row(self, *, prefix: str, index: int, params) -> tuple[str, dict[str, Any]] | None:
        """A new blank row for the formset ``prefix`` at ``index``: (template, context), or
        None when the step has no such formset. The wizard's "Add" buttons fetch it (htmx)."""
        return None

    @staticmethod
    def state(plan: dict[str, Any], context: StateContext) -> str:
        """empty, started or complete, from the plan part of a plan-file document."""
        raise NotImplementedError


class PlanFormStepForms(StepForms):
    """A step that is one form of the plan's own fields."""

    template = "planner/steps/form.html"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.form = self.make_form()

    def make_form(self) -> forms.ModelForm:
        raise NotImplementedError

    def is_valid(self) -> bool:
        return self.form.is_valid()

    def save(self) -> None:
        self.form.save()

    def context(self) -> dict[str, Any]:
        return {"form": self.form}


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    why: str
    forms: type[StepForms]


class RowsFormSet(BaseInlineFormSet):
    """An inline formset that can take its rows from a prefetch (``rows=``) instead of a
    query, so a page of 50 goals with their KPIs costs the same queries as one."""

    def __init__(self, *args, rows: list | None = None, **kwargs):
        self._rows = rows
        super().__init__(*args, **kwargs)

    def get_queryset(self):
        if self._rows is not None:
            return self._rows
        return super().get_queryset()


@dataclass
class Rows:
    """One repeating section of a step, as the template ``_rows.html`` renders it."""

    formset: forms.BaseFormSet
    row_template: str
    row_label: str
    add_label: str
    empty_text: str


def rows_section(formset, *, row_template: str, row_label: str, add_label: str, empty_text: str) -> Rows:
    return Rows(
        formset=formset,
        row_template=row_template,
        row_label=row_label,
        add_label=add_label,
        empty_text=empty_text,
    )


def kept_forms(formset) -> list[forms.Form]:
    """The rows that stay: not removed, and not a blank row that was added and left empty."""
    return [f for f in formset.forms if not formset._should_delete_form(f) and (f.instance.pk or f.has_changed())]


def save_rows(formset, **parent) -> list:
    """Save a formset's rows in their on-screen order, deleting the removed ones."""
    saved = []
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
        row.order = len(saved)
        row.save()
        save_m2m_in_order(form, row)
        saved.append(row)
    return saved


def save_m2m_in_order(form: forms.ModelForm, row: models.Model) -> None:
    """Save a row's many-to-many choices in the order they are offered.

    The plan file lists links in the order they were made; Django's own save_m2m adds them
    in set order, which would shuffle them. An unchanged selection keeps its order."""
    for name in form.fields:
        try:
            model_field = row._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not isinstance(model_field, models.ManyToManyField) or name not in form.cleaned_data:
            continue
        selected = list(form.cleaned_data[name])
        manager = getattr(row, name)
        if {target.pk for target in selected} != set(manager.values_list("pk", flat=True)):
            manager.clear()
            link_in_order(row, name, selected)


def unique_key(title: str, used: set[str], fallback: str) -> str:
    base = slugify(title)[:60] or fallback
    key, n = base, 1
    while key in used:
        n += 1
        key = f"{base}-{n}"
    used.add(key)
    return key


def share_choices(field: forms.Field, choices: list[tuple[Any, str]]) -> None:
    """Give a model choice field precomputed choices, so rendering many rows runs no query per row."""
    field.choices = choices


class LinesField(forms.CharField):
    """A list of texts, edited as one entry per line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value) -> list[str]:
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines() if line.strip()]

    def has_changed(self, initial, data) -> bool:
        return self.to_python(self.prepare_value(initial) or "") != self.to_python(data or "")


class TidyNumberInput(forms.NumberInput):
    """Shows 38 and 0.5, not the database's 38.0000 and 0.5000."""

    def format_value(self, value):
        if isinstance(value, Decimal):
            value = format(value.normalize(), "f")
        return super().format_value(value)


def tidy_formfield(db_field: models.Field, **kwargs) -> forms.Field | None:
    """formfield_callback for the steps' model forms: decimals without trailing zeros."""
    if isinstance(db_field, models.DecimalField):
        kwargs.setdefault("widget", TidyNumberInput(attrs={"step": "any"}))
    return db_field.formfield(**kwargs)


def _plan_formfield(db_field: models.Field, **kwargs) -> forms.Field | None:
    if isinstance(db_field, models.JSONField):
        return LinesField(label=capfirst(db_field.verbose_name), required=False, help_text=_("One entry per line."))
    return tidy_formfield(db_field, **kwargs)


class PlanFieldsForm(forms.ModelForm):
    """A step's fields that live on the plan itself; list fields are edited one per line."""

    class Meta:
        model = Plan
        fields: list[str] = []
        formfield_callback = _plan_formfield


PHASES = [
    (0, _("0 – listening (monitoring, no publishing)")),
    (1, _("1 – pilot")),
    *[(n, format_lazy("{} – {}", n, _("expansion"))) for n in range(2, 10)],
]


def phase_field(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=capfirst(label), choices=PHASES, coerce=int, initial=1)


def rows_formset(model: type[models.Model], form: type[forms.ModelForm], formset: type = None):
    return inlineformset_factory(Plan, model, form=form, formset=formset or RowsFormSet, extra=0, can_delete=True)


class RowsStepForms(StepForms):
    """A step that edits one list of rows of the plan, and optionally a few plan fields."""

    template = "planner/steps/rows.html"
    formset_class: type
    prefix: str
    prefetch: tuple[str, ...] = ()
    plan_form_class: type[forms.ModelForm] | None = None
    row_template = "planner/steps/_row.html"
    row_label = ""
    add_label = ""
    empty_text = ""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        model = self.formset_class.model
        self.rows = self.formset_class(
            self.data,
            instance=self.plan,
            prefix=self.prefix,
            queryset=model.objects.filter(plan=self.plan).prefetch_related(*self.prefetch),
            form_kwargs=self.form_kwargs(),
        )
        self.plan_form = self.plan_form_class(self.data, instance=self.plan) if self.plan_form_class else None

    def form_kwargs(self) -> dict[str, Any]:
        return {}

    def is_valid(self) -> bool:
        rows_valid = self.rows.is_valid()
        return (self.plan_form.is_valid() if self.plan_form else True) and rows_valid

    def save(self) -> None:
        if self.plan_form:
            self.plan_form.save()
        self.save_rows()

    def save_rows(self) -> None:
        save_rows(self.rows, plan=self.plan)

    def context(self) -> dict[str, Any]:
        section = rows_section(
            self.rows,
            row_template=self.row_template,
            row_label=self.row_label,
            add_label=self.add_label,
            empty_text=self.empty_text,
        )
        return {"sections": [section], "plan_form": self.plan_form}

    def row(self, *, prefix: str, index: int, params) -> tuple[str, dict[str, Any]] | None:
        for section in self.context()["sections"]:
            if section.formset.prefix == prefix:
                form = empty_form(section.formset, str(index), initial=self.row_initial(params))
                return section.row_template, {"form": form, "section": section}
        return None

    def row_initial(self, params) -> dict[str, Any] | None:
        """Values a new row starts with (e.g. from a template the user picked)."""
        return None
