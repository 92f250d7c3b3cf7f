"""Celery tasks: thin, idempotent and retry-safe; the work is in reports.services."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as BrokerError

from . import services

logger = logging.getLogger(__name__)

# Errors worth another try: the database or the broker was briefly away, a disk hiccup.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, BrokerError, ConnectionError, TimeoutError)
MAX_RETRIES = 4


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=settings.REPORT_SOFT_TIME_LIMIT,
    time_limit=settings.REPORT_HARD_TIME_LIMIT,
    max_retries=MAX_RETRIES,
)
def render_report(self, report_id: int) -> str:
    try:
        report = services.report_claim(report_id=report_id, task_id=self.request.id or "eager")
    except services.ReportClaimedError:
        return "claimed by another delivery"
    except TRANSIENT_ERRORS as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    if report is None:
        return "nothing to do"
    try:
        rendered = services.report_render(report=report)
    except TRANSIENT_ERRORS as exc:
        if self.request.retries >= MAX_RETRIES:
            services.report_fail(report=report, reason=_("Rendering failed repeatedly: %(error)s") % {"error": exc})
            return "failed"
        services.report_release(report=report)
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    except SoftTimeLimitExceeded:
        services.report_fail(
            report=report,
            reason=_("Rendering took longer than %(seconds)s seconds and was stopped.")
            % {"seconds": settings.REPORT_SOFT_TIME_LIMIT},
        )
        return "failed"
    except Exception as exc:  # a permanent error: record why, do not retry
        logger.exception("report %s failed", report_id)
        services.report_fail(
            report=report,
            reason=_("Rendering failed: %(error)s") % {"error": f"{type(exc).__name__}: {exc}"},
        )
        return "failed"
    # What the row says, not what this delivery hoped: given up after too many deliveries
    # it is "failed", and a render another delivery finished or failed first keeps that state.
    return str(rendered.status)


def _backoff(retries: int) -> int:
    return min(2 ** (retries + 1), 60)


@shared_task
def requeue_stale_reports() -> int:
    return len(services.report_requeue_stale())
