"""Content themes (which groups, which channels, which formats, whose expertise) and what
must not be published."""

from collections import Counter
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import ContentTheme, Plan
from .base import (
    PlanFieldsForm,
    RowForm,
    RowsStepForms,
    StateContext,
    rows_formset,
    still_missing,
    tidy_formfield,
)
from .fields import ReferencesField


class OffLimitsForm(PlanFieldsForm):
    class Meta(PlanFieldsForm.Meta):
        fields = ["off_limits"]
        help_texts = {
            "off_limits": _(
                "Agree with the management what must not go out, e.g. sales figures or internal strategy "
                "meetings. One entry per line."
            )
        }


class ContentThemeForm(RowForm):
    links = ("target_groups", "channels")
    columns = {
        "title": "col-md-7",
        "kind": "col-md-5",
        "target_groups": "col-md-6",
        "channels": "col-md-6",
        "formats": "col-md-6",
        "expert_source": "col-md-6",
    }
    target_groups = ReferencesField(label=_("Target groups"))
    channels = ReferencesField(label=_("Channels"))

    class Meta:
        model = ContentTheme
        formfield_callback = tidy_formfield
        fields = ["title", "kind", "description", "formats", "expert_source"]
        widgets = {
            "title": forms.TextInput,
            "description": forms.Textarea(attrs={"rows": 2}),
            "expert_source": forms.TextInput,
        }
        help_texts = {
            "expert_source": _("Which expert in the company knows this topic best?"),
            "formats": _("One per line, e.g. article, video, checklist."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = True
        self.order_fields(["title", "kind", "description", "target_groups", "channels", "formats", "expert_source"])


class ContentForms(RowsStepForms):
    template = "planner/steps/content.html"
    part = "content_themes"
    parts = ("content_themes__target_groups", "content_themes__channels", "channels__channel", "target_groups")
    formset_class = rows_formset(ContentThemeForm)
    prefix = "themes"
    plan_form_class = OffLimitsForm
    row_label = _("Content theme")
    add_label = _("Add content theme")
    empty_text = _("No themes yet. Match your experts' knowledge with your target groups' needs.")

    def form_kwargs(self) -> dict[str, Any]:
        choices = {
            "channels": theme_channel_choices(self.plan),
            "target_groups": [(g.pk, g.name or g.key) for g in self.plan.target_groups.all()],
        }
        return {"choices": choices}

    def context(self) -> dict[str, Any]:
        return {**super().context(), "mix": content_mix(list(self.rows.get_queryset()))}

    @staticmethod
    def is_empty(plan: dict[str, Any], context: StateContext) -> bool:
        return not (plan.get("content_themes") or plan.get("off_limits"))

    @staticmethod
    def missing(plan: dict[str, Any], context: StateContext) -> str:
        parts = [] if plan.get("content_themes") else [_("a content theme")]
        if not plan.get("off_limits"):
            parts.append(_("what must not be published"))
        return still_missing(parts)


def theme_channel_choices(plan: Plan) -> list[tuple[int, str]]:
    """The channels the plan uses (a theme is published where the plan is active), plus any other
    channel one of its themes already names (from a plan file), so saving an unchanged step never fails."""
    offered = {c.channel_id: c.channel.name for c in plan.channels.all()}
    named = {channel.pk: channel.name for theme in plan.content_themes.all() for channel in theme.channels.all()}
    return [*offered.items(), *((pk, name) for pk, name in named.items() if pk not in offered)]


def content_mix(themes: list[ContentTheme]) -> list[dict[str, Any]]:
    """Share of each kind among the themes, for the step's mix bar and the overview."""
    counts = Counter(theme.kind for theme in themes if theme.kind)
    total = sum(counts.values())
    return [
        {"kind": kind, "label": label, "count": counts[kind], "percent": round(100 * counts[kind] / total)}
        for kind, label in ContentTheme.Kind.choices
        if total and counts[kind]
    ]
