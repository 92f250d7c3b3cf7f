"""The maturity score: what the plan's own data says (the plan check) and what the company says of
itself (the checklist), kept apart; a dimension is the lower of the two. The method is described
in docs/scoring.md.

A stage is only reached by what an organisation visibly does: a stage's findings keep a plan
below it however the checklist is ticked, and a checklist item that a finding contradicts never
counts as done. Without answers to 60 % of the checklist there is no stage: "not assessed".
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import ChecklistItem
from .rules import RULES, Finding
from .selectors import ItemInfo, curated_content

__all__ = [
    "DIMENSIONS",
    "METHOD_SUMMARY",
    "MODEL_CITATION",
    "STAGES",
    "ItemInfo",
    "Readiness",
    "Stage",
    "readiness",
]

DIMENSIONS: tuple[str, ...] = tuple(ChecklistItem.Dimension.values)
STATUS_VALUE = {"done": 1.0, "in_progress": 0.5, "open": 0.0}  # not_applicable: left out
ANSWERED = {"done", "in_progress", "not_applicable"}  # "open" is the answer nobody gave yet
MIN_ANSWERED_SHARE = 0.6
PENALTY = {"error": 40, "warning": 20, "info": 5}

OWNER_CODES = frozenset(
    {"no_owner", "several_owners", "owner_is_intern", "owner_without_time", "intern_does_the_work", "agency_owns_it"}
)


@dataclass(frozen=True)
class Criterion:
    """Something an organisation visibly does: met while none of ``codes`` (and no finding of
    ``severities``) is reported."""

    label: Promise
    codes: frozenset[str] = frozenset()
    severities: frozenset[str] = frozenset()

    def met(self, findings: list[Finding]) -> bool:
        return not any(f.code in self.codes or f.severity in self.severities for f in findings)


@dataclass(frozen=True)
class Stage:
    rank: int
    slug: str
    label: Promise
    description: Promise
    min_score: int  # the weakest dimension must reach this
    criteria: tuple[Criterion, ...] = field(default=())


NO_CRITICAL = Criterion(_("no critical finding: goals, target groups and one owner, and no bought fans"),
                        severities=frozenset({"error"}))  # fmt: skip
OWNER = Criterion(_("one experienced owner of your own with at least five hours a week"), codes=OWNER_CODES)
EXECUTIVES = Criterion(_("management takes part or receives the results"), codes=frozenset({"executives_not_involved"}))
DIALOGUE = Criterion(_("dialogue on the pilot's channels"), codes=frozenset({"monologue"}))
MEASUREMENT = Criterion(
    _("every goal has KPIs with a target and a due date"), codes=frozenset({"goal_without_kpi", "kpi_incomplete"})
)
REVIEW = Criterion(_("the KPIs are reviewed at least every six months"), codes=frozenset({"no_review_cycle"}))
NO_WARNING = Criterion(_("no warning left in the plan check"), severities=frozenset({"warning"}))

# The four stages of M&I/Partners' Social Media Maturity Model (2011): ad hoc, experimental,
# functional, transformation; described here by what an organisation visibly does.
STAGES: tuple[Stage, ...] = (
    Stage(
        1,
        "ad_hoc",
        _("Ad hoc"),
        _(
            "Social media depends on individuals who post as they see fit. A foundation is missing – a goal, a "
            "target group, one person with overall responsibility –, the plan relies on bought fans, or one area is "
            "hardly covered at all (a dimension below 25)."
        ),
        0,
    ),
    Stage(
        2,
        "experimental",
        _("Experimental"),
        _(
            "Goals, target groups and an owner are in place, and the company is trying out channels. At least one "
            "of these is still missing: an experienced owner of its own with time for it, active executives, "
            "dialogue, KPIs with targets and dates."
        ),
        25,
        (NO_CRITICAL,),
    ),
    Stage(
        3,
        "functional",
        _("Functional"),
        _(
            "Social media serves the company's goals. An experienced person of its own is responsible and has "
            "time for it, management takes part, the pilot's channels are used for dialogue, and every goal is "
            "measured against a target and a date."
        ),
        50,
        (NO_CRITICAL, OWNER, EXECUTIVES, DIALOGUE, MEASUREMENT),
    ),
    Stage(
        4,
        "transformation",
        _("Transformation"),
        _(
            "Social media is part of how the company works. On top of all of the above, the KPIs are reviewed at "
            "least every six months and reported to management, the results flow back into the strategy, and the "
            "plan check has no warning left."
        ),
        75,
        (NO_CRITICAL, OWNER, EXECUTIVES, DIALOGUE, MEASUREMENT, REVIEW, NO_WARNING),
    ),
)
STAGE_BY_SLUG = {stage.slug: stage for stage in STAGES}

MODEL_CITATION = _(
    "The four stages follow the Social Media Maturity Model of M&I/Partners (2011): ad hoc, experimental, "
    "functional and transformation."
)
METHOD_SUMMARY = _(
    "Two things are measured apart, in seven dimensions (strategy, organisation, culture, content, dialogue, "
    "measurement, resources). The plan check starts each dimension at 100 and deducts 40 points for each critical "
    "finding, 20 for each warning and 5 for each note. The self-assessment counts your checklist answers by their "
    "weight: done fully, in progress half, open not at all; “not applicable” is left out, and an item the plan "
    "check contradicts does not count. Once 60 % of the checklist is answered, each dimension is the lower of the "
    "two, and the stage follows the weakest dimension – but a stage is only reached when the plan shows what "
    "belongs to it: an owner of your own with time, active executives, dialogue, KPIs, regular reviews."
)


@dataclass(frozen=True)
class Readiness:
    assessed: bool  # at least 60 % of the checklist answered
    stage: str | None  # a Stage slug, None while not assessed
    rank: int | None  # 1 (lowest) .. 4
    dimensions: dict[str, int]  # 0..100: the lower of both parts once assessed, the plan check before
    plan_check: dict[str, int]  # 0..100 per dimension, from the findings
    self_assessment: dict[str, int]  # 0..100 per dimension, from the checklist
    answered: int  # checklist items answered (not "open")
    total: int  # active checklist items
    contradicted: tuple[str, ...] = ()  # titles of items ticked although a finding contradicts them
    missing: tuple[str, ...] = ()  # what the plan lacks for the next stage, in words

    @property
    def weakest(self) -> str:
        return min(DIMENSIONS, key=lambda d: self.dimensions[d])  # ties: the first in DIMENSIONS order

    @property
    def average(self) -> int:
        return round(sum(self.dimensions.values()) / len(self.dimensions))

    @property
    def answered_percent(self) -> int:
        return math.floor(100 * self.answered / self.total) if self.total else 0

    @property
    def stage_label(self) -> str:
        return str(STAGE_BY_SLUG[self.stage].label) if self.stage else str(_("Not assessed"))

    @property
    def stage_description(self) -> str:
        return str(STAGE_BY_SLUG[self.stage].description) if self.stage else ""

    @property
    def next_stage_label(self) -> str:
        if self.rank is None or self.rank >= len(STAGES):
            return ""
        return str(STAGES[self.rank].label)

    def as_json(self) -> dict[str, Any]:
        """The shape ``score_plan --json`` prints (the plan file format's "Scoring")."""
        return {"stage": self.stage, "rank": self.rank, "assessed": self.assessed, "dimensions": self.dimensions}


def _plan_check(findings: list[Finding]) -> dict[str, int]:
    penalty = dict.fromkeys(DIMENSIONS, 0)
    for finding in findings:
        rule = RULES.get(finding.code)
        if rule is not None and rule.dimension in penalty:
            penalty[rule.dimension] += PENALTY.get(finding.severity, 0)
    return {dimension: max(0, 100 - penalty[dimension]) for dimension in DIMENSIONS}


def _answers(document: Mapping[str, Any]) -> dict[str, str]:
    plan = document.get("plan") if isinstance(document, Mapping) else None
    answers = plan.get("checklist") if isinstance(plan, Mapping) else None
    if not isinstance(answers, list):
        return {}
    return {a.get("item"): a.get("status", "open") for a in answers if isinstance(a, Mapping)}


def readiness(
    document: Mapping[str, Any], findings: list[Finding], items: Mapping[str, ItemInfo] | None = None
) -> Readiness:
    """Score a plan-file document with its findings. ``items`` (the active checklist items by slug)
    default to those in the database."""
    if items is None:
        items = curated_content().items
    answers = _answers(document)
    fired = {finding.code for finding in findings}
    earned = dict.fromkeys(DIMENSIONS, 0.0)
    possible = dict.fromkeys(DIMENSIONS, 0.0)
    answered, contradicted = 0, []
    for item in items.values():
        status = answers.get(item.slug, "open")
        status = status if status in STATUS_VALUE or status == "not_applicable" else "open"
        answered += status in ANSWERED
        if item.dimension not in possible or status == "not_applicable":
            continue
        possible[item.dimension] += item.weight
        if item.contradicted_by & fired:
            if STATUS_VALUE[status] > 0:
                contradicted.append(item.title or item.slug)
            continue  # the plan's own data says otherwise: it never counts as done
        earned[item.dimension] += item.weight * STATUS_VALUE[status]
    # A dimension without applicable items has nothing left to do on the checklist.
    self_assessment = {
        d: round(100 * earned[d] / possible[d]) if possible[d] else 100 for d in DIMENSIONS
    }  # fmt: skip
    plan_check = _plan_check(findings)
    total = len(items)
    assessed = total > 0 and answered >= MIN_ANSWERED_SHARE * total
    if assessed:
        dimensions = {d: min(plan_check[d], self_assessment[d]) for d in DIMENSIONS}
    else:
        dimensions = dict(plan_check)
    weakest = min(dimensions.values())
    reached = [s for s in STAGES if weakest >= s.min_score and all(c.met(findings) for c in s.criteria)]
    # Stages build on each other: the first one not reached caps the rank.
    rank = 1
    for stage in STAGES[1:]:
        if stage not in reached:
            break
        rank = stage.rank
    missing: list[str] = []
    if rank < len(STAGES):
        following = STAGES[rank]
        missing = [str(c.label) for c in following.criteria if not c.met(findings)]
        if weakest < following.min_score:
            missing.append(
                str(_("every dimension at %(score)d or more (now %(weakest)d)"))
                % {"score": following.min_score, "weakest": weakest}
            )
    return Readiness(
        assessed=assessed,
        stage=STAGES[rank - 1].slug if assessed else None,
        rank=rank if assessed else None,
        dimensions=dimensions,
        plan_check=plan_check,
        self_assessment=self_assessment,
        answered=answered,
        total=total,
        contradicted=tuple(contradicted),
        missing=tuple(missing) if assessed else (),
    )
