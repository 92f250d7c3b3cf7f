"""Fixtures of the cross-cutting tests (the URL walk, the fuzzing, headers and error pages):
every identity, real objects of every type, and the hypothesis profiles.

Hypothesis runs the bounded ``ci`` profile unless ``HYPOTHESIS_PROFILE=thorough`` is set."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis.database import DirectoryBasedExampleDatabase

from planner.models import Membership
from planner.plan_file import plan_to_document
from reports.models import Report
from teams.models import Invitation, token_hash
from tests.factories import MembershipFactory, PlanFactory, UserFactory
from tests.support import FUZZ_PROFILE, World

ROOT = Path(__file__).resolve().parents[1]

# Each example of a fuzz test runs in a savepoint that is rolled back (tests.support.rolled_back),
# so function-scoped fixtures are safe to share between examples.
_COMMON = {
    "deadline": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    "database": DirectoryBasedExampleDatabase(ROOT / "var" / "hypothesis"),
}
hypothesis_settings.register_profile("ci", max_examples=10, **_COMMON)
hypothesis_settings.register_profile("thorough", max_examples=200, **_COMMON)
hypothesis_settings.load_profile(FUZZ_PROFILE)


@pytest.fixture
def world(example_plan, organization, lead, executive, stranger, settings, tmp_path):  # noqa: F811
    settings.MEDIA_ROOT = tmp_path / "media"
    admin = MembershipFactory(organization=organization, role=Membership.Role.ADMIN, user__username="ada").user
    staff = UserFactory(username="stella", is_staff=True, is_superuser=True)
    Group.objects.create(name="Kuratoren")
    report = Report.objects.create(  # as reports.services leaves a rendered report
        plan=example_plan,
        number=1,
        status=Report.Status.DONE,
        snapshot=plan_to_document(example_plan),
        page_count=12,
        render_seconds=1.5,
        started_at=timezone.now(),
        finished_at=timezone.now(),
    )
    report.file.save("bericht.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    other_plan = PlanFactory(organization=stranger.memberships.get().organization, title="Fremder Plan")
    Report.objects.create(plan=other_plan, number=1)
    users = {
        "anonymous": None,
        "stranger": stranger,
        "staff": staff,
        "lead": lead,
        "executive": executive,
        "admin": admin,
    }
    # The organization's admin invites the stranger (who signed up with a confirmed address) as an executive.
    stranger.email = "sam@example.com"
    stranger.save(update_fields=["email"])
    EmailAddress.objects.create(user=stranger, email=stranger.email, verified=True, primary=True)
    token = "einladung-an-sam-" + "x" * 26
    invitation = Invitation.objects.create(
        organization=organization,
        email=stranger.email,
        role=Membership.Role.EXECUTIVE,
        token_hash=token_hash(token),
        invited_by=admin,
        expires_at=timezone.now() + dt.timedelta(days=7),
    )
    # Someone who is none of the identities: a passkey, and a second address not confirmed yet.
    nora = UserFactory(username="nora", email="nora@example.com")
    EmailAddress.objects.create(user=nora, email=nora.email, verified=True, primary=True)
    unconfirmed = EmailAddress.objects.create(user=nora, email="nora.neu@example.com", verified=False, primary=False)
    passkey = Authenticator.objects.create(
        user=nora, type=Authenticator.Type.WEBAUTHN, data={"name": "Noras Schlüssel", "credential": {}}
    )
    return World(
        plan=example_plan,
        report=report,
        other_plan=other_plan,
        users=users,
        invitation_pk=invitation.pk,
        invitation_token=token,
        passkey_pk=passkey.pk,
        confirmation_key=EmailConfirmationHMAC(unconfirmed).key,
    )
