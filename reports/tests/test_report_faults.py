"""Faults on real parts (a Celery worker and beat, Redis, PostgreSQL): whatever fails, every
report ends done or failed with a reason the reader can read, within the hard time limit
plus a minute, and a failed one offers a retry.

Each test starts its own worker with small time limits; the times each fault took until
the report was settled are printed (run with -s to see them).
"""

import re
import time

import pytest
from django.db import connection
from django.urls import reverse

from conftest import Beat
from reports.models import Report

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SETTLED = (Report.Status.DONE, Report.Status.FAILED)


def wait_for(predicate, timeout: float, interval: float = 0.1, what: str = "the condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def status_of(report: Report) -> str:
    return Report.objects.values_list("status", flat=True).get(pk=report.pk)


def settled(report: Report, timeout: float) -> Report:
    """Waits until the report is done or failed and returns it as stored."""
    wait_for(lambda: status_of(report) in SETTLED, timeout, what=f"report {report.pk} to be done or failed")
    report.refresh_from_db()
    return report


def row(client, report: Report, language: str = "en") -> str:
    """The report's row as the reader's browser polls it, reduced to its visible text."""
    html = client.get(
        reverse("reports:status", args=[report.pk]), HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def retry_offered(client, report: Report) -> bool:
    page = client.get(reverse("planner:plan", args=[report.plan_id])).content.decode()
    return reverse("reports:retry", args=[report.pk]) in page


def request_report(client, plan, variant: str = "full") -> Report:
    response = client.post(reverse("reports:create", args=[plan.pk]), {"variant": variant}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    return Report.objects.get(plan=plan, variant=variant, status__in=["queued", "rendering"])


def test_redis_restarted_with_reports_queued_every_report_completes(
    lead_client, example_plan, large_plan, long_plan, private_redis, start_celery, settings
):
    settings.REPORT_WAITING_SECONDS = 2
    settings.REPORT_MAX_PENDING_PER_USER = 4
    env = {"REDIS_URL": private_redis.url, "REPORT_STALE_QUEUED_SECONDS": "3", "REPORT_SWEEP_SECONDS": "1"}
    start_celery(env=env)
    beat = start_celery(Beat, env=env)
    # One renders, two wait in Redis's queue when Redis goes away (its queue is not persisted).
    rendering = request_report(lead_client, long_plan)
    waiting = [request_report(lead_client, large_plan, "short"), request_report(lead_client, example_plan)]
    wait_for(lambda: status_of(rendering) == Report.Status.RENDERING, 30, what="the first render")
    private_redis.stop()
    outage = time.monotonic()

    # Requested while Redis is away: the request answers, the report waits in the database.
    during_outage = request_report(lead_client, example_plan, "short")
    time.sleep(settings.REPORT_WAITING_SECONDS + 0.5)
    for report in [*waiting, during_outage]:
        assert status_of(report) == Report.Status.QUEUED
        assert "waiting for a worker" in row(lead_client, report)
        assert "wartet auf einen Worker" in row(lead_client, report, "de")

    private_redis.start()
    reports = [rendering, *waiting, during_outage]
    for report in reports:
        settled(report, timeout=90)
    seconds = time.monotonic() - outage
    print(f"\nRedis restart: all {len(reports)} reports done {seconds:.1f} s after Redis stopped")
    assert [r.status for r in reports] == ["done"] * 4, [
        (r.pk, r.failure, beat.log.read_text()[-2000:]) for r in reports
    ]
    for report in reports:
        assert report.file.read(4) == b"%PDF"
        assert "Download PDF" in row(lead_client, report)


REFUSE_WRITES = """
CREATE OR REPLACE FUNCTION refuse_report_writes() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the database refuses writes to reports_report' USING ERRCODE = '{code}';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER refuse_report_writes BEFORE UPDATE ON reports_report
    FOR EACH ROW EXECUTE FUNCTION refuse_report_writes();
"""
ALLOW_WRITES = "DROP TRIGGER IF EXISTS refuse_report_writes ON reports_report"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        # 57P01 is what a PostgreSQL that shuts down answers: a transient error, retried.
        ("57P01", "done"),
        # P0001 (an error the database raises on purpose) is no reason to retry the render.
        ("P0001", "failed"),
    ],
)
def test_the_database_refusing_writes_while_a_render_finishes_never_leaves_it_rendering(
    lead_client, long_plan, start_celery, code, expected
):
    hard_limit = 20
    worker = start_celery(env={"REPORT_SOFT_TIME_LIMIT": "15", "REPORT_HARD_TIME_LIMIT": str(hard_limit)})
    report = request_report(lead_client, long_plan)
    wait_for(lambda: status_of(report) == Report.Status.RENDERING, 30, what="the render")
    with connection.cursor() as cursor:
        cursor.execute(REFUSE_WRITES.format(code=code))
    fault = time.monotonic()
    try:
        # The render finishes, the write of its result is refused, and so is the next write: of
        # its failure, or of its way back to the queue. The task says it will retry.
        wait_for(lambda: "; retrying" in worker.log.read_text(), 30, what="a second refused write")
        assert "the database refuses writes to reports_report" in worker.log.read_text()
    finally:
        with connection.cursor() as cursor:
            cursor.execute(ALLOW_WRITES)
    fault_over = time.monotonic()
    report = settled(report, timeout=hard_limit + 60)
    now = time.monotonic()
    print(f"\ndatabase refusing writes ({code}): {report.status} {now - fault:.1f} s after the fault began, ", end="")
    print(f"{now - fault_over:.1f} s after it ended")
    assert report.status == expected, (report.status, worker.log.read_text()[-3000:])
    if expected == "done":
        assert "Download PDF" in row(lead_client, report)
    else:
        assert "Rendering failed: ProgrammingError: the database refuses writes to reports_report" in row(
            lead_client, report
        )
        assert retry_offered(lead_client, report)


def test_a_render_over_the_soft_time_limit_fails_with_the_reason_and_offers_a_retry(
    lead_client, long_plan, start_celery
):
    start_celery(env={"REPORT_SOFT_TIME_LIMIT": "1", "REPORT_HARD_TIME_LIMIT": "20"})
    report = request_report(lead_client, long_plan)
    report = settled(report, timeout=20 + 60)
    print(f"\nsoft time limit: {report.status} {(report.finished_at - report.started_at).total_seconds():.1f} s")
    assert report.status == Report.Status.FAILED
    assert "Rendering took longer than 1 second and was stopped." in row(lead_client, report)
    assert "Die Erstellung dauerte länger als 1 Sekunde und wurde abgebrochen." in row(lead_client, report, "de")
    assert retry_offered(lead_client, report)


def test_a_render_killed_by_the_hard_time_limit_fails_with_the_reason_within_a_minute(
    lead_client, long_plan, start_celery
):
    # No soft limit (0 turns it off), as when the render does not stop at the soft one: stuck in
    # C code, or the exception swallowed. The hard limit kills the pool process.
    hard_limit = 1
    worker = start_celery(env={"REPORT_SOFT_TIME_LIMIT": "0", "REPORT_HARD_TIME_LIMIT": str(hard_limit)})
    report = request_report(lead_client, long_plan)
    wait_for(lambda: status_of(report) == Report.Status.RENDERING, 30, what="the render")
    started = time.monotonic()
    report = settled(report, timeout=hard_limit + 60)
    print(f"\nhard time limit: {report.status} {time.monotonic() - started:.1f} s after the render started")
    assert report.status == Report.Status.FAILED, worker.log.read_text()[-3000:]
    assert "Hard time limit" in worker.log.read_text()
    assert "Rendering took longer than 1 second and was stopped." in row(lead_client, report)
    assert retry_offered(lead_client, report)


def test_a_render_whose_worker_machine_is_lost_is_failed_by_the_sweep_within_a_minute(
    lead_client, long_plan, start_celery
):
    hard_limit = 2
    env = {"REPORT_SOFT_TIME_LIMIT": "0", "REPORT_HARD_TIME_LIMIT": str(hard_limit), "REPORT_SWEEP_SECONDS": "1"}
    worker = start_celery(env=env)
    report = request_report(lead_client, long_plan)
    wait_for(lambda: status_of(report) == Report.Status.RENDERING, 30, what="the render")
    worker.kill()  # the worker and its pool at once: nobody is left to say what happened
    lost = time.monotonic()
    # Its message stays unacknowledged in Redis until the visibility timeout; beat's sweep,
    # run by another worker, sees a render older than the hard limit and fails it.
    start_celery(env=env)
    start_celery(Beat, env=env)
    report = settled(report, timeout=hard_limit + 60)
    print(f"\nworker machine lost: {report.status} {time.monotonic() - lost:.1f} s after")
    assert report.status == Report.Status.FAILED
    assert "Rendering stopped without a result" in row(lead_client, report)
    assert retry_offered(lead_client, report)
