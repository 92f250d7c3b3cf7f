"""Plan templates shipped with the project, as plan files (planner/plan_templates/*.json)."""

import json
from dataclasses import dataclass
from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parent / "plan_templates"


@dataclass(frozen=True)
class PlanTemplate:
    slug: str
    title: str
    industry: str
    summary: str
    language: str  # the plan's language: each template ships in German and in English

    @property
    def path(self) -> Path:
        return TEMPLATE_DIR / f"{self.slug}.json"


def plan_template_list(*, language: str | None = None) -> list[PlanTemplate]:
    """The templates; those in ``language`` (the reader's) first."""
    templates = []
    for path in sorted(TEMPLATE_DIR.glob("*.json")):
        plan = json.loads(path.read_text(encoding="utf-8"))["plan"]
        templates.append(
            PlanTemplate(
                slug=path.stem,
                title=plan["title"],
                industry=plan.get("industry", ""),
                summary=plan.get("summary", ""),
                language=plan.get("language", "de"),
            )
        )
    return sorted(templates, key=lambda template: template.language != language)


def plan_template_get(slug: str) -> PlanTemplate | None:
    return next((t for t in plan_template_list() if t.slug == slug), None)
