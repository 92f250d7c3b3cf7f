"""Fixtures of the teams tests: an organization's admin, signing up and reading the mails."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from planner.models import Membership
from tests.factories import PASSWORD, MembershipFactory


@pytest.fixture
def org_admin(organization):
    return MembershipFactory(
        organization=organization, role=Membership.Role.ADMIN, user__username="ada", user__email="ada@klv.example"
    ).user


@pytest.fixture
def admin_client(client, org_admin):
    assert client.login(username=org_admin.username, password=PASSWORD)
    return client


@pytest.fixture
def admin_client_for(org_admin):
    """A second browser, the admin's, for tests whose ``client`` is someone else's."""
    from django.test import Client

    other = Client()
    other.force_login(org_admin)
    return other


def link_in(mail, path_prefix: str) -> str:
    """The path of the first link in a mail that starts with ``path_prefix``."""
    found = re.search(rf"https?://[^/\s]+({re.escape(path_prefix)}\S*)", mail.body)
    assert found, f"no link to {path_prefix} in:\n{mail.body}"
    return found[1]


def sign_up(client, email: str, *, following: str = "") -> object:
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    if following:
        data["next"] = following
    return client.post(reverse("account_signup"), data)


def signed_in_user_id(client) -> str | None:
    return client.session.get("_auth_user_id")
