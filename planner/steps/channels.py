"""Channels from the admin-curated catalogue, each with purpose, audience, goals and phase."""

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from checklists.models import Channel

from ..models import Plan, PlanChannel
from .base import (
    COMPLETE,
    EMPTY,
    STARTED,
    RowsStepForms,
    StateContext,
    TidyNumberInput,
    phase_field,
    rows_formset,
    share_choices,
    tidy_formfield,
)


class PlanChannelForm(forms.ModelForm):
    columns = {
        "channel": "col-md-6",
        "phase": "col-md-6",
        "posts_per_week": "col-md-6",
        "dialogue": "col-md-6",
        "target_groups": "col-md-6",
        "goals": "col-md-6",
    }
    phase = phase_field(_("rollout phase"))

    class Meta:
        model = PlanChannel
        formfield_callback = tidy_formfield
        fields = ["channel", "phase", "purpose", "posts_per_week", "dialogue", "target_groups", "goals"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 2}),
            "target_groups": forms.CheckboxSelectMultiple,
            "goals": forms.CheckboxSelectMultiple,
            "posts_per_week": TidyNumberInput(attrs={"min": 0, "max": 100, "step": "0.5"}),
        }
        help_texts = {
            "dialogue": _("Do you answer and take part in conversations here, not only send?"),
            "phase": _("Start small: listen first, then a pilot with one or two channels."),
        }

    def __init__(self, *args, plan: Plan, choices: dict[str, Any], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].queryset = choices["channel_qs"]
        self.fields["target_groups"].queryset = plan.target_groups.all()
        self.fields["goals"].queryset = plan.goals.all()
        for name in ("channel", "target_groups", "goals"):
            share_choices(self.fields[name], choices[name])


def channel_catalogue(plan: Plan):
    """The active channels, plus any inactive one the plan already uses."""
    return Channel.objects.filter(Q(active=True) | Q(pk__in=plan.channels.values("channel"))).distinct()


class ChannelsForms(RowsStepForms):
    formset_class = rows_formset(PlanChannel, PlanChannelForm)
    prefix = "channels"
    prefetch = ("target_groups", "goals")
    row_label = _("Channel")
    add_label = _("Add channel")
    empty_text = _("No channels yet. Choose few: where do your target groups talk?")

    def form_kwargs(self) -> dict[str, Any]:
        catalogue = channel_catalogue(self.plan)
        choices = {
            "channel_qs": catalogue,
            "channel": [("", "---------"), *[(c.pk, c.name) for c in catalogue]],
            "target_groups": [(g.pk, g.name or g.key) for g in self.plan.target_groups.all()],
            "goals": [(g.pk, g.title or g.key) for g in self.plan.goals.all()],
        }
        return {"plan": self.plan, "choices": choices}

    @staticmethod
    def state(plan: dict[str, Any], context: StateContext) -> str:
        channels = plan.get("channels") or []
        if not channels:
            return EMPTY
        return STARTED if any(not channel.get("target_groups") for channel in channels) else COMPLETE
