"""Why a report failed is stored as what failed (a code and its figures) and read in the
reader's language; a render that ended without telling anyone is failed by the sweep."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from reports import services
from reports.models import Report
from reports.tasks import render_report, sweep_reports

pytestmark = pytest.mark.django_db


def page(client, report: Report, language: str) -> str:
    return client.get(reverse("planner:plan", args=[report.plan_id]), HTTP_ACCEPT_LANGUAGE=language).content.decode()


def rendering_since(plan, seconds: float, **fields) -> Report:
    return Report.objects.create(
        plan=plan,
        number=Report.objects.filter(plan=plan).count() + 1,
        status=Report.Status.RENDERING,
        snapshot={"plan": {"title": "Strategie 2027"}},
        task_id="msg-1",
        deliveries=1,
        started_at=timezone.now() - dt.timedelta(seconds=seconds),
        **fields,
    )


def test_the_reason_is_stored_as_what_failed_and_shown_in_the_readers_language(lead_client, plan, settings):
    settings.REPORT_MAX_DELIVERIES = 3
    report = services.report_request(plan=plan, user=None)
    Report.objects.filter(pk=report.pk).update(status=Report.Status.RENDERING, task_id="msg-1", deliveries=3)
    render_report.push_request(id="msg-1")
    try:
        assert render_report.run(report.pk) == "failed"
    finally:
        render_report.pop_request()
    report.refresh_from_db()
    assert (report.status, report.failure, report.failure_params) == ("failed", "interrupted", {"count": 3})
    assert "Rendering was interrupted 3 times (the worker stopped while rendering)." in page(lead_client, report, "en")
    assert "Die Erstellung wurde 3-mal unterbrochen (der Worker wurde während der Erstellung beendet)." in page(
        lead_client, report, "de"
    )


def test_a_render_that_ended_without_a_result_is_failed_by_the_sweep_and_offers_a_retry(lead_client, plan, settings):
    settings.REPORT_HARD_TIME_LIMIT = 150
    lost = rendering_since(plan, 150 + services.RENDER_GRACE_SECONDS + 5)
    call_command("requeue_reports")
    lost.refresh_from_db()
    assert (lost.status, lost.failure) == ("failed", "lost")
    assert "Rendering stopped without a result" in page(lead_client, lost, "en")
    assert "Die Erstellung endete ohne Ergebnis" in page(lead_client, lost, "de")
    assert reverse("reports:retry", args=[lost.pk]) in page(lead_client, lost, "en")


def test_the_beat_task_fails_only_renders_past_the_hard_time_limit(plan, settings):
    settings.REPORT_HARD_TIME_LIMIT = 150
    lost = rendering_since(plan, 150 + services.RENDER_GRACE_SECONDS + 5)
    alive = rendering_since(plan, 150)
    assert sweep_reports.run() == {"requeued": 0, "failed": 1}
    assert Report.objects.get(pk=lost.pk).status == Report.Status.FAILED
    assert Report.objects.get(pk=alive.pk).status == Report.Status.RENDERING


def test_the_detail_of_an_error_is_shown_as_it_is_within_the_translated_reason(lead_client, plan):
    report = Report.objects.create(
        plan=plan,
        number=1,
        status=Report.Status.FAILED,
        snapshot={},
        failure=Report.Failure.ERROR,
        failure_params={"error": "ValueError: the chart could not be drawn"},
    )
    assert "Rendering failed: ValueError: the chart could not be drawn" in page(lead_client, report, "en")
    assert "Die Erstellung ist fehlgeschlagen: ValueError: the chart could not be drawn" in page(
        lead_client, report, "de"
    )
