"""The seed content drawn from the five articles, as plain data.

Every text is a ``(German, English)`` pair. ``load_content`` writes it to the database
(``checklists.services.content_load``). The plan check reads what it cites (measures,
titles, channel names, benchmarks) from the database, as curators edited it, never from here.
"""

from __future__ import annotations

from dataclasses import dataclass

Text = tuple[str, str]  # (de, en)


@dataclass(frozen=True)
class SourceSeed:
    slug: str
    title: Text
    author: str = ""
    year: int | None = None
    url: str = ""


@dataclass(frozen=True)
class ItemSeed:
    slug: str
    dimension: str
    weight: int
    title: Text
    explanation: Text
    measures: tuple[Text, ...] = ()
    kind: str = "success_factor"


@dataclass(frozen=True)
class ChecklistSeed:
    slug: str
    source: str
    title: Text
    description: Text
    items: tuple[ItemSeed, ...]


@dataclass(frozen=True)
class ChannelSeed:
    slug: str
    name: Text
    description: Text
    supports_dialogue: bool


@dataclass(frozen=True)
class GuidelineSeed:
    slug: str
    topic: Text
    text: Text


@dataclass(frozen=True)
class BenchmarkSeed:
    metric: str
    channel: str | None
    max_monthly_change: str  # a decimal string, as stored; % per month, or points for unit "points"
    method: Text
    confidence: str  # published | derived | assumption
    rationale: Text
    unit: str = "percent"
    small_account_allowance: str | None = None  # absolute per month
    new_account_ceiling: str | None = None  # reached in the first 12 months from zero
    publisher: str = ""
    title: str = ""
    year: int | None = None
    url: str = ""
    sample: Text = ("", "")


from .benchmarks import BENCHMARKS  # noqa: E402
from .channels import CHANNELS  # noqa: E402
from .checklists import CHECKLISTS  # noqa: E402
from .contradictions import CONTRADICTS  # noqa: E402
from .guidelines import GUIDELINES  # noqa: E402
from .sources import SOURCES  # noqa: E402

ITEMS: dict[str, ItemSeed] = {item.slug: item for checklist in CHECKLISTS for item in checklist.items}
# item slug -> the finding codes that contradict it (CONTRADICTS inverted, codes in alphabetical order)
CONTRADICTED_BY: dict[str, tuple[str, ...]] = {
    slug: tuple(sorted(code for code, slugs in CONTRADICTS.items() if slug in slugs)) for slug in ITEMS
}

__all__ = [
    "BENCHMARKS",
    "CHANNELS",
    "CHECKLISTS",
    "CONTRADICTED_BY",
    "CONTRADICTS",
    "GUIDELINES",
    "ITEMS",
    "SOURCES",
    "BenchmarkSeed",
    "ChannelSeed",
    "ChecklistSeed",
    "GuidelineSeed",
    "ItemSeed",
    "SourceSeed",
    "Text",
]
