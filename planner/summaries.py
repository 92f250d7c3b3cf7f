"""A plan's summary: each step's state and what it still lacks, the completeness and the plan check (findings and
readiness). Computed once per plan revision and kept in the cache, shared by the wizard's steps, the overview and
the dashboard (docs/benchmarks.md, "Pages": computing it was a large part of every page).

The cache key names everything the summary is computed from: the plan and its revision (every write to a plan
or a part bumps it in the same transaction), the language it is written in, the curated content's revision
(``checklists.selectors.content_revision``, bumped with every edit of the content), the day (findings about
dates) and the code that computes it. A summary is therefore never served for a plan, content or language other
than it was computed from; at worst a request that read revision R while a save was being committed stores the
newer plan's summary under R, which only requests that read R before the commit can see.

``PlanSummary.version`` names all of that; the overview keeps the plan it renders under it too
(``templates/planner/plan_detail.html``, with whether the reader may edit).

The key holds no user: the callers read the plan through ``plan_for_user`` or ``plans_for_user`` first, so the
user's rights are checked before the cache is read, and a plan id is never taken from the request alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache as once
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from checklists.check import PlanCheck, plan_check
from checklists.selectors import Curated, content_revision, curated_content

from .models import Plan
from .plan_file.exporting import prefetched_plans_to_documents
from .selectors import has_parts, with_parts
from .steps import STEP_BY_SLUG, Step, completeness, state_context, step_missing, step_states
from .steps.base import StateContext

TIMEOUT_S = 24 * 60 * 60  # the key names the day anyway
# The release: what the summaries and the pages kept with them (the overview's plan) are made by, so a release that
# changes a rule, a message or a template is not served what the one before it made.
CODE = ("checklists", "config", "planner", "reports", "signoff", "teams", "templates", "locale")
CODE_FILES = ("*.py", "*.html", "*.svg", "*.po")


@dataclass(frozen=True)
class PlanSummary:
    version: str  # the plan, its revision and what else the summary was made from: a cache key for its pages
    states: tuple[tuple[str, str], ...]  # (step slug, empty/started/complete), in the wizard's order
    missing: dict[str, str]  # what each step still lacks, by slug ("" when complete)
    completeness: int  # percent
    check: PlanCheck

    @property
    def step_states(self) -> list[tuple[Step, str]]:
        return [(STEP_BY_SLUG[slug], state) for slug, state in self.states]


def plan_summary(plan: Plan) -> PlanSummary:
    """The summary of the plan at the revision it was read with: from the cache, else computed (from its parts
    when it was read with them, ``with_parts``) and kept."""
    return plan_summaries([plan])[plan.pk]


def plan_summaries(plans: Iterable[Plan]) -> dict[int, PlanSummary]:
    """The summaries of the plans, by id: one cache round trip for all, the missing ones computed together with
    a fixed number of queries. A plan deleted meanwhile has none."""
    plans = list(plans)
    today = dt.date.today()
    stamp = _stamp(today)
    versions = {plan.pk: f"{plan.pk}:{plan.revision}:{stamp}" for plan in plans}
    keys = {pk: f"planner:summary:{version}" for pk, version in versions.items()}
    found = cache.get_many(keys.values())
    summaries = {pk: found[key] for pk, key in keys.items() if key in found}
    missed = [plan for plan in plans if plan.pk not in summaries]
    if missed:
        known, content = state_context(), curated_content()
        documents = prefetched_plans_to_documents(_with_parts(missed))
        computed = {pk: _summarize(document, versions[pk], today, known, content) for pk, document in documents.items()}
        cache.set_many({keys[pk]: summary for pk, summary in computed.items()}, TIMEOUT_S)
        summaries.update(computed)
    return summaries


def _stamp(today: dt.date) -> str:
    return f"{_code_version()}:{translation.get_language()}:{content_revision()}:{today.isoformat()}"


def _with_parts(plans: list[Plan]) -> list[Plan]:
    if all(has_parts(plan) for plan in plans):
        return plans
    return list(with_parts(Plan.objects.filter(pk__in=[plan.pk for plan in plans])))


def _summarize(document: dict, version: str, today: dt.date, known: StateContext, content: Curated) -> PlanSummary:
    states = step_states(document, known)
    return PlanSummary(
        version=version,
        states=tuple((step.slug, state) for step, state in states),
        missing=step_missing(document, known),
        completeness=completeness(states),
        check=plan_check(document, content=content, today=today),
    )


@once
def _code_version() -> str:
    digest = hashlib.sha1(usedforsecurity=False)
    base = Path(settings.BASE_DIR)
    for name in CODE:
        for file in sorted(path for pattern in CODE_FILES for path in (base / name).rglob(pattern)):
            if "tests" not in file.parts and "migrations" not in file.parts:
                digest.update(file.read_bytes())
    return digest.hexdigest()[:12]
