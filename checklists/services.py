"""Writes: loading the seed content (``python manage.py load_content``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.utils import translation

from . import content
from .models import Channel, Checklist, ChecklistItem, ContentRevision, GuidelineTemplate, KPIBenchmark, Source

LANGUAGES = ("de", "en")


def content_revision_bump() -> None:
    """Count a change of the curated content, in the transaction that makes it (``checklists.signals`` calls it
    on every save and delete; a bulk ``update()`` must call it itself)."""
    if not ContentRevision.objects.update(number=F("number") + 1):
        ContentRevision.objects.create(number=1)


@dataclass
class LoadCount:
    created: int = 0
    updated: int = 0
    kept: int = 0  # curated rows left alone


@dataclass
class LoadReport:
    counts: dict[str, LoadCount] = field(default_factory=dict)

    def count(self, name: str) -> LoadCount:
        return self.counts.setdefault(name, LoadCount())


def _translated(name: str, text: content.Text) -> dict[str, Any]:
    """``title=("…", "…")`` -> ``{"title_de": …, "title_en": …, "title": …}``."""
    # The plain attribute is modeltranslation's descriptor for the active language, which
    # content_load pins to the default language (German); it is set first, then both columns.
    return {name: text[0], **{f"{name}_{lang}": value for lang, value in zip(LANGUAGES, text, strict=True)}}


def _upsert(
    model: type[models.Model],
    *,
    lookup: dict[str, Any],
    values: dict[str, Any],
    force: bool,
    count: LoadCount,
    create_only: dict[str, Any] | None = None,
) -> models.Model:
    """Create the row, or update it unless a curator edited it (``curated``) and ``force`` is off."""
    row = model.objects.filter(**lookup).first()
    if row is None:
        row = model(**lookup, **values, **(create_only or {}))
        row.save()
        count.created += 1
        return row
    if row.curated and not force:
        count.kept += 1
        return row
    changed = row.curated
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    if changed:
        row.curated = False
        row.save()
        count.updated += 1
    return row


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


@transaction.atomic
def content_load(*, force: bool = False) -> LoadReport:
    """Write the seed content; idempotent, matched by slug (benchmarks: by metric and channel).

    Rows a curator edited in the admin (``curated=True``) are kept unless ``force``. The
    ``active`` flags are the admin's decision and are only set when a row is created.
    """
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        return _load(force=force)


def _load(*, force: bool) -> LoadReport:
    report = LoadReport()
    sources = {}
    for seed in content.SOURCES:
        sources[seed.slug] = _upsert(
            Source,
            lookup={"slug": seed.slug},
            values={**_translated("title", seed.title), "author": seed.author, "year": seed.year, "url": seed.url},
            force=force,
            count=report.count("sources"),
        )
    for order, seed in enumerate(content.CHECKLISTS, start=1):
        checklist = _upsert(
            Checklist,
            lookup={"slug": seed.slug},
            values={
                **_translated("title", seed.title),
                **_translated("description", seed.description),
                "source": sources[seed.source],
                "order": order * 10,
            },
            force=force,
            count=report.count("checklists"),
        )
        for item_order, item in enumerate(seed.items, start=1):
            _upsert(
                ChecklistItem,
                lookup={"slug": item.slug},
                values={
                    **_translated("title", item.title),
                    **_translated("explanation", item.explanation),
                    "measures_de": [m[0] for m in item.measures],
                    "measures_en": [m[1] for m in item.measures],
                    "measures": [m[0] for m in item.measures],
                    "checklist": checklist,
                    "kind": item.kind,
                    "dimension": item.dimension,
                    "weight": item.weight,
                    "contradicted_by": list(content.CONTRADICTED_BY[item.slug]),
                    "order": item_order * 10,
                },
                create_only={"active": True},
                force=force,
                count=report.count("items"),
            )
    channels = {}
    for order, seed in enumerate(content.CHANNELS, start=1):
        channels[seed.slug] = _upsert(
            Channel,
            lookup={"slug": seed.slug},
            values={
                **_translated("name", seed.name),
                **_translated("description", seed.description),
                "supports_dialogue": seed.supports_dialogue,
                "order": order * 10,
            },
            create_only={"active": True},
            force=force,
            count=report.count("channels"),
        )
    for order, seed in enumerate(content.GUIDELINES, start=1):
        _upsert(
            GuidelineTemplate,
            lookup={"slug": seed.slug},
            values={**_translated("topic", seed.topic), **_translated("text", seed.text), "order": order * 10},
            create_only={"active": True},
            force=force,
            count=report.count("guideline_templates"),
        )
    for seed in content.BENCHMARKS:
        channel = channels[seed.channel] if seed.channel else None
        _upsert(
            KPIBenchmark,
            lookup={"metric": seed.metric, "channel": channel},
            values={
                "max_monthly_change": Decimal(seed.max_monthly_change),
                "unit": seed.unit,
                "small_account_allowance": _decimal(seed.small_account_allowance),
                "new_account_ceiling": _decimal(seed.new_account_ceiling),
                **_translated("method", seed.method),
                "source_publisher": seed.publisher,
                "source_title": seed.title,
                "source_year": seed.year,
                "source_url": seed.url,
                **_translated("sample", seed.sample),
                "confidence": seed.confidence,
                **_translated("rationale", seed.rationale),
            },
            create_only={"active": True},
            force=force,
            count=report.count("benchmarks"),
        )
    return report
