from django import template

from ..pdf import STATIC_SCHEME

register = template.Library()


@register.simple_tag
def pdf_static(path: str) -> str:
    """A static file's URL for WeasyPrint, served by the URL fetcher in reports.pdf."""
    return f"{STATIC_SCHEME}{path.lstrip('/')}"
