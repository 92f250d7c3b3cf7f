"""Celery tasks: thin, idempotent and retry-safe; the work is in reports.services.

Every render ends with its report done or failed with a reason:
- an error in the render, or the soft time limit, is recorded by the task itself;
- a transient error (the database or broker briefly away) is retried with backoff;
- a verdict the database refused to store is retried on its own, without rendering again;
- the hard time limit and a lost pool process are seen by the worker's main process
  (RenderRequest), which records them, since the process that rendered is gone;
- whatever is left (the whole worker vanished, or the database was away when the main
  process tried) is failed by the sweep once the render is past the hard time limit.
"""

import logging

from billiard.exceptions import WorkerLostError
from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.worker.request import Request
from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from kombu.exceptions import OperationalError as BrokerError

from . import services
from .models import Report
from .pdf import cyclic_gc_paused

logger = logging.getLogger(__name__)

# Errors worth another try: the database or the broker was briefly away, a disk hiccup.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, BrokerError, ConnectionError, TimeoutError)
MAX_RETRIES = 4


class RenderRequest(Request):
    """Runs in the worker's main process, which outlives a pool process killed by the hard time
    limit or lost otherwise: it writes down what happened to the report."""

    def on_timeout(self, soft: bool, timeout: float) -> None:
        super().on_timeout(soft, timeout)
        if not soft:
            self._record(
                services.report_fail,
                failure=Report.Failure.TIME_LIMIT,
                params={"seconds": int(timeout)},
            )

    def on_failure(self, exc_info, send_failed_event: bool = True, return_ok: bool = False) -> None:
        lost = isinstance(getattr(exc_info.exception, "exc", exc_info.exception), WorkerLostError)
        if lost and self.task.reject_on_worker_lost:
            # The message goes back to the end of the queue; the report waits as "queued". Written
            # before the message is back, where another worker may claim it at once.
            self._record(services.report_requeue_after_worker_lost)
        super().on_failure(exc_info, send_failed_event=send_failed_event, return_ok=return_ok)

    def _record(self, write, **kwargs) -> None:
        report_id = self.args[0] if self.args else self.kwargs.get("report_id")
        try:
            write(report_id=report_id, task_id=self.id, **kwargs)
        except DatabaseError:
            logger.exception("report %s: could not record the render's end; the sweep will", report_id)
        finally:
            connections.close_all()  # the main process holds no connection between renders


class RenderTask(Task):
    Request = RenderRequest


@shared_task(
    bind=True,
    base=RenderTask,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=settings.REPORT_SOFT_TIME_LIMIT,
    time_limit=settings.REPORT_HARD_TIME_LIMIT,
    max_retries=MAX_RETRIES,
)
def render_report(self, report_id: int, failure: str = "", params: dict | None = None) -> str:
    """Render the report; `failure` and `params` carry a verdict a previous attempt reached
    but could not store."""
    task_id = self.request.id or "eager"
    try:
        report = services.report_claim(report_id=report_id, task_id=task_id)
    except services.ReportClaimedError:
        return "claimed by another delivery"
    except TRANSIENT_ERRORS as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    if report is None:
        return "nothing to do"
    if failure:
        return _fail(self, report, failure, params or {})
    try:
        with cyclic_gc_paused():  # the render's garbage is collected once the report is stored
            rendered = services.report_render(report=report)
    except SoftTimeLimitExceeded:
        return _fail(self, report, Report.Failure.TIME_LIMIT, {"seconds": settings.REPORT_SOFT_TIME_LIMIT})
    except TRANSIENT_ERRORS as exc:
        if self.request.retries >= MAX_RETRIES:
            return _fail(self, report, Report.Failure.REPEATED_ERRORS, {"error": str(exc)})
        try:
            services.report_release(report=report)
        except DatabaseError:
            # Still away: the report stays "rendering" under this message's id, which the
            # retry (the same id) may claim again.
            logger.warning("report %s: could not hand it back to the queue; retrying", report_id)
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    except Exception as exc:  # a permanent error: record why, do not retry
        logger.exception("report %s failed", report_id)
        return _fail(self, report, Report.Failure.ERROR, {"error": f"{type(exc).__name__}: {exc}"})
    # What the row says, not what this delivery hoped: given up after too many deliveries
    # it is "failed", and a render another delivery finished or failed first keeps that state.
    return str(rendered.status)


def _fail(task: Task, report: Report, failure: str, params: dict) -> str:
    """Record the verdict; if the database refuses, retry with only the verdict to store."""
    try:
        services.report_fail(report_id=report.pk, failure=failure, params=params, task_id=task.request.id or "eager")
    except DatabaseError as exc:
        logger.warning("report %s: could not record %s; retrying", report.pk, failure)
        raise task.retry(
            exc=exc,
            countdown=_backoff(task.request.retries),
            args=(report.pk,),
            kwargs={"failure": failure, "params": params},
        ) from exc
    return "failed"


def _backoff(retries: int) -> int:
    return min(2 ** (retries + 1), 60)


@shared_task
def sweep_reports() -> dict[str, int]:
    return services.report_sweep()
