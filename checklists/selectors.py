"""Reads: the curated data the pitfall detector and the scoring need, as plain values."""

from __future__ import annotations

from dataclasses import dataclass

from .models import ChecklistItem, KPIBenchmark


@dataclass(frozen=True)
class Benchmark:
    """How fast ``metric`` can realistically change per month (on ``channel``, or on any when None)."""

    metric: str
    channel: str | None
    max_monthly_growth_pct: float
    method: str = ""
    source: str = ""


@dataclass(frozen=True)
class ItemInfo:
    slug: str
    dimension: str
    weight: int


def benchmark_list() -> list[Benchmark]:
    """The active KPI benchmarks; a channel-specific one only while its channel is active."""
    rows = KPIBenchmark.objects.filter(active=True).select_related("channel")
    return [
        Benchmark(
            metric=row.metric,
            channel=row.channel.slug if row.channel else None,
            max_monthly_growth_pct=float(row.max_monthly_growth_pct),
            method=row.method,
            source=row.source,
        )
        for row in rows
        if row.channel is None or row.channel.active
    ]


def item_info_list() -> list[ItemInfo]:
    """The active checklist items with what the scoring needs."""
    return [
        ItemInfo(slug=slug, dimension=dimension, weight=weight)
        for slug, dimension, weight in ChecklistItem.objects.filter(active=True).values_list(
            "slug", "dimension", "weight"
        )
    ]
