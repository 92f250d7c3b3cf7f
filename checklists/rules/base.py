"""The pitfall detector's parts: the Finding, the rule registry and helpers to read a plan and to
write what it finds in the reader's language (names, numbers and dates as the locale writes them)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from ..models import Metric
from ..selectors import Benchmark, Curated


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
MIN_OWNER_HOURS = 5
POSTS_PER_STAFF_HOUR = 2  # under 30 minutes per post, dialogue included, is too little
MAX_TOOLS_EUR_PER_STAFF_HOUR = 1000
SALES_METRICS = {"leads", "conversions"}
SALES_CATEGORIES = {"sales"}
LOWER_IS_BETTER = {"service_tickets"}
NEW_ACCOUNT_METRICS = {"followers", "reach"}
PAID_MEDIA_CATEGORIES = {"awareness", "image", "acquisition", "sales", "recruiting"}


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
class Problem:
    """One problem a rule sees. ``step`` names the wizard step where it is fixed when that is not
    the rule's own step (a milestone outside the horizon is fixed on the roadmap, a KPI on goals)."""

    message: str
    step: str | None = None


@dataclass(frozen=True)
class Context:
    today: dt.date
    content: Curated

    def channel_name(self, slug: Any) -> str:
        info = self.content.channels.get(slug) if isinstance(slug, str) else None
        return info.name if info else str(slug or "?")

    def supports_dialogue(self, slug: Any) -> bool:
        info = self.content.channels.get(slug) if isinstance(slug, str) else None
        return info.supports_dialogue if info else True

    def benchmark_for(self, metric: str, channel: Any) -> Benchmark | None:
        """The benchmark for the metric on the KPI's own channel, else the metric's general one."""
        general = None
        for benchmark in self.content.benchmarks:
            if benchmark.metric != metric:
                continue
            if channel and benchmark.channel == channel:
                return benchmark
            if benchmark.channel is None:
                general = benchmark
        return general


RuleCheck = Callable[[Mapping[str, Any], Context], list[str | Problem]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    source: str  # a Source slug (content.sources)
    step: str  # the wizard step's slug (planner.steps.STEP_BY_SLUG), e.g. "target-groups"
    dimension: str  # the readiness dimension a finding lowers (checklists.scoring)
    measures: tuple[tuple[str, int], ...]  # (checklist item slug, index of its measure)
    check: RuleCheck
    steps: tuple[str, ...] = ()  # other steps its problems may name (Problem.step)

    def source_title(self, content: Curated) -> str:
        return content.sources.get(self.source, "")

    def measure_texts(self, content: Curated) -> tuple[str, ...]:
        """The cited measures as curators edited them, in the active language; a measure a curator
        removed is left out."""
        texts = []
        for slug, index in self.measures:
            item = content.items.get(slug)
            if item is not None and index < len(item.measures):
                texts.append(item.measures[index])
        return tuple(dict.fromkeys(texts))


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    severity: Severity,
    *,
    source: str,
    step: str,
    dimension: str,
    measures: Iterable[tuple[str, int]] = (),
    steps: Iterable[str] = (),
) -> Callable[[RuleCheck], RuleCheck]:
    def register(check: RuleCheck) -> RuleCheck:
        RULES[code] = Rule(code, Severity(severity), source, step, dimension, tuple(measures), check, tuple(steps))
        return check

    return register


# --- reading the document -------------------------------------------------------------


def rows(plan: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = plan.get(key)
    return [row for row in value if isinstance(row, Mapping)] if isinstance(value, list) else []


def part(plan: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = plan.get(key)
    return value if isinstance(value, Mapping) else {}


def texts(values: Any) -> list[str]:
    return [v for v in values if isinstance(v, str) and v.strip()] if isinstance(values, list) else []


def text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def language(plan: Mapping[str, Any]) -> str:
    return "en" if plan.get("language") == "en" else "de"


def phase(channel: Mapping[str, Any]) -> int:
    value = channel.get("phase", 1)  # the format's default: the pilot
    return value if isinstance(value, int) and not isinstance(value, bool) else 1


def posts(channel: Mapping[str, Any]) -> float:
    return max(number(channel.get("posts_per_week")) or 0.0, 0.0)


def is_pilot(channel: Mapping[str, Any]) -> bool:
    """Phase 1, or phase 0 with posts: a channel that publishes while "listening" is launched."""
    return phase(channel) == 1 or (phase(channel) == 0 and posts(channel) > 0)


def pilot_channels(plan: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [channel for channel in rows(plan, "channels") if is_pilot(channel)]


def start_of(plan: Mapping[str, Any], context: Context) -> dt.date:
    return parse_date(plan.get("start_date")) or context.today


# --- writing in the reader's language -----------------------------------------------------


def fmt_number(value: float, decimals: int = 1) -> str:
    """12.000 and 2,5 in German, 12,000 and 2.5 in English; whole numbers without decimals."""
    rounded = round(value, decimals)
    if rounded == int(rounded):
        return number_format(int(rounded), 0, force_grouping=True)
    return number_format(rounded, decimals, force_grouping=True)


def fmt_hours(hours: float) -> str:
    """“1 hour”, “2.5 hours”, in the active language."""
    return ngettext("%(hours)s hour", "%(hours)s hours", 1 if hours == 1 else 2) % {"hours": fmt_number(hours)}


def fmt_date(value: dt.date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


MAX_LISTED = 3


def fmt_list(names: Iterable[str]) -> str:
    """“A”, “B” and “C” in the active language; a longer list names the first three and counts the rest."""
    names = list(names)
    if len(names) > MAX_LISTED + 1:
        names = [*names[:MAX_LISTED], gettext("%(count)d more") % {"count": len(names) - MAX_LISTED}]
    if len(names) <= 1:
        return "".join(names)
    return gettext("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def quoted(value: str) -> str:
    return gettext("“%(text)s”") % {"text": value}


def metric_label(metric: Any) -> str:
    return str(Metric(metric).label) if metric in Metric.values else ""


def kpi_label(kpi: Mapping[str, Any], number_in_goal: int) -> str:
    """A KPI as the user named it, else its metric, else its place in the goal."""
    return text(kpi.get("name")) or metric_label(kpi.get("metric")) or gettext("no. %(n)d") % {"n": number_in_goal}


def goal_label(goal: Mapping[str, Any], number_in_plan: int) -> str:
    return text(goal.get("title")) or gettext("no. %(n)d") % {"n": number_in_plan}


def role_label(role: Mapping[str, Any]) -> str:
    """“Lena M. (Werkstudentin Marketing)”: the person with the title as the plan names them."""
    person, title = text(role.get("person")), text(role.get("title"))
    if person and title:
        return gettext("%(person)s (%(title)s)") % {"person": person, "title": title}
    return person or title or "?"
