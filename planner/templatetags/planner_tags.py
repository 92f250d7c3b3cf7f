from django import template

from ..models import TargetGroup
from ..steps.fields import PHASES, format_number

register = template.Library()


@register.filter
def column(form, name: str) -> str:
    """The grid column of a form's field in a formset row (``columns`` on the form class)."""
    return getattr(form, "columns", {}).get(name, "col-12")


@register.filter
def phase_label(phase: int) -> str:
    return str(dict(PHASES).get(phase, phase))


@register.filter
def rung_label(rung: str) -> str:
    """A technographics rung's name, e.g. "creators"."""
    return str(TargetGroup._meta.get_field(rung).verbose_name).replace(" (%)", "")


@register.filter
def get_item(mapping: dict, key: str):
    """``mapping[key]`` in a template (a step's line by its slug), or "" when it is not there."""
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.filter
def lines(value: str) -> list[str]:
    """The non-empty lines of a text (a target group's needs, written one per line)."""
    return [line.strip(" -•\t") for line in str(value or "").splitlines() if line.strip(" -•\t")]


@register.filter
def number(value):
    """A number as the active language writes it, without trailing zeros: 1.200 and 12,5 in German."""
    if value is None or value == "":
        return ""
    return format_number(value)
