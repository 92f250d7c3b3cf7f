"""Renders are limited: a report of a plan and variant that is still queued or rendering is
not queued a second time (the reader gets the pending one, and is told), and one person may
have only a few reports pending at once."""

import threading

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse

from reports.models import Report
from tests.factories import PASSWORD, PlanFactory

pytestmark = pytest.mark.django_db


def request(client, plan, variant: str = "full", *, htmx: bool = True, language: str = "en"):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(
        reverse("reports:create", args=[plan.pk]), {"variant": variant}, HTTP_ACCEPT_LANGUAGE=language, **headers
    )


def pending(plan=None) -> list[tuple[int, str]]:
    reports = Report.objects.filter(status__in=["queued", "rendering"])
    if plan is not None:
        reports = reports.filter(plan=plan)
    return list(reports.order_by("number").values_list("number", "variant"))


@pytest.mark.parametrize("status", [Report.Status.QUEUED, Report.Status.RENDERING])
def test_a_second_request_while_one_is_pending_gives_the_pending_one_and_says_so(lead_client, plan, status):
    assert request(lead_client, plan).status_code == 200
    Report.objects.update(status=status)
    response = request(lead_client, plan)
    assert pending(plan) == [(1, "full")]
    page = response.content.decode()
    assert "Full report: version 1 is already being prepared, so no second one was queued." in page
    # htmx puts the answer over the plan's list of reports, with the pending one in it.
    assert response["HX-Retarget"] == "#plan-reports" and response["HX-Reswap"] == "outerHTML"
    assert 'id="report-list"' in page and f'id="report-{Report.objects.get().pk}"' in page

    german = request(lead_client, plan, language="de").content.decode()
    assert (
        "Vollständiger Bericht: Version 1 wird bereits erstellt, deshalb wurde keine zweite Erstellung gestartet."
        in german
    )


def test_without_htmx_the_pending_one_is_announced_on_the_plan_page(lead_client, plan):
    request(lead_client, plan, htmx=False)
    response = request(lead_client, plan, htmx=False)
    assert response.status_code == 302 and pending(plan) == [(1, "full")]
    page = lead_client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Full report: version 1 is already being prepared, so no second one was queued." in page


def test_the_other_variant_and_a_finished_report_do_not_block_a_request(lead_client, plan):
    request(lead_client, plan)
    request(lead_client, plan, "short")
    assert pending(plan) == [(1, "full"), (2, "short")]
    Report.objects.filter(number=1).update(status=Report.Status.DONE)
    Report.objects.filter(number=2).update(status=Report.Status.FAILED)
    request(lead_client, plan)
    request(lead_client, plan, "short")
    assert pending(plan) == [(3, "full"), (4, "short")]


def test_a_person_may_have_only_a_few_reports_pending(lead_client, lead, organization, settings):
    settings.REPORT_MAX_PENDING_PER_USER = 2
    plans = [PlanFactory(organization=organization, created_by=lead) for _ in range(3)]
    request(lead_client, plans[0])
    request(lead_client, plans[1])
    response = request(lead_client, plans[2])
    assert pending() == [(1, "full"), (1, "full")] and pending(plans[2]) == []
    page = response.content.decode()
    assert "You already have 2 reports being prepared. Request this one when one of them is ready." in page
    assert response["HX-Retarget"] == "#plan-reports"
    german = request(lead_client, plans[2], language="de").content.decode()
    assert "Für Sie werden bereits 2 Berichte erstellt. Fordern Sie diesen an, sobald einer davon fertig ist." in german

    Report.objects.filter(plan=plans[0]).update(status=Report.Status.DONE)
    page = request(lead_client, plans[2]).content.decode()
    assert pending(plans[2]) == [(1, "full")]
    assert '<div id="report-notice" role="status" hx-swap-oob="true"></div>' in page  # the refusal is cleared


def test_the_limit_counts_each_persons_own_pending_reports(lead_client, executive, plan, settings):
    settings.REPORT_MAX_PENDING_PER_USER = 1
    request(lead_client, plan)
    other = Client()
    assert other.login(username=executive.username, password=PASSWORD)
    request(other, plan, "short")
    assert pending(plan) == [(1, "full"), (2, "short")]


def test_retrying_a_failed_report_while_another_of_its_kind_is_pending_gives_the_pending_one(lead_client, plan):
    request(lead_client, plan)
    Report.objects.update(status=Report.Status.FAILED)
    request(lead_client, plan)
    failed = Report.objects.get(number=1)
    response = lead_client.post(
        reverse("reports:retry", args=[failed.pk]), HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert pending(plan) == [(2, "full")] and Report.objects.get(number=1).status == "failed"
    assert "Full report: version 2 is already being prepared, so no second one was queued." in (
        response.content.decode()
    )


@pytest.mark.django_db(transaction=True)
def test_twenty_requests_at_once_queue_one_report(executive, plan, celery_queue):
    """An executive clicked 20 times within 2.2 s: each click is its own request and connection."""
    clients = []
    for _ in range(20):
        client = Client()
        client.force_login(executive)
        clients.append(client)
    start = threading.Barrier(len(clients))
    answers: list[int] = []

    def click(client):
        start.wait()
        try:
            answers.append(request(client, plan).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [200] * 20
    assert pending(plan) == [(1, "full")] and Report.objects.count() == 1
