"""Situation ("Bestandsaufnahme"): strengths, weaknesses, opportunities, threats, competitors."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Competitor
from .base import (
    PlanFieldsForm,
    RowForm,
    RowsStepForms,
    StateContext,
    plan_field_label,
    rows_formset,
    still_missing,
    tidy_formfield,
)

SWOT = ("strengths", "weaknesses", "opportunities", "threats")


class SituationForm(PlanFieldsForm):
    class Meta(PlanFieldsForm.Meta):
        fields = ["strengths", "weaknesses", "opportunities", "threats"]


class CompetitorForm(RowForm):
    columns = {"name": "col-md-5", "notes": "col-md-7"}

    class Meta:
        model = Competitor
        formfield_callback = tidy_formfield
        fields = ["name", "notes"]
        widgets = {"name": forms.TextInput, "notes": forms.Textarea(attrs={"rows": 2})}


class SituationForms(RowsStepForms):
    part = "competitors"
    parts = ("competitors",)
    formset_class = rows_formset(CompetitorForm)
    prefix = "competitors"
    plan_form_class = SituationForm
    row_label = _("Competitor")
    add_label = _("Add competitor")
    empty_text = _("No competitors yet. Who else talks to your customers on social media, and how?")

    @staticmethod
    def is_empty(plan: dict[str, Any], context: StateContext) -> bool:
        situation = plan.get("situation") or {}
        return not any(situation.get(part) for part in (*SWOT, "competitors"))

    @staticmethod
    def missing(plan: dict[str, Any], context: StateContext) -> str:
        situation = plan.get("situation") or {}
        labels = {"opportunities": _("opportunities")}  # the field's label adds "and market trends"
        return still_missing([labels.get(part) or plan_field_label(part) for part in SWOT if not situation.get(part)])
