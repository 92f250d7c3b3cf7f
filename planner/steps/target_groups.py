"""Target groups with their Social Technographics profile (Forrester's ladder)."""

from typing import Any

from django import forms
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from checklists.rules.base import fmt_list, quoted, text

from ..models import TECHNOGRAPHICS, TargetGroup
from .base import (
    RowForm,
    RowsStepForms,
    StateContext,
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
            "description": forms.Textarea(attrs={"rows": 2}),
            "needs": forms.Textarea(attrs={"rows": 2}),
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
    parts = ("target_groups",)
    formset_class = rows_formset(TargetGroupForm)
    prefix = "groups"
    row_template = "planner/steps/_target_group.html"
    row_label = _("Target group")
    add_label = _("Add target group")
    empty_text = _("No target groups yet. Whom do you want to reach, and what do they need?")

    @staticmethod
    def is_empty(plan: dict[str, Any], context: StateContext) -> bool:
        return not plan.get("target_groups")

    @staticmethod
    def missing(plan: dict[str, Any], context: StateContext) -> str:
        groups = plan.get("target_groups") or []
        if not groups:
            return str(_("No target group yet."))
        without = [
            quoted(text(group.get("name")) or gettext("no. %(n)d") % {"n": n})
            for n, group in enumerate(groups, start=1)
            if not group.get("technographics")
        ]
        if not without:
            return ""
        return ngettext(
            "The target group %(groups)s has no Social Technographics profile yet (at least one share).",
            "The target groups %(groups)s have no Social Technographics profile yet (at least one share each).",
            len(without),
        ) % {"groups": fmt_list(without)}
