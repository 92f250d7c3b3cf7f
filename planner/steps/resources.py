"""Resources (hours and budgets) and the review cycle."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .base import PlanFieldsForm, PlanFormStepForms, StateContext, plan_field_label, still_missing


class ResourcesForm(PlanFieldsForm):
    class Meta(PlanFieldsForm.Meta):
        fields = [
            "staff_hours_per_week",
            "paid_media_budget_eur",
            "tools_budget_eur",
            "review_cadence_months",
            "review_report_to",
        ]
        widgets = {"review_report_to": forms.TextInput}
        help_texts = {
            "staff_hours_per_week": _("All people together; social media is not done on the side."),
            "paid_media_budget_eur": _("For the whole plan; impact needs paid promotion too."),
            "review_cadence_months": _("Evaluate the KPIs at least every six months and adjust the plan."),
            "review_report_to": _("e.g. the management; report early successes, even small ones."),
        }


class ResourcesForms(PlanFormStepForms):
    def make_form(self) -> ResourcesForm:
        return ResourcesForm(self.data, instance=self.plan)

    @staticmethod
    def is_empty(plan: dict[str, Any], context: StateContext) -> bool:
        resources, review = plan.get("resources") or {}, plan.get("review") or {}
        values = [*resources.values(), review.get("cadence_months"), review.get("report_to")]
        return all(v in (None, "") for v in values)

    @staticmethod
    def missing(plan: dict[str, Any], context: StateContext) -> str:
        resources, review = plan.get("resources") or {}, plan.get("review") or {}
        parts = [] if resources.get("staff_hours_per_week") else [plan_field_label("staff_hours_per_week")]
        if not review.get("cadence_months"):
            parts.append(_("how often the KPIs are reviewed"))
        return still_missing(parts)
