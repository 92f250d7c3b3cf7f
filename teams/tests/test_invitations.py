"""Invitation links: valid once, for a week, until withdrawn; a guessed link finds nothing."""

import datetime as dt
import secrets

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from planner.models import Membership
from teams.models import Invitation
from teams.services import invitation_create
from tests.factories import PASSWORD, UserFactory

from .conftest import link_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def invite(organization, org_admin, mailoutbox, django_capture_on_commit_callbacks):
    """Invite an address as the organization's admin would; returns the link's path."""

    def invite(email: str = "ben@klv.example", role: str = Membership.Role.LEAD) -> str:
        with django_capture_on_commit_callbacks(execute=True):
            invitation_create(
                organization=organization, email=email, role=role, invited_by=org_admin, base_url="http://testserver/"
            )
        return link_in(mailoutbox[-1], "/invitations/")

    return invite


@pytest.fixture
def ben(client):
    user = UserFactory(username="ben", email="ben@klv.example")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    assert client.login(username="ben", password=PASSWORD)
    return user


def test_a_valid_link_shows_the_invitation_and_is_accepted_once(client, invite, ben, organization):
    link = invite(role=Membership.Role.EXECUTIVE)
    page = client.get(link)
    assert page.status_code == 200 and organization.name in page.content.decode()
    assert client.post(link + "accept/")["Location"] == reverse("planner:dashboard")
    assert Membership.objects.get(user=ben, organization=organization).role == Membership.Role.EXECUTIVE


def test_a_used_link_does_not_work_again(client, invite, ben, organization):
    link = invite()
    client.post(link + "accept/")
    Membership.objects.filter(user=ben).delete()  # removed since; the old link must not bring him back
    page = client.get(link)
    assert page.status_code == 410
    client.post(link + "accept/")
    assert not Membership.objects.filter(user=ben, organization=organization).exists()


def test_an_expired_link_does_not_work(client, invite, ben, organization):
    link = invite()
    Invitation.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert client.get(link).status_code == 410
    client.post(link + "accept/")
    assert not Membership.objects.filter(user=ben, organization=organization).exists()


def test_a_withdrawn_link_does_not_work(client, invite, ben, organization, admin_client_for):
    link = invite()
    invitation = Invitation.objects.get()
    admin_client_for.post(reverse("teams:invitation_revoke", args=[invitation.pk]))
    assert Invitation.objects.get().revoked_at is not None
    assert client.get(link).status_code == 410
    client.post(link + "accept/")
    assert not Membership.objects.filter(user=ben, organization=organization).exists()


def test_inviting_the_same_address_again_replaces_the_earlier_link(client, invite, ben):
    first = invite()
    second = invite()
    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200


def test_a_guessed_link_finds_nothing(client, invite, ben):
    invite()
    for token in (secrets.token_urlsafe(32), "1", "..%2Fadmin", "x" * 300):
        assert client.get(f"/invitations/{token}/").status_code == 404
        assert client.post(f"/invitations/{token}/accept/").status_code == 404
    assert not Membership.objects.filter(user=ben).exists()


def test_only_the_invited_address_accepts(client, invite, organization):
    link = invite("ben@klv.example")
    other = UserFactory(username="mallory", email="mallory@evil.example")
    EmailAddress.objects.create(user=other, email=other.email, verified=True, primary=True)
    client.login(username="mallory", password=PASSWORD)
    assert "mallory" not in client.get(link).content.decode()
    response = client.post(link + "accept/")
    assert response["Location"] == link
    assert not Membership.objects.filter(user=other).exists()
    assert Invitation.objects.get().accepted_at is None  # still open for Ben


def test_an_unconfirmed_address_does_not_accept(client, invite, organization):
    link = invite("ben@klv.example")
    user = UserFactory(username="ben2", email="ben@klv.example")
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.login(username="ben2", password=PASSWORD)
    client.post(link + "accept/")
    assert not Membership.objects.filter(user=user).exists()


def test_only_admins_invite_and_withdraw(client, lead, executive, stranger, organization, invite):
    invite()
    invitation = Invitation.objects.get()
    for user, status in ((lead, 403), (executive, 403), (stranger, 404)):
        client.force_login(user)
        assert (
            client.post(reverse("teams:invite", args=[organization.pk]), {"email": "x@y.example"}).status_code == status
        )
        assert client.post(reverse("teams:invitation_revoke", args=[invitation.pk])).status_code == status
    assert Invitation.objects.count() == 1 and Invitation.objects.get().revoked_at is None


def test_the_invitation_mail_is_written_in_the_organizations_language(organization, invite, mailoutbox):
    organization.default_language = "en"
    organization.save()
    invite()
    assert mailoutbox[-1].subject.startswith("Invitation to")
    organization.default_language = "de"
    organization.save()
    invite("carla@klv.example")
    assert mailoutbox[-1].subject.startswith("Einladung")


def test_opening_the_link_writes_nothing_signing_up_from_it_needs_no_second_mail(client, invite, mailoutbox):
    from django.contrib.sessions.models import Session

    link = invite()
    assert client.get(link).status_code == 200
    assert not Session.objects.exists()  # a GET writes nothing, not even a session
    response = client.post(link)
    assert response["Location"].startswith(reverse("account_signup"))
    mails = len(mailoutbox)
    client.post(
        reverse("account_signup"),
        {"email": "ben@klv.example", "password1": PASSWORD, "password2": PASSWORD, "next": link},
    )
    assert EmailAddress.objects.get(email="ben@klv.example").verified
    assert len(mailoutbox) == mails
