"""Two-factor sign-in where an organization requires it, checked on every request."""

from __future__ import annotations

from collections.abc import Callable

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .selectors import request_memberships

# Where a member who must set up two-factor sign-in may still go: the setup itself, signing out,
# the language switch and the static files.
ALLOWED_PREFIXES = (
    "/accounts/2fa/",
    "/accounts/logout/",
    "/accounts/reauthenticate/",
    "/i18n/",
    "/static/",
    "/healthz",
)


class OrganizationMiddleware:
    """A member of an organization that requires two-factor sign-in, who has neither an authenticator
    app nor a passkey, is sent to set one up on their next request, whatever they asked for."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.user.is_authenticated
            and not request.path.startswith(ALLOWED_PREFIXES)
            and any(m.organization.require_mfa for m in request_memberships(request))
            and not is_mfa_enabled(request.user)
        ):
            names = ", ".join(m.organization.name for m in request_memberships(request) if m.organization.require_mfa)
            messages.warning(
                request,
                _("%(organizations)s requires two-factor sign-in. Please set up an authenticator app or a passkey.")
                % {"organizations": names},
            )
            return redirect(reverse("mfa_index"))
        return self.get_response(request)
