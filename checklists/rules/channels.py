"""Rules on target groups, channels, the launch and content."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..content.sources import NINE_FACTORS, SOMEFAQ
from .base import MAX_PILOT_CHANNELS, MAX_PILOT_TARGET_GROUPS, Context, Severity, phase, rows, rule, texts

# --- target groups, channels, content --------------------------------------------------


@rule(
    "no_target_groups", Severity.ERROR, source=SOMEFAQ, step="target-groups", dimension="strategy",
    measures=[("faq-strategy", 1), ("sf-strategy", 2)],
)  # fmt: skip
def no_target_groups(plan: Mapping[str, Any], context: Context) -> list[str]:
    if rows(plan, "target_groups"):
        return []
    return [
        _(
            "The plan has no target group. Define whom you want to reach and what they need – before choosing "
            "channels, for example with Forrester's Social Technographics profile."
        )
    ]


@rule(
    "channel_without_target_group", Severity.WARNING, source=SOMEFAQ, step="channels", dimension="content",
    measures=[("faq-strategy", 2), ("faq-content", 0)],
)  # fmt: skip
def channel_without_target_group(plan: Mapping[str, Any], context: Context) -> list[str]:
    return [
        _(
            "The channel “%(channel)s” serves no target group. Choose channels only after the target groups and "
            "assign each channel the groups it is meant to reach."
        )
        % {"channel": channel.get("channel") or "?"}
        for channel in rows(plan, "channels")
        if not texts(channel.get("target_groups"))
    ]


@rule(
    "too_much_at_once", Severity.WARNING, source=SOMEFAQ, step="channels", dimension="organization",
    measures=[("faq-launch", 0), ("faq-launch", 1)],
)  # fmt: skip
def too_much_at_once(plan: Mapping[str, Any], context: Context) -> list[str]:
    pilot = [c for c in rows(plan, "channels") if phase(c) == 1]
    channels = {c.get("channel") for c in pilot}
    groups = {key for c in pilot for key in texts(c.get("target_groups"))}
    parts = []
    if len(channels) > MAX_PILOT_CHANNELS:
        parts.append(_("The pilot (phase 1) starts with %(count)d channels.") % {"count": len(channels)})
    if len(groups) > MAX_PILOT_TARGET_GROUPS:
        parts.append(_("The pilot (phase 1) addresses %(count)d target groups.") % {"count": len(groups)})
    if not parts:
        return []
    advice = _(
        "Launch step by step, or the organisation is quickly overwhelmed: start with one target group and one or "
        "two channels, learn from it, and move the rest to later phases."
    )
    return [" ".join([*parts, advice])]


@rule(
    "no_listening_phase", Severity.INFO, source=NINE_FACTORS, step="roadmap", dimension="dialogue",
    measures=[("sf-dialogue", 1), ("sf-dialogue", 2)],
)  # fmt: skip
def no_listening_phase(plan: Mapping[str, Any], context: Context) -> list[str]:
    if any(phase(row) == 0 for row in [*rows(plan, "channels"), *rows(plan, "milestones")]):
        return []
    return [
        _(
            "Nothing is planned for phase 0 (listening). Every conversation starts with listening: find out where "
            "the conversations that matter to you take place, whether you are already part of them and what is "
            "said – add a listening channel or milestone in phase 0."
        )
    ]


@rule(
    "monologue", Severity.WARNING, source=NINE_FACTORS, step="channels", dimension="dialogue",
    measures=[("sf-dialogue", 0), ("pitfall-no-engagement", 0), ("pitfall-no-engagement", 1)],
)  # fmt: skip
def monologue(plan: Mapping[str, Any], context: Context) -> list[str]:
    channels = rows(plan, "channels")
    if not channels or any(c.get("dialogue", True) for c in channels):
        return []
    return [
        _(
            "No channel is planned for dialogue. Social media is a conversation, not a loudspeaker: strike one-way "
            "broadcasting from the plan, answer comments and questions, and plan content that invites interaction."
        )
    ]


@rule(
    "no_content_plan", Severity.WARNING, source=NINE_FACTORS, step="content", dimension="content",
    measures=[("sf-transparency", 1), ("sf-transparency", 2), ("sf-transparency", 3)],
)  # fmt: skip
def no_content_plan(plan: Mapping[str, Any], context: Context) -> list[str]:
    if rows(plan, "content_themes"):
        return []
    return [
        _(
            "The plan has no content theme. Take stock of your in-house expertise, match it with the target "
            "groups' needs and plan themes: which content, for which target group, through which channels."
        )
    ]


@rule(
    "no_off_limits", Severity.INFO, source=NINE_FACTORS, step="content", dimension="content",
    measures=[("sf-transparency", 0)],
)  # fmt: skip
def no_off_limits(plan: Mapping[str, Any], context: Context) -> list[str]:
    if texts(plan.get("off_limits")):
        return []
    return [
        _(
            "Nothing is agreed as off limits. Clarify with management what must NOT be communicated (e.g. sales "
            "figures, internal strategy meetings) – then everything else can be shared openly."
        )
    ]
