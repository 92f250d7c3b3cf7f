"""The wizard's steps, in order: what each edits, how it validates and saves, its state,
and why it matters (from the articles). The wizard's state is the plan in the database;
a step's unsaved input lives in a StepDraft row until it is saved."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from checklists.models import ChecklistItem

from .base import COMPLETE, EMPTY, STARTED, StateContext, Step, StepForms, TooManyRowsError
from .basics import BasicsForms
from .channels import ChannelsForms
from .checklist import ChecklistForms
from .content import ContentForms
from .goals import GoalsForms
from .guidelines import GuidelinesForms
from .resources import ResourcesForms
from .roadmap import RoadmapForms
from .roles import RolesForms
from .situation import SituationForms
from .target_groups import TargetGroupsForms

__all__ = [
    "COMPLETE",
    "EMPTY",
    "STARTED",
    "STEPS",
    "STEP_BY_SLUG",
    "Step",
    "StepForms",
    "TooManyRowsError",
    "completeness",
    "neighbours",
    "step_missing",
    "step_or_404",
    "step_states",
]

STEPS: list[Step] = [
    Step(
        "basics",
        _("Basics"),
        _(
            "Strategy comes before tools. Companies that start without a plan and just "
            '"do something on Facebook" scatter their effort; a clear frame of time, '
            "market and purpose lets the goals set the direction."
        ),
        BasicsForms,
    ),
    Step(
        "situation",
        _("Situation"),
        _(
            "Before choosing measures, take stock: your internal strengths and weaknesses, the market "
            "trends and what your competitors do. Customers only talk about you when products, service "
            "or processes are better than average."
        ),
        SituationForms,
    ),
    Step(
        "goals",
        _("Goals and KPIs"),
        _(
            "Without clear goals and an agreed return on investment, social media stays scattershot "
            "posting. Define the goals together with management and give each a measurable KPI "
            "(mentions, sentiment, engagement, referral traffic, repurchase rate, ...)."
        ),
        GoalsForms,
    ),
    Step(
        "target-groups",
        _("Target groups"),
        _(
            "Only if you know your target group and its needs can you create content that is relevant to "
            "it. Always start from the target group's point of view, not the company's; the Social "
            "Technographics profile shows how the group uses social media."
        ),
        TargetGroupsForms,
    ),
    Step(
        "channels",
        _("Channels"),
        _(
            "The instruments come last, after goal and target group. Introduce them step by step: listen "
            "first where the conversations happen, then start a pilot with one target group and one or "
            "two channels. Sending without a back channel does not work in social media."
        ),
        ChannelsForms,
    ),
    Step(
        "content",
        _("Content"),
        _(
            "Storytelling and unique content decide success; what is already on the website or in the "
            "press draws no attention. Match your experts' knowledge with the target groups' needs, and "
            "agree with management what must not be published."
        ),
        ContentForms,
    ),
    Step(
        "roles",
        _("Roles"),
        _(
            "Social media is not done on the side, and it is not a job for the intern. You must name one "
            "person with overall responsibility, and social media must be wanted from the top down and from "
            "the bottom up: the more employees take part in the dialogue, the more the company is noticed."
        ),
        RolesForms,
    ),
    Step(
        "guidelines",
        _("Guidelines"),
        _(
            "Guidelines give employees the confidence to speak for the company: tone, how to handle "
            "mistakes, what stays confidential and how to escalate a crisis. Mistakes are allowed as long "
            "as you stand by them."
        ),
        GuidelinesForms,
    ),
    Step(
        "roadmap",
        _("Roadmap"),
        _(
            "A roadmap helps you keep the goal in sight and stay on course. Not too much at once, or the "
            "organisation is quickly overwhelmed; allow 6 to 12 months before the first results show."
        ),
        RoadmapForms,
    ),
    Step(
        "resources",
        _("Resources and review"),
        _(
            "If you want a lot but provide no resources, you will not reach your goal: social media is a lot "
            "of work, and impact needs a budget for paid media. Evaluate the KPIs at least every six months, "
            "report even small early successes and feed the results back into the strategy."
        ),
        ResourcesForms,
    ),
    Step(
        "checklist",
        _("Checklist"),
        _(
            "The articles name what makes companies succeed in social media and where they fail. Go through "
            "each success factor and pitfall honestly: the weakest area decides how mature your social media "
            "is, not the average, and every open item is a measure for your roadmap."
        ),
        ChecklistForms,
    ),
]
STEP_BY_SLUG = {step.slug: step for step in STEPS}


def step_or_404(slug: str) -> Step:
    try:
        return STEP_BY_SLUG[slug]
    except KeyError:
        raise Http404 from None


def state_context() -> StateContext:
    active = ChecklistItem.objects.filter(active=True).values_list("slug", flat=True)
    return StateContext(active_items=frozenset(active))


def step_states(document: dict[str, Any], context: StateContext | None = None) -> list[tuple[Step, str]]:
    """Each step's state, from a plan-file document (no queries when a context is given)."""
    context = context or state_context()
    plan = document.get("plan") or {}
    return [(step, step.forms.state(plan, context)) for step in STEPS]


def step_missing(document: dict[str, Any], context: StateContext | None = None) -> dict[str, str]:
    """What each step still lacks to be complete, in one line, by the step's slug ("" when complete)."""
    context = context or state_context()
    plan = document.get("plan") or {}
    return {step.slug: step.forms.missing(plan, context) for step in STEPS}


def neighbours(slug: str) -> tuple[Step | None, Step | None]:
    index = [s.slug for s in STEPS].index(slug)
    previous = STEPS[index - 1] if index > 0 else None
    following = STEPS[index + 1] if index + 1 < len(STEPS) else None
    return previous, following


def completeness(states: list[tuple[Step, str]]) -> int:
    """Percent of the steps that are complete (a started step counts half)."""
    points = sum(2 if state == COMPLETE else 1 if state == STARTED else 0 for _, state in states)
    return round(100 * points / (2 * len(states)))
