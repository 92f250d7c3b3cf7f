"""The pitfall detector's parts: the Finding, the rule registry and helpers to read a plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .. import content
from ..selectors import Benchmark


class Severity(models.TextChoices):
    """How serious a finding is: the one label of each, on screen and in the PDF. Listed from
    the most serious down; findings are sorted in this order."""

    ERROR = "error", _("Critical")
    WARNING = "warning", _("Warning")
    INFO = "info", _("Note")


SEVERITY_ORDER: dict[str, int] = {severity.value: rank for rank, severity in enumerate(Severity)}
DAYS_PER_MONTH = 365.25 / 12
MIN_HORIZON_MONTHS = 6
MAX_PILOT_CHANNELS = 2
MAX_PILOT_TARGET_GROUPS = 2
MAX_REVIEW_CADENCE_MONTHS = 6
EARLY_SALES_MONTHS = 6
SALES_METRICS = {"leads", "conversions"}
LOWER_IS_BETTER = {"service_tickets"}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # a Severity value
    message: str
    source: str  # the title of the article the rule comes from
    step: str  # the slug of the wizard step to fix it in (as in the wizard's URLs)
    measures: tuple[str, ...] = ()

    @property
    def severity_label(self) -> str:
        return str(Severity(self.severity).label)

    def as_json(self) -> dict[str, str]:
        return {"code": self.code, "severity": str(self.severity), "message": self.message, "source": self.source}


@dataclass(frozen=True)
class Context:
    today: dt.date
    benchmarks: tuple[Benchmark, ...]


RuleCheck = Callable[[Mapping[str, Any], Context], list[str]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    source: str  # a Source slug (content.sources)
    step: str  # the wizard step's slug (planner.steps.STEP_BY_SLUG), e.g. "target-groups"
    dimension: str  # the readiness dimension a finding lowers (checklists.scoring)
    measures: tuple[tuple[str, int], ...]  # (checklist item slug, index of its measure)
    check: RuleCheck

    @property
    def source_title(self) -> str:
        return content.SOURCE_TITLES[self.source]

    def measure_texts(self) -> tuple[str, ...]:
        language = 1 if (get_language() or "de").startswith("en") else 0
        return tuple(content.ITEMS[slug].measures[index][language] for slug, index in self.measures)


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    severity: Severity,
    *,
    source: str,
    step: str,
    dimension: str,
    measures: tuple[tuple[str, int], ...] | list[tuple[str, int]] = (),
) -> Callable[[RuleCheck], RuleCheck]:
    def register(check: RuleCheck) -> RuleCheck:
        RULES[code] = Rule(code, Severity(severity), source, step, dimension, tuple(measures), check)
        return check

    return register


# --- reading the document -------------------------------------------------------------


def rows(plan: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    return [row for row in (plan.get(key) or []) if isinstance(row, Mapping)]


def part(plan: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = plan.get(key)
    return value if isinstance(value, Mapping) else {}


def texts(values: Any) -> list[str]:
    return [v for v in (values or []) if isinstance(v, str) and v.strip()]


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def phase(channel: Mapping[str, Any]) -> int:
    return channel.get("phase", 1)  # the format's default: the pilot


def fmt(value: float) -> str:
    return number_format(round(value, 1), 1)
