"""How a report's row moves: claimed once, rendered into a file, failed with a reason, handed back.

The rendering itself is replaced by a stub here: these are the state changes around it.
"""

import datetime as dt

import pytest
from django.utils import timezone

from reports import services
from reports.models import Report
from reports.pdf import RenderedPDF

pytestmark = pytest.mark.django_db

Status = Report.Status
PDF = b"%PDF-1.7 stub"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def rendered(monkeypatch):
    calls = []

    def render_pdf(**kwargs):
        calls.append(kwargs)
        return RenderedPDF(content=PDF, page_count=2)

    monkeypatch.setattr(services, "render_pdf", render_pdf)
    return calls


def report_in(plan, status: str, **fields) -> Report:
    number = Report.objects.filter(plan=plan).count() + 1
    return Report.objects.create(
        plan=plan, number=number, status=status, snapshot={"plan": {"title": "Strategie 2027"}}, **fields
    )


def stored(report: Report) -> Report:
    return Report.objects.get(pk=report.pk)


# --- claiming ----------------------------------------------------------------------------


def test_a_queued_report_is_claimed_for_rendering(plan):
    report = report_in(plan, Status.QUEUED)
    claimed = services.report_claim(report_id=report.pk, task_id="msg-1")
    assert (claimed.status, claimed.task_id, claimed.deliveries) == (Status.RENDERING, "msg-1", 1)
    assert claimed.started_at is not None


@pytest.mark.parametrize("status", [Status.DONE, Status.FAILED])
def test_a_finished_report_is_not_claimed_again(plan, status):
    report = report_in(plan, status, task_id="msg-1", deliveries=1)
    assert services.report_claim(report_id=report.pk, task_id="msg-2") is None
    assert services.report_claim(report_id=report.pk, task_id="msg-1") is None  # not even by its own message
    row = stored(report)
    assert (row.status, row.task_id, row.deliveries) == (status, "msg-1", 1)


def test_a_report_that_is_gone_is_nothing_to_do(plan):
    report = report_in(plan, Status.QUEUED)
    report_id = report.pk
    report.delete()
    assert services.report_claim(report_id=report_id, task_id="msg-1") is None


def test_a_report_another_live_delivery_renders_is_not_taken(plan, settings):
    started = timezone.now() - dt.timedelta(seconds=settings.REPORT_HARD_TIME_LIMIT + 29)
    report = report_in(plan, Status.RENDERING, task_id="msg-1", deliveries=1, started_at=started)
    with pytest.raises(services.ReportClaimedError):
        services.report_claim(report_id=report.pk, task_id="msg-2")
    row = stored(report)
    assert (row.task_id, row.deliveries, row.started_at) == ("msg-1", 1, started)


def test_a_render_older_than_the_hard_time_limit_is_taken_over(plan, settings):
    started = timezone.now() - dt.timedelta(seconds=settings.REPORT_HARD_TIME_LIMIT + 31)
    report = report_in(plan, Status.RENDERING, task_id="msg-1", deliveries=1, started_at=started)
    claimed = services.report_claim(report_id=report.pk, task_id="msg-2")
    assert (claimed.status, claimed.task_id, claimed.deliveries) == (Status.RENDERING, "msg-2", 2)
    assert claimed.started_at > started


def test_the_same_message_redelivered_takes_its_render_over(plan):
    report = report_in(plan, Status.RENDERING, task_id="msg-1", deliveries=1, started_at=timezone.now())
    assert services.report_claim(report_id=report.pk, task_id="msg-1").deliveries == 2


# --- rendering ---------------------------------------------------------------------------


def test_a_claimed_report_is_rendered_into_its_file(plan, rendered):
    report = services.report_claim(report_id=report_in(plan, Status.QUEUED).pk, task_id="msg-1")
    result = services.report_render(report=report)
    row = stored(report)
    assert (result.status, row.status, row.page_count, row.failure) == (Status.DONE, Status.DONE, 2, "")
    assert row.file.read() == PDF and row.file.name.endswith("strategie-2027-v1.pdf")
    assert row.finished_at is not None and row.render_seconds is not None


def taken_over(plan, settings) -> tuple[Report, Report]:
    """The first delivery's render hung past the hard time limit and a second one took it over."""
    mine = services.report_claim(report_id=report_in(plan, Status.QUEUED).pk, task_id="msg-1")
    hung = timezone.now() - dt.timedelta(seconds=settings.REPORT_HARD_TIME_LIMIT + 31)
    Report.objects.filter(pk=mine.pk).update(started_at=hung)
    return mine, services.report_claim(report_id=mine.pk, task_id="msg-2")


def test_a_render_that_lost_its_claim_keeps_what_the_other_delivery_stored(plan, rendered, settings):
    mine, other = taken_over(plan, settings)
    services.report_render(report=other)
    done = stored(mine)
    result = services.report_render(report=mine)
    row = stored(mine)
    assert len(rendered) == 2  # both rendered; only the one holding the claim stored its file
    assert result.status == Status.DONE
    assert (row.file.name, row.finished_at) == (done.file.name, done.finished_at)


def test_a_render_that_lost_its_claim_leaves_a_failed_report_failed(plan, rendered, settings):
    mine, other = taken_over(plan, settings)
    services.report_fail(report_id=other.pk, failure="error", params={"error": "the chart could not be drawn"})
    result = services.report_render(report=mine)
    row = stored(mine)
    assert (result.status, row.status) == (Status.FAILED, Status.FAILED)
    assert row.failure_params == {"error": "the chart could not be drawn"} and not row.file


def test_a_report_whose_deliveries_all_died_is_given_up_without_rendering(plan, rendered, settings):
    settings.REPORT_MAX_DELIVERIES = 3
    report = report_in(plan, Status.RENDERING, task_id="msg-1", deliveries=4, started_at=timezone.now())
    result = services.report_render(report=report)
    assert rendered == []
    assert result.status == Status.FAILED
    assert (result.status, result.failure, result.failure_params) == (Status.FAILED, "interrupted", {"count": 3})


def test_the_last_allowed_delivery_still_renders(plan, rendered, settings):
    settings.REPORT_MAX_DELIVERIES = 3
    report = report_in(plan, Status.RENDERING, task_id="msg-1", deliveries=3, started_at=timezone.now())
    assert services.report_render(report=report).status == Status.DONE


# --- failing and handing back ----------------------------------------------------------------


def test_a_failed_render_records_what_failed(plan):
    report = report_in(plan, Status.RENDERING, task_id="msg-1", deliveries=1)
    assert services.report_fail(report_id=report.pk, failure="error", params={"error": "x" * 3000, "n": 3})
    row = stored(report)
    assert row.status == Status.FAILED and row.finished_at is not None
    assert row.failure == "error" and row.failure_params == {"error": "x" * 1000, "n": 3}


def test_a_failure_reported_for_a_message_is_recorded_only_while_it_holds_the_render(plan):
    report = report_in(plan, Status.RENDERING, task_id="msg-2", deliveries=2)
    assert not services.report_fail(report_id=report.pk, failure="time_limit", params={"seconds": 150}, task_id="msg-1")
    assert stored(report).status == Status.RENDERING
    assert services.report_fail(report_id=report.pk, failure="time_limit", params={"seconds": 150}, task_id="msg-2")
    assert stored(report).status == Status.FAILED


def test_failing_never_overwrites_a_done_report(plan, rendered):
    report = services.report_claim(report_id=report_in(plan, Status.QUEUED).pk, task_id="msg-1")
    services.report_render(report=report)
    finished = stored(report).finished_at
    services.report_fail(report_id=report.pk, failure="error", params={"error": "a late error from another delivery"})
    row = stored(report)
    assert (row.status, row.failure, row.finished_at) == (Status.DONE, "", finished)
    assert row.file.read() == PDF


def test_a_released_report_goes_back_to_the_queue_without_counting_the_delivery(plan):
    queued_at = timezone.now() - dt.timedelta(minutes=5)
    report = report_in(plan, Status.QUEUED, queued_at=queued_at)
    claimed = services.report_claim(report_id=report.pk, task_id="msg-1")
    services.report_release(report=claimed)
    row = stored(report)
    assert (row.status, row.deliveries) == (Status.QUEUED, 0)
    assert row.queued_at > queued_at  # not swept up as stale at once
    assert services.report_claim(report_id=report.pk, task_id="msg-1").deliveries == 1


@pytest.mark.parametrize("status", [Status.DONE, Status.FAILED, Status.QUEUED])
def test_releasing_touches_only_a_report_that_is_rendering(plan, status):
    queued_at = timezone.now() - dt.timedelta(minutes=5)
    report = report_in(plan, status, deliveries=1, queued_at=queued_at)
    services.report_release(report=report)
    row = stored(report)
    assert (row.status, row.deliveries, row.queued_at) == (status, 1, queued_at)
