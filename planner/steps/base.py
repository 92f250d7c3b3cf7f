"""What every wizard step shares: the forms contract, the step states, and rows of a formset.

A step's forms validate what was typed and turn it into a :class:`planner.edits.PlanEdit`;
``planner.services.plan_edit_save`` writes it. Forms never save.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms import BaseModelFormSet, modelformset_factory
from django.http import QueryDict
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from .. import limits
from ..edits import PartEdit, PlanEdit, RowEdit
from ..models import Plan

EMPTY, STARTED, COMPLETE = "empty", "started", "complete"
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


@dataclass(frozen=True)
class StateContext:
    """What a step's state needs beyond the plan: the active checklist items."""

    active_items: frozenset[str]


class TooManyRowsError(Exception):
    """The posted row counts exceed what a plan may hold (a tampered or runaway form)."""


def posted_row_count(data: QueryDict | None) -> int:
    """All rows a POST claims to carry (every formset's TOTAL_FORMS), read before any form is built."""
    if data is None:
        return 0
    total = 0
    for key in data:
        if key.endswith("-TOTAL_FORMS"):
            try:
                count = int(data.get(key) or 0)
            except ValueError:
                continue  # the formset itself says the management form is broken
            if count > limits.MAX_LIST:
                raise TooManyRowsError
            total += max(count, 0)
    if total > limits.MAX_ENTRIES:
        raise TooManyRowsError
    return total


class StepForms:
    """The forms of one step, bound to the POST (or a draft) or unbound."""

    template: str

    def __init__(self, *, plan: Plan, user, data: QueryDict | None = None):
        posted_row_count(data)
        self.plan, self.user, self.data = plan, user, data

    def is_valid(self) -> bool:
        raise NotImplementedError

    def edit(self) -> PlanEdit:
        """The valid input as values to write (call after is_valid)."""
        raise NotImplementedError

    def context(self) -> dict[str, Any]:
        return {}

    def new_row(self, *, prefix: str, index: int, params: QueryDict) -> tuple[str, dict[str, Any]] | None:
        """A blank row for the formset ``prefix`` at ``index``: (template, context), or None
        when the step has no such formset. The wizard's "Add" buttons fetch it (htmx)."""
        return None

    @staticmethod
    def state(plan: dict[str, Any], context: StateContext) -> str:
        """empty, started or complete, from the plan part of a plan-file document."""
        raise NotImplementedError


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    why: str
    forms: type[StepForms]


# --- fields ------------------------------------------------------------------------------


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

    def validate(self, value: list[str]) -> None:
        super().validate(value)
        if len(value) > limits.MAX_LIST:
            raise ValidationError(_("At most %(count)s entries are possible.") % {"count": limits.MAX_LIST})
        if any(len(entry) > limits.MAX_TEXT for entry in value):
            raise ValidationError(_("An entry may have at most %(count)s characters.") % {"count": limits.MAX_TEXT})

    def has_changed(self, initial, data) -> bool:
        return self.to_python(self.prepare_value(initial) or "") != self.to_python(data or "")


class TidyNumberInput(forms.NumberInput):
    """Shows 38 and 0.5, not the database's 38.0000 and 0.5000."""

    def format_value(self, value):
        if isinstance(value, Decimal):
            value = format(value.normalize(), "f")
        return super().format_value(value)


def tidy_formfield(db_field: models.Field, **kwargs) -> forms.Field | None:
    """formfield_callback of the steps' model forms: decimals without trailing zeros, texts
    and lists within the plan file's limits."""
    if isinstance(db_field, models.DecimalField):
        kwargs.setdefault("widget", TidyNumberInput(attrs={"step": "any"}))
    if isinstance(db_field, models.JSONField):
        return LinesField(
            label=capfirst(db_field.verbose_name),
            required=False,
            help_text=kwargs.get("help_text") or _("One entry per line."),
        )
    if isinstance(db_field, models.TextField):
        kwargs.setdefault("max_length", limits.MAX_TEXT)
    return db_field.formfield(**kwargs)


class ReferenceField(forms.TypedChoiceField):
    """One row of the plan or the catalogue, chosen by id; the choices are computed once per
    page, so many rows cost no query each."""

    def __init__(self, **kwargs):
        super().__init__(coerce=int, empty_value=None, **kwargs)


class ReferencesField(forms.TypedMultipleChoiceField):
    """Several rows, chosen by id (a many-to-many link), in the order they are offered."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(coerce=int, required=False, **kwargs)


PHASES = [
    (0, _("0 – listening (monitoring, no publishing)")),
    (1, _("1 – pilot")),
    *[(n, format_lazy("{} – {}", n, _("expansion"))) for n in range(2, 10)],
]


def phase_field(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=capfirst(label), choices=PHASES, coerce=int, initial=1)


# --- forms of the plan's own fields ------------------------------------------------------


class PlanFieldsForm(forms.ModelForm):
    """Fields that live on the plan itself; list fields are edited one per line.

    ``references`` are declared ReferenceFields of foreign keys (their value is the id)."""

    references: tuple[str, ...] = ()

    class Meta:
        model = Plan
        fields: list[str] = []
        formfield_callback = tidy_formfield

    def values(self) -> dict[str, Any]:
        values = {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}
        values.update({f"{name}_id": self.cleaned_data[name] for name in self.references})
        return values


class PlanFormStepForms(StepForms):
    """A step that is one form of the plan's own fields."""

    template = "planner/steps/form.html"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.form = self.make_form()

    def make_form(self) -> PlanFieldsForm:
        raise NotImplementedError

    def is_valid(self) -> bool:
        return self.form.is_valid()

    def edit(self) -> PlanEdit:
        return PlanEdit(fields=self.form.values())

    def context(self) -> dict[str, Any]:
        return {"form": self.form}


# --- rows ---------------------------------------------------------------------------------


class RowForm(forms.ModelForm):
    """One row of a repeating part of the plan (a goal, a channel, ...).

    ``references`` are declared ReferenceFields (foreign keys, value: the id) and ``links``
    declared ReferencesFields (many-to-many, value: the ids in order). ``choices`` (a dict
    per field name, from the formset's ``form_kwargs``) fills them without a query per row.
    """

    references: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    columns: dict[str, str] = {}

    def __init__(self, *args, choices: dict[str, list] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, options in (choices or {}).items():
            self.fields[name].choices = options
        if self.instance.pk:
            for name in self.references:
                self.initial.setdefault(name, getattr(self.instance, f"{name}_id"))
            for name in self.links:
                self.initial.setdefault(name, [row.pk for row in getattr(self.instance, name).all()])

    def row_edit(self, **children: PartEdit) -> RowEdit:
        values = {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}
        values.update({f"{name}_id": self.cleaned_data[name] for name in self.references})
        links = {name: list(self.cleaned_data.get(name) or []) for name in self.links}
        return RowEdit(pk=self.instance.pk, values=values, links=links, children=children)


class RowIdField(forms.IntegerField):
    """The id of a row this formset shows; an id of another plan's row is refused (a
    tampered form), not silently turned into a new row. Checked without a query."""

    widget = forms.HiddenInput

    def __init__(self, *, known: set[int], **kwargs):
        self.known = known
        super().__init__(required=False, **kwargs)

    def validate(self, value: int | None) -> None:
        super().validate(value)
        if value is not None and value not in self.known:
            raise ValidationError(
                _("This row is no longer part of the plan (removed in another window?). Reload the page."),
                code="unknown_row",
            )


def removed(form: forms.Form) -> bool:
    """Whether the user removed the row ("Remove" ticks its DELETE box)."""
    return bool(getattr(form, "cleaned_data", {}).get("DELETE"))


class RowsFormSet(BaseModelFormSet):
    """A formset over rows the caller already loaded (``rows``), so a page of 50 goals with
    their KPIs costs the same queries as one."""

    def __init__(self, data=None, *, rows: list[models.Model], prefix: str, **kwargs):
        self._rows = rows
        super().__init__(data, prefix=prefix, **kwargs)

    def get_queryset(self) -> list[models.Model]:
        return self._rows

    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        pk_name = self.model._meta.pk.name
        form.fields[pk_name] = RowIdField(known={row.pk for row in self._rows}, initial=form.fields[pk_name].initial)

    def kept_forms(self) -> list[forms.Form]:
        """The rows that stay, in their on-screen order: not removed, and not a blank row that
        was added and left empty. Call after validation."""
        return [f for f in self.forms if not removed(f) and (f.instance.pk or f.has_changed())]

    def part_edit(self, rows: list[RowEdit] | None = None) -> PartEdit:
        """The part as the user left it; ``rows`` when the caller built them (with children)."""
        if rows is None:
            rows = [form.row_edit() for form in self.kept_forms()]
        return PartEdit(rows=rows, removed=frozenset(f.instance.pk for f in self.forms if removed(f) and f.instance.pk))

    def blank_form(self, index: int, initial: dict[str, Any] | None = None) -> forms.Form:
        """A blank row at ``index`` (Django's ``empty_form``, numbered instead of ``__prefix__``)."""
        form = self.empty_form
        form.prefix = self.add_prefix(index)
        form.initial.update(initial or {})
        return form


def rows_formset(form: type[RowForm], *, formset: type[RowsFormSet] = RowsFormSet) -> type[RowsFormSet]:
    return modelformset_factory(
        form._meta.model,
        form=form,
        formset=formset,
        extra=0,
        can_delete=True,
        max_num=limits.MAX_LIST,
        absolute_max=limits.MAX_LIST,
        validate_max=True,
    )


@dataclass
class Rows:
    """One repeating section of a step, as the template ``_rows.html`` renders it."""

    formset: RowsFormSet
    row_template: str
    row_label: str
    add_label: str
    empty_text: str


class RowsStepForms(StepForms):
    """A step that edits one list of rows of the plan (``part``), and optionally a few plan fields."""

    template = "planner/steps/rows.html"
    part: str  # the plan's related name, e.g. "competitors"
    formset_class: type[RowsFormSet]
    prefix: str
    plan_form_class: type[PlanFieldsForm] | None = None
    row_template = "planner/steps/_row.html"
    row_label = ""
    add_label = ""
    empty_text = ""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.rows = self.formset_class(
            self.data,
            rows=list(getattr(self.plan, self.part).all()),
            prefix=self.prefix,
            form_kwargs=self.form_kwargs(),
        )
        self.plan_form = self.plan_form_class(self.data, instance=self.plan) if self.plan_form_class else None

    def form_kwargs(self) -> dict[str, Any]:
        return {}

    def is_valid(self) -> bool:
        rows_valid = self.rows.is_valid()
        return (self.plan_form.is_valid() if self.plan_form else True) and rows_valid

    def edit(self) -> PlanEdit:
        fields = self.plan_form.values() if self.plan_form else {}
        return PlanEdit(fields=fields, parts={self.part: self.rows.part_edit()})

    def section(self) -> Rows:
        return Rows(
            formset=self.rows,
            row_template=self.row_template,
            row_label=self.row_label,
            add_label=self.add_label,
            empty_text=self.empty_text,
        )

    def context(self) -> dict[str, Any]:
        return {"sections": [self.section()], "plan_form": self.plan_form}

    def new_row(self, *, prefix: str, index: int, params: QueryDict) -> tuple[str, dict[str, Any]] | None:
        if prefix != self.rows.prefix:
            return None
        section = self.section()
        form = self.rows.blank_form(index, initial=self.row_initial(params))
        return section.row_template, {"form": form, "section": section}

    def row_initial(self, params: QueryDict) -> dict[str, Any] | None:
        """Values a new row starts with (e.g. from a template the user picked)."""
        return None
