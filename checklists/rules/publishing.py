"""Rules on target groups, channels, the launch and content."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..content.sources import HOW_NOT_TO, NINE_FACTORS, SOMEFAQ
from .base import (
    MAX_PILOT_CHANNELS,
    MAX_PILOT_TARGET_GROUPS,
    Context,
    Severity,
    fmt_list,
    phase,
    pilot_channels,
    posts,
    quoted,
    rows,
    rule,
    text,
    texts,
)

PROMOTIONAL = "promotional"
THEME_KINDS = {"educational", "inspiring", "dialogue", PROMOTIONAL}


def _channel_names(channels: list[Mapping[str, Any]], context: Context) -> list[str]:
    slugs = dict.fromkeys(c.get("channel") for c in channels)
    return [quoted(context.channel_name(slug)) for slug in slugs]


def _pilot_groups(plan: Mapping[str, Any]) -> list[str]:
    """The target groups the pilot channels serve, by name, each once."""
    names = {text(g.get("key")): text(g.get("name")) for g in rows(plan, "target_groups")}
    keys = dict.fromkeys(key for c in pilot_channels(plan) for key in texts(c.get("target_groups")))
    return [quoted(names.get(key) or key) for key in keys]


@rule(
    "no_target_groups", Severity.ERROR, source=SOMEFAQ, step="target-groups", dimension="strategy",
    measures=[("faq-strategy", 1), ("sf-strategy", 2)],
)  # fmt: skip
def no_target_groups(plan: Mapping[str, Any], context: Context) -> list[str]:
    if rows(plan, "target_groups"):
        return []
    return [
        _(
            "The plan has no target group. Define whom you want to reach and what they need – before you choose "
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
            "The channel %(channel)s serves no target group. Choose channels only after the target groups, and "
            "give each channel the groups it is meant to reach."
        )
        % {"channel": quoted(context.channel_name(channel.get("channel")))}
        for channel in rows(plan, "channels")
        if not texts(channel.get("target_groups"))
    ]


def _publishing_in_phase_0(plan: Mapping[str, Any], context: Context) -> str:
    """The sentence that says which "listening" channels publish, so count as launched ("" when none)."""
    publishing = [c for c in rows(plan, "channels") if phase(c) == 0 and posts(c) > 0]
    if not publishing:
        return ""
    return _("Channels in phase 0 that publish count as part of the pilot, not as listening: %(channels)s.") % {
        "channels": fmt_list(_channel_names(publishing, context))
    }


@rule(
    "too_much_at_once", Severity.WARNING, source=SOMEFAQ, step="channels", dimension="organization",
    measures=[("faq-launch", 0), ("faq-launch", 1)],
)  # fmt: skip
def too_much_at_once(plan: Mapping[str, Any], context: Context) -> list[str]:
    channels, groups = _channel_names(pilot_channels(plan), context), _pilot_groups(plan)
    sentences = []
    if len(channels) > MAX_PILOT_CHANNELS:
        sentences.append(
            _("The pilot starts with %(count)d channels at once: %(channels)s.")
            % {"count": len(channels), "channels": fmt_list(channels)}
        )
    if len(groups) > MAX_PILOT_TARGET_GROUPS:
        sentences.append(
            _("The pilot addresses %(count)d target groups at once: %(groups)s.")
            % {"count": len(groups), "groups": fmt_list(groups)}
        )
    if not sentences:
        return []
    sentences.append(_publishing_in_phase_0(plan, context))
    sentences.append(
        _(
            "Launch step by step, or the organisation is quickly overwhelmed: start with one target group and one "
            "channel, learn from it, and move the rest to later phases."
        )
    )
    return [" ".join(s for s in sentences if s)]


@rule(
    "pilot_not_focused", Severity.INFO, source=SOMEFAQ, step="channels", dimension="organization",
    measures=[("faq-launch", 0), ("faq-launch", 1)],
)  # fmt: skip
def pilot_not_focused(plan: Mapping[str, Any], context: Context) -> list[str]:
    channels, groups = _channel_names(pilot_channels(plan), context), _pilot_groups(plan)
    sentences = []
    if len(channels) == MAX_PILOT_CHANNELS:
        sentences.append(_("The pilot starts with two channels: %(channels)s.") % {"channels": fmt_list(channels)})
    if len(groups) == MAX_PILOT_TARGET_GROUPS:
        sentences.append(_("The pilot addresses two target groups: %(groups)s.") % {"groups": fmt_list(groups)})
    if not sentences:
        return []
    sentences.append(
        _(
            "The articles advise starting with one target group and one channel and gaining experience first. Two "
            "can work if the team has the time for both; otherwise move one to a later phase."
        )
    )
    return [" ".join(sentences)]


@rule(
    "no_listening_phase", Severity.INFO, source=NINE_FACTORS, step="roadmap", dimension="dialogue",
    measures=[("sf-dialogue", 1), ("sf-dialogue", 2)],
)  # fmt: skip
def no_listening_phase(plan: Mapping[str, Any], context: Context) -> list[str]:
    if any(phase(c) == 0 and posts(c) == 0 for c in rows(plan, "channels")):
        return []
    if any(phase(m) == 0 for m in rows(plan, "milestones")):
        return []
    sentences = [
        _(
            "Nothing is planned for listening (phase 0): no channel that only listens, and no milestone in phase 0. "
            "Every conversation starts with listening: find out where the conversations that matter to you take "
            "place, whether you are already part of them and what is being said."
        ),
        _publishing_in_phase_0(plan, context),
    ]
    return [" ".join(s for s in sentences if s)]


@rule(
    "monologue", Severity.WARNING, source=NINE_FACTORS, step="channels", dimension="dialogue",
    measures=[("sf-dialogue", 0), ("pitfall-no-engagement", 0), ("pitfall-no-engagement", 1)],
)  # fmt: skip
def monologue(plan: Mapping[str, Any], context: Context) -> list[str]:
    channels = rows(plan, "channels")

    def talks(channel: Mapping[str, Any]) -> bool:
        return channel.get("dialogue") is True and context.supports_dialogue(channel.get("channel"))

    pilot = pilot_channels(plan)
    if not channels:
        return []
    if not any(talks(c) for c in channels):
        sentences = [_("No channel is planned for dialogue.")]
    elif pilot and not any(talks(c) for c in pilot):
        sentences = [
            _("None of the pilot's channels is a dialogue channel: %(channels)s.")
            % {"channels": fmt_list(_channel_names(pilot, context))}
        ]
    else:
        return []
    one_way = [c for c in channels if c.get("dialogue") is True and not context.supports_dialogue(c.get("channel"))]
    if one_way:
        sentences.append(
            _("According to the channel catalogue these channels offer no way to reply: %(channels)s.")
            % {"channels": fmt_list(_channel_names(one_way, context))}
        )
    sentences.append(
        _(
            "Social media is a conversation, not a loudspeaker: strike one-way broadcasting from the plan, answer "
            "comments and questions, and plan content that invites people to take part."
        )
    )
    return [" ".join(sentences)]


@rule(
    "promotional_mix", Severity.WARNING, source=HOW_NOT_TO, step="content", dimension="content",
    measures=[("pitfall-wrong-mindset", 1), ("pitfall-no-engagement", 1), ("pitfall-boring", 0)],
)  # fmt: skip
def promotional_mix(plan: Mapping[str, Any], context: Context) -> list[str]:
    kinds = [theme.get("kind") for theme in rows(plan, "content_themes") if theme.get("kind") in THEME_KINDS]
    promotional = kinds.count(PROMOTIONAL)
    if len(kinds) < 2 or promotional * 2 <= len(kinds):
        return []
    return [
        _(
            "Of the %(count)d content themes with a kind, %(promotional)d are promotional. People tune out "
            "advertising, and social media is not there to tell them how great the company is: plan more themes "
            "that educate, inspire or start a conversation than themes that advertise."
        )
        % {"count": len(kinds), "promotional": promotional}
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
            "The plan has no content theme. Take stock of the expertise in your company, match it with the target "
            "groups' needs and plan themes: which content, for which target group, through which channels."
        )
    ]
