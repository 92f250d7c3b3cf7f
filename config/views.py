"""Views of the project itself, outside the apps."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers and as the load test's floor: answers "ok" without touching the database or the session."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
