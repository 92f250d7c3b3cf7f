"""Target groups with their Social Technographics profile (Forrester's ladder)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import TECHNOGRAPHICS, TargetGroup
from .base import (
    COMPLETE,
    EMPTY,
    STARTED,
    RowForm,
    RowsStepForms,
    StateContext,
    TidyNumberInput,
    rows_formset,
    tidy_formfield,
)

RUNG_HELP = {
    "creators": _("publish blogs, videos or articles"),
    "conversationalists": _("post updates and talk in networks"),
    "critics": _("write reviews, ratings and comments"),
    "collectors": _("save, tag and share links and feeds"),
    "joiners": _("keep profiles in social networks"),
    "spectators": _("read, watch and listen, without posting"),
    "inactives": _("do none of this"),
}


class TargetGroupForm(RowForm):
    columns = {"name": "col-md-9", "priority": "col-md-3", "description": "col-md-6", "needs": "col-md-6"}

    class Meta:
        model = TargetGroup
        formfield_callback = tidy_formfield
        fields = ["name", "priority", "description", "needs", *TECHNOGRAPHICS]
        widgets = {
            "name": forms.TextInput,
            "priority": TidyNumberInput(attrs={"min": 1, "max": 5}),
            "description": forms.Textarea(attrs={"rows": 2}),
            "needs": forms.Textarea(attrs={"rows": 2}),
            **{rung: TidyNumberInput(attrs={"min": 0, "max": 100}) for rung in TECHNOGRAPHICS},
        }
        help_texts = {
            "priority": _("1 = highest"),
            "needs": _("What do they need from you? Look at it from their side."),
            **RUNG_HELP,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = True

    def profile_fields(self) -> list[forms.BoundField]:
        return [self[rung] for rung in TECHNOGRAPHICS]


class TargetGroupsForms(RowsStepForms):
    part = "target_groups"
    formset_class = rows_formset(TargetGroupForm)
    prefix = "groups"
    row_template = "planner/steps/_target_group.html"
    row_label = _("Target group")
    add_label = _("Add target group")
    empty_text = _("No target groups yet. Whom do you want to reach, and what do they need?")

    @staticmethod
    def state(plan: dict[str, Any], context: StateContext) -> str:
        groups = plan.get("target_groups") or []
        if not groups:
            return EMPTY
        return STARTED if any(not group.get("technographics") for group in groups) else COMPLETE
