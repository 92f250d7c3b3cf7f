"""The plan overview lists the plan's reports through {% plan_reports plan %}: newest first, each
with its state, and a retry form that posts like any other form on the page."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from reports.models import Report
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def test_the_overview_lists_the_plans_reports_newest_first(lead_client, plan):
    for number in (1, 2):
        Report.objects.create(plan=plan, number=number, snapshot={"plan": {"title": plan.title}})
    other = PlanFactory(organization=plan.organization)
    Report.objects.create(plan=other, number=7, snapshot={"plan": {"title": other.title}})
    page = lead_client.get(reverse("planner:plan", args=[plan.pk])).content.decode()
    listing = page[page.index('id="report-list"') :]
    assert listing.index("Version 2") < listing.index("Version 1")
    assert listing.count('class="border-bottom py-2 report-row"') == 2
    assert "Version 7" not in page  # another plan's reports stay on its own page


def test_a_failed_reports_retry_form_carries_the_pages_csrf_token(plan):
    report = Report.objects.create(
        plan=plan,
        number=1,
        status=Report.Status.FAILED,
        failure=Report.Failure.ERROR,
        failure_params={"error": "kaputt"},
        snapshot={},
    )
    html = Template("{% load report_tags %}{% plan_reports plan %}").render(
        Context({"plan": plan, "csrf_token": "the-token"})
    )
    assert reverse("reports:retry", args=[report.pk]) in html and "kaputt" in html
    assert 'name="csrfmiddlewaretoken" value="the-token"' in html
