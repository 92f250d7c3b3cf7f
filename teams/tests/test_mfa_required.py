"""An organization's admin requires two-factor sign-in: every member without it is sent to set it up
on their next request, and from then on signs in with a code."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.test import Client
from django.urls import reverse

from planner.models import Organization
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def sign_in(client: Client, username: str) -> None:
    response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]


def test_required_two_factor_sign_in_is_enforced_on_the_next_request(admin_client, organization, lead, plan):
    lena = Client()
    sign_in(lena, lead.username)
    assert lena.get(reverse("planner:plan", args=[plan.pk])).status_code == 200

    response = admin_client.post(
        reverse("teams:settings", args=[organization.pk]),
        {"name": organization.name, "default_language": "de", "require_mfa": "on"},
    )
    assert response.status_code == 302
    assert Organization.objects.get(pk=organization.pk).require_mfa

    # Lena's next request, whatever it asks for, leads to the setup.
    for url in (
        reverse("planner:plan", args=[plan.pk]),
        reverse("planner:dashboard"),
        reverse("teams:members", args=[organization.pk]),
    ):
        response = lena.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("mfa_index"), url
    assert lena.post(reverse("planner:plan_archive", args=[plan.pk]))["Location"] == reverse("mfa_index")
    assert lena.get(reverse("mfa_index")).status_code == 200

    # She sets up her authenticator app (allauth asks for her password again first): she may go on.
    response = lena.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert lena.post(response["Location"], {"password": PASSWORD}).status_code == 302
    assert lena.get(reverse("mfa_activate_totp")).status_code == 200
    secret = lena.session["mfa.totp.secret"]
    response = lena.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=lead, type=Authenticator.Type.TOTP).exists()
    assert lena.get(reverse("planner:plan", args=[plan.pk])).status_code == 200

    # Next time she signs in, the password alone is not enough.
    again = Client()
    response = again.post(reverse("login"), {"username": lead.username, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert again.get(reverse("planner:dashboard")).status_code == 302
    response = again.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert again.get(reverse("planner:dashboard")).status_code == 200


def test_members_of_organizations_that_do_not_require_it_are_not_asked(lead_client, organization):
    assert not organization.require_mfa
    assert lead_client.get(reverse("planner:dashboard")).status_code == 200


def test_only_an_admin_changes_the_setting(client, organization, lead, executive, stranger):
    for user, status in ((lead, 403), (executive, 403), (stranger, 404)):
        client.force_login(user)
        response = client.post(
            reverse("teams:settings", args=[organization.pk]),
            {"name": organization.name, "default_language": "de", "require_mfa": "on"},
        )
        assert response.status_code == status
    assert not Organization.objects.get(pk=organization.pk).require_mfa
