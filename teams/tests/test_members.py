"""The members page: every member reads it, admins change roles and remove members, never the last admin."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from planner.models import Membership
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_every_member_reads_the_members_a_stranger_finds_nothing(client, organization, lead, executive, stranger):
    for user in (lead, executive):
        client.force_login(user)
        page = client.get(reverse("teams:members", args=[organization.pk]))
        assert page.status_code == 200 and lead.get_full_name() in page.content.decode()
        assert "teams:invite" not in page.content.decode() and 'name="role"' not in page.content.decode()
    client.force_login(stranger)
    assert client.get(reverse("teams:members", args=[organization.pk])).status_code == 404


def test_the_last_admin_cannot_be_demoted_or_removed(admin_client, org_admin, organization, lead):
    own = Membership.objects.get(user=org_admin)
    response = admin_client.post(reverse("teams:membership_role", args=[own.pk]), {"role": "lead"}, follow=True)
    assert Membership.objects.get(pk=own.pk).role == Membership.Role.ADMIN
    assert "alert-danger" in response.content.decode()
    admin_client.post(reverse("teams:membership_remove", args=[own.pk]))
    assert Membership.objects.filter(pk=own.pk).exists()

    # With a second admin, the first may step down.
    second = Membership.objects.get(user=lead)
    admin_client.post(reverse("teams:membership_role", args=[second.pk]), {"role": "admin"})
    assert Membership.objects.get(pk=second.pk).role == Membership.Role.ADMIN
    admin_client.post(reverse("teams:membership_role", args=[own.pk]), {"role": "executive"})
    assert Membership.objects.get(pk=own.pk).role == Membership.Role.EXECUTIVE
    # ... and now lead is the last admin.
    assert admin_client.post(reverse("teams:membership_remove", args=[second.pk])).status_code == 403


def test_leads_and_executives_change_no_role_strangers_find_nothing(
    client, organization, org_admin, lead, executive, stranger
):
    target = Membership.objects.get(user=executive)
    for user, status in ((lead, 403), (executive, 403), (stranger, 404)):
        client.force_login(user)
        assert client.post(reverse("teams:membership_role", args=[target.pk]), {"role": "admin"}).status_code == status
        assert client.post(reverse("teams:membership_remove", args=[target.pk])).status_code == status
    assert Membership.objects.get(pk=target.pk).role == Membership.Role.EXECUTIVE


def test_an_admin_of_another_organization_cannot_touch_these_members(client, organization, lead):
    other_admin = MembershipFactory(role=Membership.Role.ADMIN).user
    client.force_login(other_admin)
    target = Membership.objects.get(user=lead)
    assert client.post(reverse("teams:membership_remove", args=[target.pk])).status_code == 404
    assert client.get(reverse("teams:settings", args=[organization.pk])).status_code == 404
    assert client.get(reverse("teams:export", args=[organization.pk])).status_code == 404
    assert Membership.objects.filter(pk=target.pk).exists()


def test_role_changes_and_removals_are_recorded_with_who_did_them(admin_client, org_admin, organization, lead):
    membership = Membership.objects.get(user=lead)
    admin_client.post(reverse("teams:membership_role", args=[membership.pk]), {"role": "executive"})
    admin_client.post(reverse("teams:membership_remove", args=[membership.pk]))
    entries = LogEntry.objects.get_for_object(membership).order_by("timestamp", "pk")
    assert [e.action for e in entries] == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.DELETE]
    assert entries[1].changes_dict["role"] == ["lead", "executive"] and entries[1].actor == org_admin
    assert entries[2].actor == org_admin
    page = admin_client.get(reverse("teams:members", args=[organization.pk])).content.decode()
    history = page.split('id="member-history"')[1]
    assert history.count("<li") == 3 + 1  # lena's three entries and ada's own joining
