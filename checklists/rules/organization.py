"""Rules on roles, resources, guidelines and the review cycle."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..content.sources import BOSSES, NINE_FACTORS, SOMEFAQ, TWELVE_REASONS
from .base import MAX_REVIEW_CADENCE_MONTHS, Context, Severity, number, part, rows, rule

INTERN = re.compile(
    r"\b(intern|interns|internship|trainee\w*|praktikant\w*|azubi\w*|auszubildende\w*|werkstudent\w*|volontär\w*)\b",
    re.IGNORECASE,
)
EXECUTIVE = re.compile(
    r"\b(geschäftsführ\w*|geschäftsleitung|unternehmensleitung|firmenleitung|vorstand\w*|vorständin|inhaber\w*|"
    r"gründer\w*|chef|chefin|chefetage|c-level|c-suite|ceo|cfo|coo|cmo|cto|cdo|managing director\w*|"
    r"executive board|executive team|board of directors|management board|management team|"
    r"(?:top|senior|upper|general)[- ]?management|founder\w*|owner-manager|president|präsident\w*)\b"
    r"|^\s*(?:the\s+)?management\s*$",
    re.IGNORECASE,
)


# --- roles, resources, guidelines, review ----------------------------------------------


def _owners(plan: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [role for role in rows(plan, "roles") if role.get("is_owner") is True]


@rule(
    "no_owner", Severity.ERROR, source=NINE_FACTORS, step="roles", dimension="organization",
    measures=[("sf-persevere", 0)],
)  # fmt: skip
def no_owner(plan: Mapping[str, Any], context: Context) -> list[str]:
    if _owners(plan):
        return []
    return [
        _(
            "No one has overall responsibility. Name one person as the owner of social media – it is not a job "
            "to do on the side."
        )
    ]


@rule(
    "several_owners", Severity.WARNING, source=TWELVE_REASONS, step="roles", dimension="organization",
    measures=[("pitfall-unclear-roles", 0), ("sf-persevere", 0)],
)  # fmt: skip
def several_owners(plan: Mapping[str, Any], context: Context) -> list[str]:
    owners = _owners(plan)
    if len(owners) <= 1:
        return []
    names = ", ".join(o.get("person") or o.get("title") or "?" for o in owners)
    return [
        _(
            "%(count)d roles are marked as owner (%(names)s). Name exactly one person with overall "
            "responsibility and assign the other tasks clearly."
        )
        % {"count": len(owners), "names": names}
    ]


@rule(
    "owner_is_intern", Severity.WARNING, source=SOMEFAQ, step="roles", dimension="organization",
    measures=[("faq-organization", 2), ("faq-organization", 0)],
)  # fmt: skip
def owner_is_intern(plan: Mapping[str, Any], context: Context) -> list[str]:
    return [
        _(
            "The owner “%(person)s” is “%(title)s”. Social media is not a job to hand to an intern or trainee: "
            "give the overall responsibility to an experienced person backed by management; trainees can help."
        )
        % {"person": owner.get("person") or "?", "title": owner.get("title")}
        for owner in _owners(plan)
        if INTERN.search(owner.get("title") or "")
    ]


@rule(
    "executives_not_involved", Severity.INFO, source=BOSSES, step="roles", dimension="organization",
    measures=[("maturity-executives-on-board", 0), ("maturity-risk-of-not-using", 0)],
)  # fmt: skip
def executives_not_involved(plan: Mapping[str, Any], context: Context) -> list[str]:
    names = [role.get(key) or "" for role in rows(plan, "roles") for key in ("title", "person")]
    names.append(part(plan, "review").get("report_to") or "")
    if any(EXECUTIVE.search(name) for name in names):
        return []
    return [
        _(
            "No role and no report recipient is from management. Get the executives on board: show them the "
            "opportunities, ask what the company risks if it does NOT use social media, and let them approve the "
            "goals and receive the reviews."
        )
    ]


@rule(
    "no_resources", Severity.WARNING, source=SOMEFAQ, step="resources", dimension="resources",
    measures=[("faq-missing-resources", 0), ("faq-missing-resources", 1)],
)  # fmt: skip
def no_resources(plan: Mapping[str, Any], context: Context) -> list[str]:
    planned = number(part(plan, "resources").get("staff_hours_per_week"))
    if planned is None:  # not filled in: the roles' hours count
        planned = sum(number(role.get("hours_per_week")) or 0 for role in rows(plan, "roles"))
    if planned > 0:
        return []
    return [
        _(
            "No staff hours are planned. Social media is a lot of work: commit working hours per week, and a "
            "budget for paid media if you want impact."
        )
    ]


@rule(
    "no_guidelines", Severity.WARNING, source=TWELVE_REASONS, step="guidelines", dimension="culture",
    measures=[("pitfall-no-guidelines", 0), ("sf-marketing-hat-off", 1)],
)  # fmt: skip
def no_guidelines(plan: Mapping[str, Any], context: Context) -> list[str]:
    if any((g.get("topic") or "").strip() or (g.get("text") or "").strip() for g in rows(plan, "guidelines")):
        return []
    return [
        _(
            "The plan has no guidelines. Agree short, clear social media guidelines before the start – tone, "
            "mistakes, confidentiality, crisis, legal: they avoid legal risks and tell employees how to act for "
            "the company."
        )
    ]


@rule(
    "no_review_cycle", Severity.WARNING, source=NINE_FACTORS, step="resources", dimension="measurement",
    measures=[("sf-strategy", 6), ("sf-persevere", 3)],
)  # fmt: skip
def no_review_cycle(plan: Mapping[str, Any], context: Context) -> list[str]:
    cadence = part(plan, "review").get("cadence_months")
    if isinstance(cadence, int) and cadence <= MAX_REVIEW_CADENCE_MONTHS:
        return []
    advice = _(
        "Evaluate the KPIs in detail at least every six months, feed the results back into the strategy and "
        "report even small first successes."
    )
    if isinstance(cadence, int):
        return [_("The KPIs are reviewed only every %(months)d months.") % {"months": cadence} + " " + advice]
    return [_("No review cycle is planned.") + " " + advice]
