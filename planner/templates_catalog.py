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

    @property
    def path(self) -> Path:
        return TEMPLATE_DIR / f"{self.slug}.json"


def plan_template_list() -> list[PlanTemplate]:
    templates = []
    for path in sorted(TEMPLATE_DIR.glob("*.json")):
        plan = json.loads(path.read_text(encoding="utf-8"))["plan"]
        templates.append(
            PlanTemplate(
                slug=path.stem, title=plan["title"], industry=plan.get("industry", ""), summary=plan.get("summary", "")
            )
        )
    return templates


def plan_template_get(slug: str) -> PlanTemplate | None:
    return next((t for t in plan_template_list() if t.slug == slug), None)
