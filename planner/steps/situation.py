"""Situation ("Bestandsaufnahme"): strengths, weaknesses, opportunities, threats, competitors."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Competitor
from .base import (
    COMPLETE,
    EMPTY,
    STARTED,
    PlanFieldsForm,
    RowForm,
    RowsStepForms,
    StateContext,
    rows_formset,
    tidy_formfield,
)


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
    formset_class = rows_formset(CompetitorForm)
    prefix = "competitors"
    plan_form_class = SituationForm
    row_label = _("Competitor")
    add_label = _("Add competitor")
    empty_text = _("No competitors yet. Who else talks to your customers on social media, and how?")

    @staticmethod
    def state(plan: dict[str, Any], context: StateContext) -> str:
        situation = plan.get("situation") or {}
        lists = [situation.get(part) for part in ("strengths", "weaknesses", "opportunities", "threats")]
        if all(lists):
            return COMPLETE
        if any(lists) or situation.get("competitors"):
            return STARTED
        return EMPTY
