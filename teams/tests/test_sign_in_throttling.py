"""Guessing passwords is slowed down by allauth's rate limits, which count per time window: an
attacker cannot lock the real user out for good."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def attempt(client: Client, username: str, password: str):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_failed_sign_ins_pause_further_attempts_for_a_while_only(settings, lead):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/3s/key"}  # the production window is 5 minutes
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(3):
        response = attempt(attacker, lead.username, "wrong")
        assert response.status_code == 200 and "_auth_user_id" not in attacker.session
    # The limit is reached: even the right password is refused now, from anywhere.
    lena = Client()
    response = attempt(lena, lead.username, PASSWORD)
    assert response.status_code == 200 and "_auth_user_id" not in lena.session
    assert "Zu viele" in response.content.decode() or "Too many" in response.content.decode()
    # Once the window has passed, Lena signs in.
    time.sleep(3.5)
    response = attempt(lena, lead.username, PASSWORD)
    assert response.status_code == 302 and lena.session["_auth_user_id"] == str(lead.pk)


def test_the_production_limits_are_time_based(settings):
    from allauth.account import app_settings

    limit = app_settings.RATE_LIMITS["login_failed"]
    assert limit == "10/m/ip,5/5m/key"  # per minute and per five minutes: nothing that never expires
