"""Guidelines for everyone who speaks for the company, started from curated templates."""

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from checklists.models import GuidelineTemplate

from ..models import Guideline
from .base import RowForm, RowsStepForms, StateContext, rows_formset, tidy_formfield


class GuidelineForm(RowForm):
    class Meta:
        model = Guideline
        formfield_callback = tidy_formfield
        fields = ["topic", "text"]
        widgets = {"topic": forms.TextInput, "text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].required = True


class GuidelinesForms(RowsStepForms):
    template = "planner/steps/guidelines.html"
    part = "guidelines"
    parts = ("guidelines",)
    formset_class = rows_formset(GuidelineForm)
    prefix = "guidelines"
    row_label = _("Guideline")
    add_label = _("Add an empty guideline")
    empty_text = _("No guidelines yet. Start from a template below and adapt it to your company.")

    def context(self) -> dict[str, Any]:
        return {**super().context(), "guideline_templates": GuidelineTemplate.objects.filter(active=True)}

    def row_initial(self, params: QueryDict) -> dict[str, Any] | None:
        template = GuidelineTemplate.objects.filter(active=True, slug=params.get("template", "")).first()
        if template is None:
            return None
        with translation.override(self.plan.language):
            return {"topic": template.topic, "text": template.text}

    @staticmethod
    def is_empty(plan: dict[str, Any], context: StateContext) -> bool:
        return not plan.get("guidelines")

    @staticmethod
    def missing(plan: dict[str, Any], context: StateContext) -> str:
        return "" if plan.get("guidelines") else str(_("No guideline yet."))
