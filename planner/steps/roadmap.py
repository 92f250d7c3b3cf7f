"""Milestones of the rollout: listening, pilot, expansion."""

from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from ..forms import DATE_WIDGET
from ..models import Milestone, Plan
from .base import COMPLETE, EMPTY, STARTED, RowsStepForms, phase_field, rows_formset


class MilestoneForm(forms.ModelForm):
    columns = {"title": "col-md-12", "phase": "col-md-4", "start": "col-md-4", "end": "col-md-4"}
    phase = phase_field(_("phase"))

    class Meta:
        model = Milestone
        fields = ["title", "phase", "start", "end"]
        widgets = {"title": forms.TextInput, "start": DATE_WIDGET, "end": DATE_WIDGET}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "start", "end"):
            self.fields[name].required = True


class RoadmapForms(RowsStepForms):
    formset_class = rows_formset(Milestone, MilestoneForm)
    prefix = "milestones"
    row_label = _("Milestone")
    add_label = _("Add milestone")
    empty_text = _("No milestones yet. Plan a listening phase, then a pilot, then the expansion.")

    @staticmethod
    def state(plan: Plan) -> str:
        counts = plan.milestones.aggregate(
            total=Count("pk"), undated=Count("pk", filter=Q(start__isnull=True) | Q(end__isnull=True))
        )
        if not counts["total"]:
            return EMPTY
        return STARTED if counts["undated"] else COMPLETE
