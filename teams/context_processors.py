from django.http import HttpRequest

from .selectors import request_current_membership, request_memberships


def organizations(request: HttpRequest) -> dict:
    """The navbar's organization switcher: the user's organizations and the current one."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    current = request_current_membership(request)
    return {
        "user_memberships": request_memberships(request),
        "current_membership": current,
        "current_organization": current.organization if current else None,
    }
