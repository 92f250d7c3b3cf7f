"""Rendering loses nothing: a killed worker's job is redone, lost messages are swept up,
and a report that kills its worker every time ends as failed instead of looping."""

import datetime as dt
import time

import pytest
from celery.exceptions import Retry
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone

from reports import services
from reports.models import Report
from reports.tasks import MAX_RETRIES, render_report, sweep_reports


def wait_for(predicate, timeout=60.0, interval=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(interval)
    raise AssertionError("timed out")


def status_of(report: Report) -> str:
    return Report.objects.values_list("status", flat=True).get(pk=report.pk)


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_while_rendering_is_replaced_and_the_report_finishes(long_plan, celery_worker):
    # The large plan renders for about two seconds: time enough to kill the process mid-render.
    report = services.report_request(plan=long_plan, user=None)
    wait_for(lambda: status_of(report) == Report.Status.RENDERING)
    queued_at = Report.objects.values_list("queued_at", flat=True).get(pk=report.pk)
    killed = celery_worker.kill_pool_child()

    # The worker's main process sees the lost child (WorkerLostError), rejects the message
    # back onto the queue (reject_on_worker_lost) and a fresh pool process renders it again.
    wait_for(lambda: status_of(report) in (Report.Status.DONE, Report.Status.FAILED), timeout=90)
    report.refresh_from_db()
    log = celery_worker.log.read_text()
    assert report.status == Report.Status.DONE, (report.failure_reason, log[-3000:])
    assert report.deliveries == 2
    assert report.queued_at > queued_at  # it waited as "queued" for its second delivery
    assert killed not in celery_worker.pool_pids()
    assert "WorkerLostError" in log
    assert report.file.read().startswith(b"%PDF")


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_the_sweep_requeues_a_report_whose_message_was_lost(example_plan, celery_worker):
    # Queued, but its message never reached (or was lost by) Redis.
    lost = Report.objects.create(
        plan=example_plan,
        number=1,
        snapshot=services.plan_to_document(example_plan),
        queued_at=timezone.now() - dt.timedelta(minutes=10),
    )
    fresh = Report.objects.create(plan=example_plan, number=2, snapshot=lost.snapshot, queued_at=timezone.now())
    call_command("requeue_reports")
    wait_for(lambda: status_of(lost) == Report.Status.DONE, timeout=60, interval=0.25)
    assert status_of(fresh) == Report.Status.QUEUED  # not stale yet: its message may still come


@pytest.mark.django_db
def test_the_beat_task_requeues_only_stale_queued_reports(plan, settings, django_capture_on_commit_callbacks):
    settings.REPORT_STALE_QUEUED_SECONDS = 180
    old = timezone.now() - dt.timedelta(minutes=5)
    stale = Report.objects.create(plan=plan, number=1, queued_at=old, snapshot={"plan": {"title": "x"}})
    Report.objects.create(plan=plan, number=2, queued_at=timezone.now(), snapshot={"plan": {"title": "x"}})
    Report.objects.create(plan=plan, number=3, queued_at=old, status=Report.Status.DONE, snapshot={})
    with django_capture_on_commit_callbacks() as callbacks:
        assert sweep_reports.run() == {"requeued": 1, "failed": 0}
    assert len(callbacks) == 1
    stale.refresh_from_db()
    assert stale.queued_at > old


@pytest.mark.django_db
def test_a_report_that_kills_its_worker_every_time_ends_failed_with_the_reason(plan, settings):
    settings.REPORT_MAX_DELIVERIES = 3
    report = services.report_request(plan=plan, user=None)
    # Three deliveries of the same message each died mid-render (their worker was killed).
    Report.objects.filter(pk=report.pk).update(status=Report.Status.RENDERING, task_id="msg-1", deliveries=3)
    render_report.push_request(id="msg-1")
    try:
        assert render_report.run(report.pk) == "failed"
    finally:
        render_report.pop_request()
    report.refresh_from_db()
    assert (report.status, report.failure, report.failure_params) == ("failed", "interrupted", {"count": 3})
    assert services.report_retry(report=report, user=None)
    report.refresh_from_db()
    assert (report.status, report.deliveries, report.failure, report.failure_params) == ("queued", 0, "", {})


@pytest.mark.django_db
def test_a_second_delivery_does_not_render_while_the_first_is_alive(plan):
    report = services.report_request(plan=plan, user=None)
    assert services.report_claim(report_id=report.pk, task_id="first") is not None
    with pytest.raises(services.ReportClaimedError):
        services.report_claim(report_id=report.pk, task_id="second")
    # the same message redelivered (its worker died) takes the render over
    assert services.report_claim(report_id=report.pk, task_id="first").deliveries == 2


@pytest.mark.django_db
def test_a_transient_error_is_retried_with_backoff_and_fails_after_the_last_retry(plan, monkeypatch):
    report = services.report_request(plan=plan, user=None)
    retries = []

    def database_away(**kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    def record_retry(exc, countdown):
        retries.append((type(exc), countdown))
        return Retry()

    monkeypatch.setattr(services, "render_pdf", database_away)
    monkeypatch.setattr(render_report, "retry", record_retry)
    for attempt in range(MAX_RETRIES):
        render_report.push_request(id="msg-1", retries=attempt)
        try:
            with pytest.raises(Retry):
                render_report.run(report.pk)
        finally:
            render_report.pop_request()
        report.refresh_from_db()
        assert (report.status, report.deliveries) == ("queued", 0)  # a clean stop is not a lost worker
    assert retries == [(OperationalError, 2), (OperationalError, 4), (OperationalError, 8), (OperationalError, 16)]

    render_report.push_request(id="msg-1", retries=MAX_RETRIES)
    try:
        assert render_report.run(report.pk) == "failed"
    finally:
        render_report.pop_request()
    report.refresh_from_db()
    assert (report.status, report.failure) == ("failed", "repeated_errors")
    assert "server closed the connection" in report.failure_params["error"]
