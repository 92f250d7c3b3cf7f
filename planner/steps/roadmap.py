"""Milestones of the rollout: listening, pilot, expansion."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Milestone
from .base import (
    COMPLETE,
    DATE_WIDGET,
    EMPTY,
    STARTED,
    RowForm,
    RowsStepForms,
    StateContext,
    phase_field,
    rows_formset,
    tidy_formfield,
)


class MilestoneForm(RowForm):
    columns = {"title": "col-md-12", "phase": "col-md-4", "start": "col-md-4", "end": "col-md-4"}
    phase = phase_field(_("phase"))

    class Meta:
        model = Milestone
        formfield_callback = tidy_formfield
        fields = ["title", "phase", "start", "end"]
        widgets = {"title": forms.TextInput, "start": DATE_WIDGET, "end": DATE_WIDGET}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "start", "end"):
            self.fields[name].required = True


class RoadmapForms(RowsStepForms):
    part = "milestones"
    formset_class = rows_formset(MilestoneForm)
    prefix = "milestones"
    row_label = _("Milestone")
    add_label = _("Add milestone")
    empty_text = _("No milestones yet. Plan a listening phase, then a pilot, then the expansion.")

    @staticmethod
    def state(plan: dict[str, Any], context: StateContext) -> str:
        milestones = plan.get("milestones") or []
        if not milestones:
            return EMPTY
        return STARTED if any(not (m.get("start") and m.get("end")) for m in milestones) else COMPLETE
