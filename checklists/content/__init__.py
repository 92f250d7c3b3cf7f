"""The seed content drawn from the five articles, as plain data.

Every text is a ``(German, English)`` pair. ``load_content`` writes it to the database
(``checklists.services.content_load``); the pitfall detector reads the measures it cites
from here, so the rules stay pure functions without database access.
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
    max_monthly_growth_pct: str  # a decimal string, as stored
    method: Text
    source: str
    rationale: Text


from .benchmarks import BENCHMARKS  # noqa: E402
from .channels import CHANNELS  # noqa: E402
from .checklists import CHECKLISTS  # noqa: E402
from .guidelines import GUIDELINES  # noqa: E402
from .sources import SOURCES  # noqa: E402

ITEMS: dict[str, ItemSeed] = {item.slug: item for checklist in CHECKLISTS for item in checklist.items}
SOURCE_TITLES: dict[str, str] = {source.slug: source.title[0] for source in SOURCES}

__all__ = [
    "BENCHMARKS",
    "CHANNELS",
    "CHECKLISTS",
    "GUIDELINES",
    "ITEMS",
    "SOURCES",
    "SOURCE_TITLES",
    "BenchmarkSeed",
    "ChannelSeed",
    "ChecklistSeed",
    "GuidelineSeed",
    "ItemSeed",
    "SourceSeed",
    "Text",
]
