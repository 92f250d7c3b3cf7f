from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from reports.document import report_context

from ..models import section_choices


def base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def next_url(request: HttpRequest, default: str) -> str:
    """Where a form posted from another page (the wizard, the overview) sends the user back: a path
    of this site only."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


def version_context(snapshot: dict[str, Any], number: int) -> dict[str, Any]:
    """What templates/signoff/_version.html shows of a version: the report's view of it, on screen
    in the reader's language."""
    return report_context(snapshot, variant="full", number=number)


def sections() -> list[tuple[str, str]]:
    return section_choices()


def form_errors(form) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors) or _("Please check your input.")
