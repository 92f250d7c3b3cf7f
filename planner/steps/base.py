"""What every wizard step shares: the forms contract, the step states, and rows of a formset.

A step's forms validate what was typed and turn it into a :class:`planner.edits.PlanEdit`;
``planner.services.plan_edit_save`` writes it. Forms never save.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms import BaseModelFormSet, modelformset_factory
from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from checklists.forms import LinesField
from checklists.rules.base import fmt_list
from checklists.rules.goals import horizon_end

from .. import limits
from ..conflicts import Difference
from ..edits import PartEdit, PlanEdit, RowEdit
from ..models import Plan
from .fields import LocaleDateField, LocaleDecimalField, LocaleIntegerField

EMPTY, STARTED, COMPLETE = "empty", "started", "complete"


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
    # The plan's parts the forms read (lookups as in planner.selectors.with_parts): the wizard reads the plan with
    # these prefetched, not all of them.
    parts: tuple[str, ...] = ()

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

    def all_forms(self) -> list[forms.Form]:
        """Every form of the step, formsets' management forms included, in the page's order."""
        raise NotImplementedError

    def row_title(self, form: forms.Form, field: forms.BoundField) -> str:
        """What names the row or item a field belongs to, in the list of differences."""
        for name in ("title", "name", "person", "topic"):
            if name in form.fields and form[name].value():
                return str(form[name].value())
        return ""

    def difference_rows(self, differences: list[Difference]) -> list[DifferenceRow]:
        """The differences as the page shows them: the field's label, both values as a person reads them."""
        fields = {field.html_name: (form, field) for form in self.all_forms() for field in form}
        shown = []
        for difference in differences:
            if difference.name not in fields:
                continue
            form, field = fields[difference.name]
            title = self.row_title(form, field)
            label = str(field.label) if not difference.note else ""
            shown.append(
                DifferenceRow(
                    name=difference.name,
                    label=" · ".join(part for part in (title, label) if part),
                    mine=readable(field, difference.mine),
                    theirs=readable(field, difference.theirs),
                    conflict=difference.conflict,
                    note=difference.note,
                    lines=isinstance(field.field, LinesField),
                    choice=self.data.get(f"merge-{difference.name}", "") if self.data is not None else "",
                )
            )
        return shown

    def shown_data(self) -> dict[str, list[str]]:
        """What the browser posts for the step as it is shown, if nothing is changed."""
        data: dict[str, list[str]] = {}
        for form in self.all_forms():
            data.update(form_data(form))
        return data

    def new_row(self, *, prefix: str, index: int, params: QueryDict) -> tuple[str, dict[str, Any]] | None:
        """A blank row for the formset ``prefix`` at ``index``: (template, context), or None
        when the step has no such formset. The wizard's "Add" buttons fetch it (htmx)."""
        return None

    @classmethod
    def state(cls, plan: dict[str, Any], context: StateContext) -> str:
        """empty, started or complete, from the plan part of a plan-file document: complete when
        nothing is missing, so the state and the line that explains it never disagree."""
        if cls.is_empty(plan, context):
            return EMPTY
        return STARTED if cls.missing(plan, context) else COMPLETE

    @staticmethod
    def is_empty(plan: dict[str, Any], context: StateContext) -> bool:
        """Whether nothing of this step is filled in yet."""
        raise NotImplementedError

    @staticmethod
    def missing(plan: dict[str, Any], context: StateContext) -> str:
        """What the step still lacks to be complete, in one line; empty when it is complete."""
        raise NotImplementedError


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    why: str
    forms: type[StepForms]


@dataclass(frozen=True)
class PlanPeriod:
    """The time the plan covers: from its start over its horizon (as the plan check reads it)."""

    start: dt.date | None
    end: dt.date | None

    @classmethod
    def of(cls, plan: Plan) -> PlanPeriod:
        start = plan.start_date
        end = horizon_end(start, plan.horizon_months) if start else None
        return cls(start=start, end=end - dt.timedelta(days=1) if end else None)  # its last day

    def help_text(self) -> str:
        if self.start is None:
            return ""
        if self.end is None:
            return _("The plan starts on %(start)s.") % {"start": date_format(self.start, "SHORT_DATE_FORMAT")}
        return _("The plan runs from %(start)s to %(end)s.") % {
            "start": date_format(self.start, "SHORT_DATE_FORMAT"),
            "end": date_format(self.end, "SHORT_DATE_FORMAT"),
        }


@dataclass(frozen=True)
class DifferenceRow:
    name: str
    label: str
    mine: str
    theirs: str
    conflict: bool
    note: str
    lines: bool
    choice: str = ""  # mine, theirs or both, when the user chose already (a draft of this page)


def readable(field: forms.BoundField, values: list[str]) -> str:
    """Posted values as the page shows them: a choice by its label, a tick as yes or no."""
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        return str(_("yes") if values else _("no"))
    choices = getattr(field.field, "choices", None)
    if choices is not None:
        labels = {str(value): str(label) for value, label in choices}
        values = [labels.get(value, value) for value in values if value != ""]
    text = "\n".join(value.replace("\r\n", "\n") for value in values).strip()
    return text or "–"


def form_data(form: forms.Form) -> dict[str, list[str]]:
    """What a browser posts for ``form`` as it is shown: a ticked box as "on", an unticked one and an
    empty multiple choice not at all, every other field as its widget shows the value."""
    data: dict[str, list[str]] = {}
    for field in form:
        widget, value = field.field.widget, field.value()
        if isinstance(widget, forms.CheckboxInput):
            values = ["on"] if widget.check_test(value) else []
        elif getattr(widget, "allow_multiple_selected", False):
            values = [str(v) for v in value or []]
        else:
            shown = widget.format_value(value)
            values = (shown[:1] or [""]) if isinstance(shown, list) else ["" if shown is None else str(shown)]
        if values:
            data[field.html_name] = values
    return data


def still_missing(parts: list[str]) -> str:
    """“Still missing: start date and horizon.”, or "" when nothing is."""
    if not parts:
        return ""
    return _("Still missing: %(parts)s.") % {"parts": fmt_list(str(part) for part in parts)}


def plan_field_label(name: str) -> str:
    return str(Plan._meta.get_field(name).verbose_name)


# --- fields ------------------------------------------------------------------------------


def tidy_formfield(db_field: models.Field, **kwargs) -> forms.Field | None:
    """formfield_callback of the steps' model forms: numbers and dates as the user's language writes
    them, texts and lists within the plan file's limits."""
    if isinstance(db_field, models.DecimalField):
        return db_field.formfield(form_class=LocaleDecimalField, **kwargs)
    if isinstance(db_field, models.IntegerField):
        return db_field.formfield(form_class=LocaleIntegerField, **kwargs)
    if isinstance(db_field, models.DateField):
        return db_field.formfield(form_class=LocaleDateField, **kwargs)
    if isinstance(db_field, models.JSONField):
        return LinesField(
            label=capfirst(db_field.verbose_name),
            required=False,
            max_entries=limits.MAX_LIST,
            max_entry_length=limits.MAX_TEXT,
            **({"help_text": kwargs["help_text"]} if kwargs.get("help_text") else {}),
        )
    if isinstance(db_field, models.TextField):
        kwargs.setdefault("max_length", limits.MAX_TEXT)
    return db_field.formfield(**kwargs)


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

    def all_forms(self) -> list[forms.Form]:
        return [self.form]


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

    def all_forms(self) -> list[forms.Form]:
        return [*([self.plan_form] if self.plan_form else []), self.rows.management_form, *self.rows.forms]

    def new_row(self, *, prefix: str, index: int, params: QueryDict) -> tuple[str, dict[str, Any]] | None:
        if prefix != self.rows.prefix:
            return None
        section = self.section()
        form = self.rows.blank_form(index, initial=self.row_initial(params))
        return section.row_template, {"form": form, "section": section}

    def row_initial(self, params: QueryDict) -> dict[str, Any] | None:
        """Values a new row starts with (e.g. from a template the user picked)."""
        return None
