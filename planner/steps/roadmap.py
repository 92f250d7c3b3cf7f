"""Milestones of the rollout: listening, pilot, expansion."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import Milestone
from .base import (
    PlanPeriod,
    RowForm,
    RowsStepForms,
    StateContext,
    rows_formset,
    tidy_formfield,
)
from .fields import phase_field


class MilestoneForm(RowForm):
    columns = {"title": "col-md-7", "phase": "col-md-5", "start": "col-md-6", "end": "col-md-6"}
    phase = phase_field(_("phase"))

    class Meta:
        model = Milestone
        formfield_callback = tidy_formfield
        fields = ["title", "phase", "start", "end"]
        widgets = {"title": forms.TextInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "start", "end"):
            self.fields[name].required = True


class RoadmapForms(RowsStepForms):
    part = "milestones"
    parts = ("milestones",)
    formset_class = rows_formset(MilestoneForm)
    prefix = "milestones"
    row_label = _("Milestone")
    add_label = _("Add milestone")
    empty_text = _("No milestones yet. Plan a listening phase, then a pilot, then the expansion.")

    def context(self) -> dict[str, Any]:
        return {**super().context(), "period": PlanPeriod.of(self.plan).help_text()}

    @staticmethod
    def is_empty(plan: dict[str, Any], context: StateContext) -> bool:
        return not plan.get("milestones")

    @staticmethod
    def missing(plan: dict[str, Any], context: StateContext) -> str:
        milestones = plan.get("milestones") or []
        if not milestones:
            return str(_("No milestone yet."))
        undated = sum(1 for m in milestones if not (m.get("start") and m.get("end")))
        if not undated:
            return ""
        return ngettext(
            "%(count)d milestone has no start or end date yet.",
            "%(count)d milestones have no start or end date yet.",
            undated,
        ) % {"count": undated}
