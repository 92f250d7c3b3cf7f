"""The executive summary's own parts: the channels by phase and what the executives are asked to decide,
with numbers and amounts as the active language writes them (as the screen does)."""

from __future__ import annotations

from typing import Any

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def number_text(value: float) -> str:
    """A number as the active language writes it, grouped: "1.234,50", "1,234.50", "31"."""
    return str(floatformat(value, "-2g"))


def money_text(value: float) -> str:
    """An amount in euros as the screen writes it, in the active language: "1.200 €", "1,200 €"."""
    return f"{number_text(value)} €"


def phase_name(phase: int) -> str:
    if phase == 0:
        return _("Phase 0 · listening")
    if phase == 1:
        return _("Phase 1 · pilot")
    return _("Phase %(phase)s") % {"phase": phase}


def channels_by_phase(plan: dict[str, Any], channel_names: dict[str, str]) -> list[dict[str, Any]]:
    """The plan's channels by rollout phase, for the summary."""
    phases: dict[int, list[str]] = {}
    for channel in sorted(plan.get("channels", []), key=lambda c: (c.get("phase", 1), c.get("channel", ""))):
        slug = channel.get("channel", "")
        phases.setdefault(channel.get("phase", 1), []).append(channel_names.get(slug, slug))
    return [{"phase": phase, "label": phase_name(phase), "names": names} for phase, names in phases.items()]


def decisions(
    *,
    number: int | None,
    approval: dict[str, Any] | None,
    resources: dict[str, Any],
    role_hours: float,
    channels: list[dict[str, Any]],
    critical: int,
    review: dict[str, Any],
) -> list[str]:
    """What the summary asks the executives to decide: the version, the budget, the staff time, the pilot
    channels, the critical findings and the review cycle, each where the plan has it."""
    asked = []
    if number and not (approval and approval.get("covers")):
        asked.append(_("Approve version %(number)s of this strategy.") % {"number": number})
    paid = resources.get("paid_media_budget_eur") or 0
    tools = resources.get("tools_budget_eur") or 0
    if paid or tools:
        asked.append(
            _("Release a budget of %(total)s: %(paid)s for paid media and %(tools)s for tools.")
            % {"total": money_text(paid + tools), "paid": money_text(paid), "tools": money_text(tools)}
        )
    hours = resources.get("staff_hours_per_week")
    if hours:
        asked.append(
            _("Commit %(hours)s staff hours a week (%(assigned)s of them assigned to roles).")
            % {"hours": number_text(hours), "assigned": number_text(role_hours)}
        )
    pilot = next((phase["names"] for phase in channels if phase["phase"] == 1), [])
    if pilot:
        asked.append(_("Agree on the pilot channels: %(channels)s.") % {"channels": ", ".join(pilot)})
    if critical:
        asked.append(
            ngettext(
                "Settle the critical finding before the start.",
                "Settle the %(count)s critical findings before the start.",
                critical,
            )
            % {"count": critical}
        )
    months = review.get("cadence_months")
    if months and review.get("report_to"):
        asked.append(
            ngettext(
                "Agree on a monthly review, reported to %(to)s.",
                "Agree on a review every %(months)s months, reported to %(to)s.",
                months,
            )
            % {"months": months, "to": review["report_to"]}
        )
    elif months:
        asked.append(
            ngettext("Agree on a monthly review.", "Agree on a review every %(months)s months.", months)
            % {"months": months}
        )
    return asked
