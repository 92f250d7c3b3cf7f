"""Django admin for staff: organizations, memberships, plans and reports, searchable, plans read-only;
the navbar links to it for staff only."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(username="stella", is_staff=True, is_superuser=True))
    return client


def test_staff_find_organizations_memberships_plans_and_reports(staff_client, example_plan, lead):
    from reports.models import Report

    Report.objects.create(plan=example_plan, number=1)
    for name, query in (
        ("planner_organization", "Kontaktlinsen"),
        ("planner_membership", lead.username),
        ("planner_plan", example_plan.title[:10]),
        ("reports_report", example_plan.title[:10]),
        ("auditlog_logentry", ""),
    ):
        page = staff_client.get(reverse(f"admin:{name}_changelist"), {"q": query})
        assert page.status_code == 200, name
    page = staff_client.get(reverse("admin:planner_plan_change", args=[example_plan.pk])).content.decode()
    assert example_plan.title in page
    assert 'name="title"' not in page  # read-only: no inputs
    assert (
        staff_client.post(reverse("admin:planner_plan_change", args=[example_plan.pk]), {"title": "x"}).status_code
        == 403
    )


def test_the_navbar_links_to_admin_for_staff_only(lead_client):
    staff = Client()
    staff.force_login(UserFactory(username="stella", is_staff=True))
    assert reverse("admin:index") in staff.get(reverse("planner:dashboard")).content.decode()
    assert reverse("admin:index") not in lead_client.get(reverse("planner:dashboard")).content.decode()
