"""The report cover's logo (templates/reports/pdf/_cover.html): a logo:// URL that reports.pdf's
fetcher serves from the storage, or "" when the organization has no logo."""

from urllib.parse import quote

from django import template

from planner.models import Organization
from reports.pdf import LOGO_SCHEME

register = template.Library()


@register.simple_tag
def organization_logo_url(organization_name: str) -> str:
    if not organization_name or not Organization.objects.filter(name=organization_name).exclude(logo="").exists():
        return ""
    return LOGO_SCHEME + quote(organization_name, safe="")
