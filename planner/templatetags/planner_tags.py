from django import template

from ..models import TargetGroup
from ..steps.base import PHASES

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
