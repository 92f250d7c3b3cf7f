"""allauth's account adapter: where a new user goes after signing up or in."""

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import reverse

from .selectors import request_memberships


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Someone without an organization starts by creating one (or opens an invitation's link)."""
        if not request_memberships(request):
            return reverse("teams:organization_create")
        return super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        return self.get_login_redirect_url(request)
