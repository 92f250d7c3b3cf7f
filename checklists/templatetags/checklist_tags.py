"""Template tags of the plan check: ``{% load checklist_tags %}`` on the overview and in the PDF."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext

from ..charts import radar
from ..models import ChecklistItem
from ..scoring import DIMENSIONS, METHOD_SUMMARY, MODEL_CITATION, Readiness

register = template.Library()


@register.inclusion_tag("charts/radar.svg")
def readiness_radar(readiness: Readiness | None, *, size: float = 300) -> dict[str, Any]:
    """The readiness per dimension as a radar chart ``size`` points across its rings:
    ``{% readiness_radar readiness size=320 %}``; nothing without a readiness."""
    if not readiness:  # also "" for a variable missing from the page's context
        return {"chart": None}
    labels = dict(ChecklistItem.Dimension.choices)
    values = [(str(labels.get(dimension, dimension)), score) for dimension, score in readiness.dimensions.items()]
    return {"chart": radar(values=values, size=size, label=gettext("Readiness per dimension"))}


@register.inclusion_tag("checklists/_readiness.html")
def readiness_summary(readiness: Readiness) -> dict[str, Any]:
    """The stage with what it means and what the plan lacks for the next, then the plan check and the
    self-assessment per dimension, apart, and how it is measured: ``{% readiness_summary readiness %}``."""
    labels = dict(ChecklistItem.Dimension.choices)
    rows = [
        {
            "label": labels[dimension],
            "plan_check": readiness.plan_check[dimension],
            "self_assessment": readiness.self_assessment[dimension],
            "score": readiness.dimensions[dimension],
        }
        for dimension in DIMENSIONS
    ]
    return {
        "readiness": readiness,
        "rows": rows,
        "weakest_label": labels[readiness.weakest],
        "method_summary": METHOD_SUMMARY,
        "model_citation": MODEL_CITATION,
    }
