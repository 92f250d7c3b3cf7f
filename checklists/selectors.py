"""Reads: the curated content the plan check cites, as plain values in the active language.

The rules are pure functions of a plan document and this content; ``curated_content`` reads it
from the database as curators edited it (four queries, whatever the plan's size).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .models import Channel, ChecklistItem, ContentRevision, KPIBenchmark, Source


@dataclass(frozen=True)
class Benchmark:
    """How fast ``metric`` can realistically change per month (on ``channel``, or on any when None),
    and the evidence for it."""

    metric: str
    channel: str | None
    max_monthly_change: float  # % per month (relative), or points per month when unit is "points"
    unit: str = KPIBenchmark.Unit.PERCENT.value
    small_account_allowance: float | None = None  # absolute per month, always realistic
    new_account_ceiling: float | None = None  # what an account starting from zero reaches in 12 months
    method: str = ""
    publisher: str = ""
    title: str = ""
    year: int | None = None
    url: str = ""
    sample: str = ""
    confidence: str = KPIBenchmark.Confidence.ASSUMPTION.value


@dataclass(frozen=True)
class ChannelInfo:
    slug: str
    name: str
    supports_dialogue: bool = True


@dataclass(frozen=True)
class ItemInfo:
    """A checklist item as the plan check and the scoring read it."""

    slug: str
    dimension: str
    weight: int
    title: str = ""
    measures: tuple[str, ...] = ()
    contradicted_by: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Curated:
    """The curated content the plan check needs: benchmarks, the channel catalogue, the articles'
    titles by slug and the active checklist items by slug."""

    benchmarks: tuple[Benchmark, ...] = ()
    channels: Mapping[str, ChannelInfo] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)
    items: Mapping[str, ItemInfo] = field(default_factory=dict)


def _number(value) -> float | None:
    return None if value is None else float(value)


def curated_content() -> Curated:
    """The curated content in the active language: the active benchmarks (a channel's only while the
    channel is active), every channel of the catalogue, the sources and the active checklist items."""
    catalogue = list(Channel.objects.all())
    channels = {c.slug: ChannelInfo(c.slug, c.name, c.supports_dialogue) for c in catalogue}
    active_channels = {channel.slug for channel in catalogue if channel.active}
    benchmarks = tuple(
        Benchmark(
            metric=row.metric,
            channel=row.channel.slug if row.channel else None,
            max_monthly_change=float(row.max_monthly_change),
            unit=row.unit,
            small_account_allowance=_number(row.small_account_allowance),
            new_account_ceiling=_number(row.new_account_ceiling),
            method=row.method or "",
            publisher=row.source_publisher,
            title=row.source_title,
            year=row.source_year,
            url=row.source_url,
            sample=row.sample or "",
            confidence=row.confidence,
        )
        for row in KPIBenchmark.objects.filter(active=True).select_related("channel")
        if row.channel is None or row.channel.slug in active_channels
    )
    items = {
        item.slug: ItemInfo(
            slug=item.slug,
            dimension=item.dimension,
            weight=item.weight,
            title=item.title,
            measures=tuple(str(m) for m in item.measures or () if str(m).strip()),
            contradicted_by=frozenset(item.contradicted_by or ()),
        )
        for item in ChecklistItem.objects.filter(active=True)
    }
    sources = {source.slug: source.title for source in Source.objects.all()}
    return Curated(benchmarks=benchmarks, channels=channels, sources=sources, items=items)


def content_revision() -> int:
    """How often the curated content has changed; a cache key of anything computed from it names it."""
    return ContentRevision.objects.values_list("number", flat=True).first() or 0
