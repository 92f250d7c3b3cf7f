"""The wizard's rows render their fields in Python (``row_field``, ``bare_widget``): the markup is crispy-forms'
Bootstrap 5 field and Django's widget, element for element and attribute for attribute, for every field of every
step, with and without errors."""

from __future__ import annotations

import lxml.html
import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms
from django.forms import BoundField
from django.http import QueryDict
from django.urls import reverse

from bench.forms import form_values
from planner.steps import STEPS
from planner.templatetags.planner_fields import bare_form, bare_widget, row_field

pytestmark = pytest.mark.django_db


def canonical(html: str) -> list:
    """The markup as a tree of (tag, attributes, text, children): attribute order and whitespace between elements
    do not count, everything else does."""

    def node(element) -> tuple:
        text = (element.text or "").strip()
        children = [node(child) for child in element]
        tails = [(child.tail or "").strip() for child in element]
        return (element.tag, sorted(element.attrib.items()), text, children, tails)

    fragments = lxml.html.fragments_fromstring(html)
    return [node(f) if not isinstance(f, str) else f.strip() for f in fragments]


def bound_fields(step_forms) -> list[BoundField]:
    """Every field the step's rows show: of every form of every formset in the context, nested KPIs too."""
    found: list[BoundField] = []

    def of_form(form: forms.BaseForm) -> None:
        found.extend(form[name] for name in form.fields)
        kpis = getattr(form, "kpis", None)
        if kpis is not None:
            for kpi in kpis.forms:
                of_form(kpi)

    for value in step_forms.context().values():
        for item in value if isinstance(value, list) else [value]:
            formset = getattr(item, "formset", item)
            if isinstance(formset, forms.BaseFormSet):
                for form in formset.forms:
                    of_form(form)
            elif isinstance(formset, forms.BaseForm):
                of_form(formset)
    return found


def posted_with_errors(client, plan, slug: str) -> QueryDict:
    """The step's own form data with every text emptied and every number spoiled, so required fields and
    numbers show their errors."""
    page = lxml.html.fromstring(client.get(reverse("planner:step", args=[plan.pk, slug])).content)
    data = QueryDict(mutable=True)
    for name, value in form_values(page.get_element_by_id("step-form")):
        if not name.endswith(("-id", "_FORMS", "csrfmiddlewaretoken", "revision")) and value:
            value = "" if not value[:1].isdigit() else "x1"
        data.appendlist(name, value)
    return data


@pytest.mark.parametrize("slug", [step.slug for step in STEPS])
@pytest.mark.parametrize("with_errors", [False, True], ids=["unbound", "errors"])
def test_row_fields_render_as_crispy_does(lead_client, lead, example_plan, slug, with_errors):
    step = next(s for s in STEPS if s.slug == slug)
    data = posted_with_errors(lead_client, example_plan, slug) if with_errors else None

    def build():
        step_forms = step.forms(plan=example_plan, user=lead, data=data)
        if data is not None:
            step_forms.is_valid()
        return bound_fields(step_forms)

    ours, crispy = build(), build()  # two copies: crispy sets classes on the widgets it renders
    assert ours, "the step shows no fields"
    if with_errors and slug != "situation":  # its lists and competitors may all be empty
        assert any(field.errors for field in ours), "the spoiled data gave no error to compare"
    for mine, theirs in zip(ours, crispy, strict=True):
        assert canonical(bare_widget(mine)) == canonical(str(theirs)), mine.html_name  # before crispy's classes
        assert canonical(row_field(mine)) == canonical(as_crispy_field(theirs)), mine.html_name


@pytest.mark.parametrize("slug", ["situation", "goals", "channels", "guidelines"])
def test_management_forms_render_as_django_does(lead, example_plan, slug):
    step = next(s for s in STEPS if s.slug == slug)
    step_forms = step.forms(plan=example_plan, user=lead)
    formsets = [getattr(item, "formset", item) for value in step_forms.context().values()
                for item in (value if isinstance(value, list) else [value])]  # fmt: skip
    formsets = [formset for formset in formsets if isinstance(formset, forms.BaseFormSet)]
    formsets += [form.kpis for formset in formsets for form in formset.forms if hasattr(form, "kpis")]
    assert formsets
    for formset in formsets:
        assert canonical(bare_form(formset.management_form)) == canonical(str(formset.management_form))
