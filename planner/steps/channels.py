"""Channels from the admin-curated catalogue, each with purpose, audience, goals and phase."""

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from checklists.models import Channel

from ..models import Plan, PlanChannel
from .base import (
    RowForm,
    RowsStepForms,
    StateContext,
    rows_formset,
    tidy_formfield,
)
from .fields import ReferenceField, ReferencesField, phase_field


class PlanChannelForm(RowForm):
    references = ("channel",)
    links = ("target_groups", "goals")
    columns = {
        "channel": "col-md-6",
        "phase": "col-md-6",
        "posts_per_week": "col-md-6",
        "dialogue": "col-md-6",
        "target_groups": "col-md-6",
        "goals": "col-md-6",
    }
    channel = ReferenceField(label=_("Channel"))
    phase = phase_field(_("rollout phase"))
    target_groups = ReferencesField(
        label=_("Target groups"), help_text=_("Tick at least one: whom do you reach here? Needed to complete the step.")
    )
    goals = ReferencesField(label=_("Goals"))

    class Meta:
        model = PlanChannel
        formfield_callback = tidy_formfield
        fields = ["phase", "purpose", "posts_per_week", "dialogue"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "dialogue": _("Do you answer and take part in conversations here, not only send?"),
            "phase": _("Start small: listen first, then a pilot with one or two channels."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["channel", "phase", "purpose", "posts_per_week", "dialogue", "target_groups", "goals"])


def channel_choices(plan: Plan) -> list[tuple[int, str]]:
    """The active channels, plus any inactive one the plan already uses."""
    catalogue = Channel.objects.filter(Q(active=True) | Q(pk__in=plan.channels.values("channel"))).distinct()
    return [(channel.pk, channel.name) for channel in catalogue]


class ChannelsForms(RowsStepForms):
    part = "channels"
    parts = ("channels__channel", "channels__target_groups", "channels__goals", "target_groups", "goals")
    formset_class = rows_formset(PlanChannelForm)
    prefix = "channels"
    row_label = _("Channel")
    add_label = _("Add channel")
    empty_text = _("No channels yet. Choose few: where do your target groups talk?")

    def form_kwargs(self) -> dict[str, Any]:
        choices = {
            "channel": [("", "---------"), *channel_choices(self.plan)],
            "target_groups": [(g.pk, g.name or g.key) for g in self.plan.target_groups.all()],
            "goals": [(g.pk, g.title or g.key) for g in self.plan.goals.all()],
        }
        return {"choices": choices}

    @staticmethod
    def is_empty(plan: dict[str, Any], context: StateContext) -> bool:
        return not plan.get("channels")

    @staticmethod
    def missing(plan: dict[str, Any], context: StateContext) -> str:
        channels = plan.get("channels") or []
        if not channels:
            return str(_("No channel yet."))
        without = sum(1 for channel in channels if not channel.get("target_groups"))
        if not without:
            return ""
        return ngettext(
            "%(count)d channel serves no target group yet: tick at least one for each.",
            "%(count)d channels serve no target group yet: tick at least one for each.",
            without,
        ) % {"count": without}
