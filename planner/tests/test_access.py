"""Tenancy: a plan is visible to the members of its organization only."""

import pytest
from django.urls import reverse

from reports.models import Report

pytestmark = pytest.mark.django_db


def plan_urls(plan):
    return [
        reverse("planner:plan", args=[plan.pk]),
        reverse("planner:step", args=[plan.pk, "basics"]),
        reverse("planner:step", args=[plan.pk, "goals"]),
    ]


def report_urls(report):
    return [reverse("reports:status", args=[report.pk]), reverse("reports:download", args=[report.pk])]


@pytest.fixture
def done_report(plan):
    return Report.objects.create(plan=plan, number=1, status=Report.Status.DONE, snapshot={"plan": {"title": "x"}})


def test_stranger_gets_404_for_plan_pages(stranger_client, plan):
    for url in plan_urls(plan):
        assert stranger_client.get(url).status_code == 404, url


def test_stranger_gets_404_for_report_status_download_and_retry(stranger_client, done_report):
    for url in report_urls(done_report):
        assert stranger_client.get(url).status_code == 404, url
    assert stranger_client.post(reverse("reports:retry", args=[done_report.pk])).status_code == 404


def test_stranger_cannot_request_a_report_of_another_organization(stranger_client, plan):
    response = stranger_client.post(reverse("reports:create", args=[plan.pk]))
    assert response.status_code == 404
    assert not Report.objects.exists()


def test_stranger_cannot_save_a_wizard_step(stranger_client, plan):
    response = stranger_client.post(reverse("planner:step", args=[plan.pk, "basics"]), {"title": "Hacked"})
    assert response.status_code == 404
    plan.refresh_from_db()
    assert plan.title != "Hacked"


def test_anonymous_is_sent_to_login(client, plan, done_report):
    for url in [reverse("planner:dashboard"), *plan_urls(plan), *report_urls(done_report)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login")), url


def test_dashboard_lists_only_the_users_organizations_plans(lead_client, plan, stranger):
    from tests.factories import PlanFactory

    other = PlanFactory(organization=stranger.memberships.get().organization, title="Fremder Plan")
    page = lead_client.get(reverse("planner:dashboard")).content.decode()
    assert plan.title in page
    assert other.title not in page


def test_executive_reads_but_cannot_edit(client, executive, plan):
    from tests.factories import PASSWORD

    client.login(username=executive.username, password=PASSWORD)
    assert client.get(reverse("planner:plan", args=[plan.pk])).status_code == 200
    assert client.get(reverse("planner:step", args=[plan.pk, "basics"])).status_code == 403
