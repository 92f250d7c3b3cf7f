"""The plans the benchmark and the report tests render: the shipped example and a large one."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from checklists.content import CHANNELS as CHANNEL_SEED
from planner.models import KPI, TECHNOGRAPHICS, ChecklistAnswer, Goal
from planner.templates_catalog import TEMPLATE_DIR

EXAMPLE = TEMPLATE_DIR / "kontaktlinsen-versand.json"
CHANNELS = tuple(seed.slug for seed in CHANNEL_SEED)
CATEGORIES = tuple(Goal.Category.values)
METRICS = tuple(KPI.Metric.values)
STATUSES = tuple(ChecklistAnswer.Status.values)


def example_document() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def large_document(*, checklist_items: list[str] = (), scale: int = 1) -> dict[str, Any]:
    """30 goals with 60 KPIs, 15 target groups, every channel of the catalogue's seed, 40 guidelines and every
    checklist item; ``scale`` times as many goals, target groups, competitors, SWOT entries, themes, guidelines and
    milestones (the channels are the catalogue's)."""
    start = dt.date(2027, 1, 1)
    group_count, goal_count = 15 * scale, 30 * scale
    groups = [
        {
            "key": f"tg{i}",
            "name": f"Zielgruppe {i}: Kundinnen und Kunden aus Größenklasse {i}",
            "description": "Menschen, die Kontaktlinsen tragen und Fragen zur Pflege haben. " * 3,
            "needs": "Schnelle Antworten, Vertrauen, Erklärungen zu Pflegemitteln und Lieferzeiten.",
            "priority": 1 + i % 5,
            "technographics": {rung: (i * 7 + n * 13) % 100 for n, rung in enumerate(TECHNOGRAPHICS)},
        }
        for i in range(1, group_count + 1)
    ]
    goals = [
        {
            "key": f"g{i}",
            "category": CATEGORIES[i % len(CATEGORIES)],
            "title": f"Ziel {i}: Bekanntheit und Kundenbindung im Segment {i} steigern",
            "description": "Wir wollen über Dialog statt Werbung mehr Vertrauen gewinnen und Fragen beantworten. " * 2,
            "priority": 1 + i % 5,
            "kpis": [
                {
                    "name": f"Kennzahl {i}.{k}",
                    "metric": METRICS[(i + k) % len(METRICS)],
                    "unit": "pro Monat",
                    "baseline": 100 + i * 10,
                    # a few percent: within every metric's curated benchmark, so no KPI is flagged unrealistic
                    "target": 105 + i * 10,
                    "due": (start + dt.timedelta(days=180 + 30 * k + i)).isoformat(),
                }
                for k in range(2)
            ],
        }
        for i in range(1, goal_count + 1)
    ]
    channels = [
        {
            "channel": slug,
            "purpose": f"Dialog und Service über {slug}",
            "dialogue": i % 3 != 0,
            "target_groups": [f"tg{1 + (i + n) % group_count}" for n in range(3)],
            "goals": [f"g{1 + (i + n) % goal_count}" for n in range(2)],
            "posts_per_week": i % 5 + 0.5,
            "phase": i % 4,
        }
        for i, slug in enumerate(CHANNELS)
    ]
    milestones = [
        {
            "title": f"Meilenstein {i}: Ausbau Phase {i % 4}",
            "phase": i % 4,
            "start": (start + dt.timedelta(days=30 * i)).isoformat(),
            "end": (start + dt.timedelta(days=30 * i + 75)).isoformat(),
        }
        for i in range(12 * scale)
    ]
    return {
        "format": "social-media-strategy-plan",
        "version": 1,
        "plan": {
            "title": "Große Social-Media-Strategie 2027–2029",
            "organization": "Große Öl- & Süßwaren AG",
            "language": "de",
            "industry": "Handel",
            "start_date": start.isoformat(),
            "horizon_months": 36,
            "summary": "Ein großer Plan für den Benchmark: viele Ziele, Zielgruppen und Kanäle. " * 4,
            "situation": {
                "strengths": [f"Stärke {i}" for i in range(8 * scale)],
                "weaknesses": [f"Schwäche {i}" for i in range(8 * scale)],
                "opportunities": [f"Chance {i}" for i in range(8 * scale)],
                "threats": [f"Risiko {i}" for i in range(8 * scale)],
                "competitors": [{"name": f"Wettbewerber {i}", "notes": "aktiv, kaum Dialog"} for i in range(6 * scale)],
            },
            "goals": goals,
            "target_groups": groups,
            "channels": channels,
            "content_themes": [
                {
                    "title": f"Thema {i}",
                    "description": "Kurze Tipps unserer Fachleute, verständlich erklärt.",
                    "target_groups": [f"tg{1 + i % group_count}"],
                    "channels": [CHANNELS[i % len(CHANNELS)], CHANNELS[(i + 1) % len(CHANNELS)]],
                    "formats": ["Artikel", "Video"],
                    "expert_source": "Fachabteilung",
                }
                for i in range(12 * scale)
            ],
            "off_limits": [f"Vertrauliches Thema {i}" for i in range(6)],
            "roles": [
                {
                    "person": f"Person {i}",
                    "title": "Leitung Kommunikation" if i == 0 else "Redaktion",
                    "responsibilities": "Redaktion, Dialog, Reporting",
                    "is_owner": i == 0,
                    "hours_per_week": 10,
                }
                for i in range(8)
            ]
            + [
                {
                    "person": "Vorstand",
                    "title": "Geschäftsführung",
                    "responsibilities": "Freigabe",
                    "is_owner": False,
                    "hours_per_week": 1,
                }
            ],
            "guidelines": [
                {
                    "topic": f"Leitlinie {i}",
                    "text": "Wir sprechen auf Augenhöhe, stehen zu Fehlern und antworten schnell.",
                }
                for i in range(40 * scale)
            ],
            "milestones": milestones,
            "resources": {"staff_hours_per_week": 81, "paid_media_budget_eur": 48000, "tools_budget_eur": 9600},
            "review": {"cadence_months": 3, "report_to": "Vorstand"},
            "checklist": [
                {"item": slug, "status": STATUSES[i % len(STATUSES)], "note": "geprüft" if i % 3 == 0 else ""}
                for i, slug in enumerate(checklist_items)
            ],
        },
    }
