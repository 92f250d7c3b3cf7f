"""Requesting and rendering reports. The Celery task and `render_report` both call these."""

from __future__ import annotations

import datetime as dt
import logging
import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Now
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify

from planner.models import Plan
from planner.plan_file import plan_to_document

from .history import same_strategy, snapshot_changes
from .models import Report, Version
from .pdf import RenderedPDF, html_to_pdf

logger = logging.getLogger(__name__)

# A render still "rendering" this long after the hard time limit has no live process any more:
# the limit killed it, or its worker vanished, and nobody could record why. The sweep fails it.
RENDER_GRACE_SECONDS = 10


def _enqueue(report: Report) -> None:
    from .tasks import render_report

    report_id = report.pk
    queue = settings.CELERY_TASK_DEFAULT_QUEUE  # read now: tests give each run its own queue

    def publish() -> None:
        # The time limits are the worker's own (REPORT_*_TIME_LIMIT where the render runs), not
        # the sender's. A message that cannot be sent (Redis away) is logged, not raised: the
        # report waits as "queued" in the database and the sweep queues it again.
        render_report.apply_async((report_id,), queue=queue, time_limit=None, soft_time_limit=None)

    transaction.on_commit(publish, robust=True)


class ReportPendingError(Exception):
    """A report of the same plan and variant is still queued or rendering."""

    def __init__(self, report: Report):
        super().__init__(f"report {report.pk} is pending")
        self.report = report


class TooManyPendingReportsError(Exception):
    """The person has as many reports queued or rendering as they may."""

    def __init__(self, limit: int):
        super().__init__(f"{limit} reports pending")
        self.limit = limit


def _check_limits(*, plan: Plan, variant: str, user) -> None:
    """Raises when the request would queue a second render of the same plan and variant, or one
    more than the person may have pending. The caller holds the plan's (and the person's) lock."""
    pending = Report.objects.filter(status__in=[Report.Status.QUEUED, Report.Status.RENDERING])
    same = pending.filter(plan=plan, variant=variant).order_by("-number").first()
    if same is not None:
        raise ReportPendingError(same)
    if user is not None and user.is_authenticated:
        limit = settings.REPORT_MAX_PENDING_PER_USER
        if pending.filter(requested_by=user).count() >= limit:
            raise TooManyPendingReportsError(limit)


def _lock(*, plan: Plan, user) -> None:
    """Serialises the requests of one person (the pending limit) and of one plan (numbering and
    one pending render per variant); always in this order, so two requests never deadlock."""
    if user is not None and user.is_authenticated:
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    Plan.objects.select_for_update().filter(pk=plan.pk).first()


@transaction.atomic
def version_freeze(*, plan: Plan, user) -> Version:
    """The plan as it is now, as a numbered version: its latest version when nothing changed since,
    else a new one with what changed. Requesting a report or a review freezes one."""
    Plan.objects.select_for_update().filter(pk=plan.pk).first()  # one new number at a time
    latest = Version.objects.filter(plan=plan).order_by("-number").first()
    snapshot = plan_to_document(plan)
    if latest is not None and latest.snapshot == snapshot:
        return latest
    return Version.objects.create(
        plan=plan,
        number=latest.number + 1 if latest else 1,
        snapshot=snapshot,
        changes=snapshot_changes(latest.snapshot, snapshot) if latest else None,
        created_by=user if user is not None and user.is_authenticated else None,
    )


@transaction.atomic
def version_approve(*, version: Version, user, open_comments: int) -> bool:
    """Record that ``user`` approved the version, with their name and the open comments of that day;
    False when it was approved already (an approval is never overwritten)."""
    name = user.get_full_name() or user.email or user.get_username()
    return bool(
        Version.objects.filter(pk=version.pk, approved_at=None).update(
            approved_at=timezone.now(), approved_by=user, approver_name=name, open_comments_at_approval=open_comments
        )
    )


def approved_version(plan: Plan) -> Version | None:
    """The plan's latest approved version."""
    return Version.objects.filter(plan=plan).exclude(approved_at=None).order_by("-number").first()


def approval_record(*, version: Version) -> dict[str, Any]:
    """The plan's approval as a report of ``version`` prints it, frozen when the report is requested:
    the latest approved version (number, who, when, the comments open then), and whether it covers
    ``version`` (the same version, or one that differs only in KPI check-ins). {} when none is."""
    approved = approved_version(version.plan)
    if approved is None:
        return {}
    return {
        "number": approved.number,
        "by": approved.approver_name,
        "at": approved.approved_at.isoformat(),
        "open_comments": approved.open_comments_at_approval or 0,
        "covers": approved.number == version.number or same_strategy(approved.snapshot, version.snapshot),
    }


def _compared_version(version: Version) -> Version | None:
    """What a report's page of changes compares with: the approved version when it differs, else the
    version before."""
    approved = approved_version(version.plan)
    if approved is not None and approved.pk != version.pk:
        return approved
    return Version.objects.filter(plan_id=version.plan_id, number__lt=version.number).order_by("-number").first()


@transaction.atomic
def report_request(*, plan: Plan, user, variant: str = Report.Variant.FULL, version: Version | None = None) -> Report:
    """Number a report of the plan as it is now (its latest version when unchanged), or of ``version``,
    and queue its rendering. Raises ReportPendingError when one of the same plan and variant is
    still queued or rendering, and TooManyPendingReportsError when the person has
    REPORT_MAX_PENDING_PER_USER pending."""
    _lock(plan=plan, user=user)
    _check_limits(plan=plan, variant=variant, user=user)
    version = version or version_freeze(plan=plan, user=user)
    previous = Report.objects.filter(plan=plan).order_by("-number").only("number").first()
    report = Report.objects.create(
        plan=plan,
        number=previous.number + 1 if previous else 1,
        variant=variant,
        version=version,
        compared_to=_compared_version(version),
        approval=approval_record(version=version),
        requested_by=user if user is not None and user.is_authenticated else None,
        queued_at=timezone.now(),
    )
    _enqueue(report)
    return report


@transaction.atomic
def report_retry(*, report: Report, user) -> bool:
    """Queue a failed report again; False if it was not failed. Raises like report_request."""
    _lock(plan=report.plan, user=user)
    if not Report.objects.filter(pk=report.pk, status=Report.Status.FAILED).exists():
        return False
    _check_limits(plan=report.plan, variant=report.variant, user=user)
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.QUEUED,
        failure="",
        failure_params={},
        deliveries=0,
        task_id="",
        queued_at=timezone.now(),
    )
    _enqueue(report)
    return True


def report_requeue_stale(*, older_than: timedelta | None = None) -> list[int]:
    """Queue again the reports that sit in "queued" too long (their message was lost)."""
    older_than = older_than or timedelta(seconds=settings.REPORT_STALE_QUEUED_SECONDS)
    cutoff = timezone.now() - older_than
    requeued = []
    for report in Report.objects.filter(status=Report.Status.QUEUED, queued_at__lt=cutoff):
        with transaction.atomic():
            if Report.objects.filter(pk=report.pk, status=Report.Status.QUEUED, queued_at__lt=cutoff).update(
                queued_at=timezone.now(), task_id=""
            ):
                _enqueue(report)
                requeued.append(report.pk)
    return requeued


def report_fail_lost_renders() -> list[int]:
    """Fail the reports still "rendering" past the hard time limit: no process renders them any
    more (the limit killed it, or its worker vanished) and none could record why. Compared with
    the database's clock, which also stamped `started_at`, so the machines' clocks do not matter."""
    cutoff = Now() - timedelta(seconds=settings.REPORT_HARD_TIME_LIMIT + RENDER_GRACE_SECONDS)
    lost = list(
        Report.objects.filter(status=Report.Status.RENDERING, started_at__lt=cutoff).values_list("pk", flat=True)
    )
    failed = []
    for report_id in lost:
        if Report.objects.filter(pk=report_id, status=Report.Status.RENDERING, started_at__lt=cutoff).update(
            status=Report.Status.FAILED, failure=Report.Failure.LOST, failure_params={}, finished_at=Now()
        ):
            failed.append(report_id)
    if failed:
        logger.warning("reports %s were still rendering past the hard time limit: failed", failed)
    return failed


def report_sweep() -> dict[str, int]:
    """What beat runs every REPORT_SWEEP_SECONDS (and `requeue_reports` by hand): lost messages
    are queued again, renders that ended without a result are failed."""
    return {"requeued": len(report_requeue_stale()), "failed": len(report_fail_lost_renders())}


def report_html(
    *,
    snapshot: dict,
    variant: str,
    number: int | None = None,
    approval: dict | None = None,
    compared: Version | None = None,
    as_of: dt.date | None = None,
) -> str:
    """The report's HTML, in the plan's language, from a snapshot of the plan; with the approval as
    it stood when the report was requested, and the version its page of changes compares with."""
    from .document import report_context

    language = snapshot.get("plan", {}).get("language", "de")
    with translation.override(language):
        context = report_context(
            snapshot, variant=variant, number=number, approval=approval, compared=compared, as_of=as_of
        )
        return render_to_string("reports/pdf/report.html", context)


def render_pdf(
    *,
    snapshot: dict,
    variant: str = Report.Variant.FULL,
    number: int | None = None,
    approval: dict | None = None,
    compared: Version | None = None,
    as_of: dt.date | None = None,
) -> RenderedPDF:
    """Snapshot in, PDF out: the function behind the task and `render_report`."""
    return html_to_pdf(
        report_html(
            snapshot=snapshot, variant=variant, number=number, approval=approval, compared=compared, as_of=as_of
        )
    )


def _as_requested(report: Report) -> dict[str, Any]:
    """What a report renders from, frozen when it was requested: its version, the approval of that day
    and the version its changes are compared with."""
    version = report.version
    return {
        "snapshot": report.snapshot,
        "variant": report.variant,
        "number": version.number if version else report.number,
        "approval": report.approval,
        "compared": report.compared_to,
        "as_of": timezone.localdate(version.created_at) if version else None,
    }


def report_source_html(*, report: Report) -> str:
    """The HTML a report's PDF is rendered from (the benchmark prints it with other tools too)."""
    return report_html(**_as_requested(report))


def report_pdf(*, report: Report) -> RenderedPDF:
    return render_pdf(**_as_requested(report))


class ReportClaimedError(Exception):
    """Another delivery is rendering this report."""


def report_claim(*, report_id: int, task_id: str) -> Report | None:
    """Claim a report for rendering. None when it is done (or gone); ReportClaimedError when
    another live delivery holds it. A redelivery of the same message (its worker died)
    or a render older than the hard time limit may be taken over."""
    stale = Now() - timedelta(seconds=settings.REPORT_HARD_TIME_LIMIT + 30)
    claimable = Q(status=Report.Status.QUEUED) | Q(
        Q(task_id=task_id) | Q(started_at__lt=stale) | Q(task_id=""), status=Report.Status.RENDERING
    )
    updated = Report.objects.filter(claimable, pk=report_id).update(
        status=Report.Status.RENDERING, started_at=Now(), task_id=task_id, deliveries=F("deliveries") + 1
    )
    report = Report.objects.filter(pk=report_id).select_related("plan", "version", "compared_to").first()
    if report is None or report.status in (Report.Status.DONE, Report.Status.FAILED):
        return None
    if not updated:
        raise ReportClaimedError
    return report


def report_render(*, report: Report) -> Report:
    """Render a claimed report and store its file; failures are the caller's to record.
    Returns the report as stored afterwards: done, or failed when given up, or as another
    delivery left it when this one no longer held the claim."""
    if report.deliveries > settings.REPORT_MAX_DELIVERIES:
        report_fail(report_id=report.pk, failure=Report.Failure.INTERRUPTED, params={"count": report.deliveries - 1})
        return Report.objects.get(pk=report.pk)
    started = time.monotonic()
    rendered = report_pdf(report=report)
    seconds = time.monotonic() - started
    name = f"{slugify(report.snapshot.get('plan', {}).get('title', 'plan'))[:60] or 'plan'}-v{report.number}.pdf"
    with transaction.atomic():
        current = Report.objects.select_for_update().get(pk=report.pk)
        if current.status != Report.Status.RENDERING:
            return current
        if current.file:
            current.file.delete(save=False)
        current.file.save(name, ContentFile(rendered.content), save=False)
        current.status = Report.Status.DONE
        current.page_count = rendered.page_count
        current.render_seconds = round(seconds, 3)
        current.finished_at = timezone.now()
        current.failure, current.failure_params = "", {}
        current.save()
    return current


def report_release(*, report: Report) -> None:
    """Hand a claimed report back to the queue: its render stopped cleanly (a transient error
    that will be retried), so this delivery does not count towards REPORT_MAX_DELIVERIES."""
    Report.objects.filter(pk=report.pk, status=Report.Status.RENDERING).update(
        status=Report.Status.QUEUED, deliveries=F("deliveries") - 1, queued_at=timezone.now()
    )


def report_fail(*, report_id: int, failure: str, params: dict[str, Any], task_id: str | None = None) -> bool:
    """Record why the report failed; never over a done one. With `task_id`, only while that
    message still holds the render (the worker's main process reporting its pool's fate).
    The reason is stored as what failed; the page words it in the reader's language."""
    reports = Report.objects.filter(pk=report_id).exclude(status=Report.Status.DONE)
    if task_id is not None:
        reports = reports.filter(status=Report.Status.RENDERING, task_id=task_id)
    params = {key: value[:1000] if isinstance(value, str) else value for key, value in params.items()}
    return bool(
        reports.update(status=Report.Status.FAILED, failure=failure, failure_params=params, finished_at=timezone.now())
    )


def report_requeue_after_worker_lost(*, report_id: int, task_id: str) -> bool:
    """The pool process rendering the report died and its message went back to the queue: the
    report waits as "queued" again (so the sweep does not take it for a lost render), and the
    delivery still counts towards REPORT_MAX_DELIVERIES."""
    return bool(
        Report.objects.filter(pk=report_id, status=Report.Status.RENDERING, task_id=task_id).update(
            status=Report.Status.QUEUED, queued_at=timezone.now()
        )
    )


def report_filename(report: Report) -> str:
    title = slugify(report.snapshot.get("plan", {}).get("title", "")) or f"plan-{report.plan_id}"
    suffix = "-summary" if report.variant == Report.Variant.SHORT else ""
    number = report.version.number if report.version_id else report.number
    return f"{title[:80]}-v{number}{suffix}.pdf"
