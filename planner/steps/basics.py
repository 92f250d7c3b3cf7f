"""The plan's frame: title, organization, language, market, start and horizon."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..selectors import editable_organizations_for_user
from .base import PlanFieldsForm, PlanFormStepForms, StateContext, plan_field_label, still_missing
from .fields import ReferenceField


class PlanBasicsForm(PlanFieldsForm):
    """The basics of a new or existing plan; ``organizations`` are those the user may edit in."""

    references = ("organization",)
    organization = ReferenceField(label=_("organization"))

    class Meta(PlanFieldsForm.Meta):
        fields = ["title", "language", "industry", "start_date", "horizon_months", "summary"]
        widgets = {
            "industry": forms.TextInput,
            "summary": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "horizon_months": _("First results take 6 to 12 months; plan at least that long."),
            "language": _("The language of the plan and its report."),
        }

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [(o.pk, o.name) for o in organizations]
        if self.instance.pk:
            self.initial.setdefault("organization", self.instance.organization_id)
        self.order_fields(["title", "organization"])
        self.fields["start_date"].required = True
        self.fields["horizon_months"].required = True


class BasicsForms(PlanFormStepForms):
    def make_form(self) -> PlanBasicsForm:
        return PlanBasicsForm(self.data, instance=self.plan, organizations=editable_organizations_for_user(self.user))

    @staticmethod
    def is_empty(plan: dict[str, Any], context: StateContext) -> bool:
        return False  # a plan has a title from the start

    @staticmethod
    def missing(plan: dict[str, Any], context: StateContext) -> str:
        return still_missing(
            [plan_field_label(name) for name in ("title", "start_date", "horizon_months") if not plan.get(name)]
        )
