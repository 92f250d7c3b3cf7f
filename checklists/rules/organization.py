"""Rules on roles: one owner of your own with time for it, trainees who help, executives on board."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..content.sources import BOSSES, HOW_NOT_TO, NINE_FACTORS, SOMEFAQ, TWELVE_REASONS
from .base import MIN_OWNER_HOURS, Context, Severity, fmt_hours, language, number, part, role_label, rows, rule
from .reading import EXTERNAL, MANAGEMENT, TRAINEE, names_management, role_kind


def owners(plan: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [role for role in rows(plan, "roles") if role.get("is_owner") is True]


@rule(
    "no_owner", Severity.ERROR, source=NINE_FACTORS, step="roles", dimension="organization",
    measures=[("sf-persevere", 0), ("pitfall-unclear-roles", 0)],
)  # fmt: skip
def no_owner(plan: Mapping[str, Any], context: Context) -> list[str]:
    if owners(plan):
        return []
    return [
        _(
            "No one has overall responsibility. Name one person as the owner of social media – it is not a job to "
            "do on the side."
        )
    ]


@rule(
    "several_owners", Severity.WARNING, source=TWELVE_REASONS, step="roles", dimension="organization",
    measures=[("pitfall-unclear-roles", 0), ("sf-persevere", 0)],
)  # fmt: skip
def several_owners(plan: Mapping[str, Any], context: Context) -> list[str]:
    found = owners(plan)
    if len(found) <= 1:
        return []
    return [
        _(
            "%(count)d roles are marked as owner (%(names)s). Name exactly one person with overall responsibility "
            "and assign the other tasks clearly."
        )
        % {"count": len(found), "names": ", ".join(role_label(o) for o in found)}
    ]


@rule(
    "owner_is_intern", Severity.WARNING, source=SOMEFAQ, step="roles", dimension="organization",
    measures=[("faq-organization", 2), ("faq-organization", 0)],
)  # fmt: skip
def owner_is_intern(plan: Mapping[str, Any], context: Context) -> list[str]:
    return [
        _(
            "The owner is %(who)s, a role classed as a trainee (internship, apprenticeship, working student). "
            "Social media is not a job to hand to the intern: give the overall responsibility to an experienced "
            "person backed by management; trainees can help."
        )
        % {"who": role_label(owner)}
        for owner in owners(plan)
        if role_kind(owner, language(plan)) == TRAINEE
    ]


@rule(
    "owner_without_time", Severity.WARNING, source=NINE_FACTORS, step="roles", dimension="resources",
    measures=[("sf-customer-delight", 1), ("faq-missing-resources", 0)],
)  # fmt: skip
def owner_without_time(plan: Mapping[str, Any], context: Context) -> list[str]:
    messages = []
    for owner in owners(plan):
        hours = number(owner.get("hours_per_week"))
        if hours is None or hours >= MIN_OWNER_HOURS:
            continue
        messages.append(
            _(
                "The owner, %(who)s, has only %(hours)s a week for social media. It is not a side job: plan at "
                "least %(minimum)s a week for the person with overall responsibility, better more."
            )
            % {"who": role_label(owner), "hours": fmt_hours(hours), "minimum": fmt_hours(MIN_OWNER_HOURS)}
        )
    return messages


@rule(
    "intern_does_the_work", Severity.WARNING, source=HOW_NOT_TO, step="roles", dimension="organization",
    measures=[("pitfall-underestimated-effort", 0), ("faq-organization", 2)],
)  # fmt: skip
def intern_does_the_work(plan: Mapping[str, Any], context: Context) -> list[str]:
    owner_hours = [h for h in (number(o.get("hours_per_week")) for o in owners(plan)) if h is not None]
    if not owner_hours:
        return []  # no owner (no_owner) or no hours to compare with
    most = max(owner_hours)
    owner = next(o for o in owners(plan) if number(o.get("hours_per_week")) == most)
    messages = []
    for role in rows(plan, "roles"):
        hours = number(role.get("hours_per_week"))
        if role.get("is_owner") is True or hours is None or hours <= most:
            continue
        if role_kind(role, language(plan)) != TRAINEE:
            continue
        messages.append(
            _(
                "%(trainee)s, a trainee, works %(trainee_hours)s a week on social media, the owner, %(owner)s, "
                "only %(owner_hours)s. Do not leave the work to the intern to “see what they can pull off”: the "
                "person with overall responsibility needs the time to steer it, trainees support."
            )
            % {
                "trainee": role_label(role),
                "trainee_hours": fmt_hours(hours),
                "owner": role_label(owner),
                "owner_hours": fmt_hours(most),
            }
        )
    return messages


@rule(
    "agency_owns_it", Severity.WARNING, source=NINE_FACTORS, step="roles", dimension="organization",
    measures=[("faq-organization", 1), ("pitfall-wrong-agency", 0), ("pitfall-wrong-agency", 1)],
)  # fmt: skip
def agency_owns_it(plan: Mapping[str, Any], context: Context) -> list[str]:
    return [
        _(
            "The owner is %(who)s, from outside the company. An agency or a freelancer can help, but the overall "
            "responsibility belongs in the company: with a person of your own who knows the customers, speaks for "
            "the company and stays when the contract ends. Check that an agency knows your industry and shows "
            "real interaction on its own channels."
        )
        % {"who": role_label(owner)}
        for owner in owners(plan)
        if role_kind(owner, language(plan)) == EXTERNAL
    ]


@rule(
    "executives_not_involved", Severity.WARNING, source=BOSSES, step="roles", dimension="organization",
    measures=[("maturity-executives-on-board", 0), ("maturity-risk-of-not-using", 0)],
)  # fmt: skip
def executives_not_involved(plan: Mapping[str, Any], context: Context) -> list[str]:
    if any(role_kind(role, language(plan)) == MANAGEMENT for role in rows(plan, "roles")):
        return []
    report_to = part(plan, "review").get("report_to")
    if isinstance(report_to, str) and names_management(report_to):
        return []
    return [
        _(
            "No role belongs to management, and the results are not reported to management either. Get the "
            "executives on board: show them the opportunities, ask what the company risks if it does NOT use "
            "social media, and let them approve the goals and receive the reviews."
        )
    ]
