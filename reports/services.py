"""Requesting and rendering reports. The Celery task and `render_report` both call these."""

from __future__ import annotations

import time
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify

from planner.models import Plan
from planner.plan_file import plan_to_document

from .history import snapshot_changes
from .models import Report
from .pdf import RenderedPDF, html_to_pdf


def _enqueue(report: Report) -> None:
    from .tasks import render_report

    report_id = report.pk
    queue = settings.CELERY_TASK_DEFAULT_QUEUE  # read now: tests give each run its own queue
    transaction.on_commit(lambda: render_report.apply_async((report_id,), queue=queue))


@transaction.atomic
def report_request(*, plan: Plan, user, variant: str = Report.Variant.FULL) -> Report:
    """Snapshot the plan, number the report and queue its rendering."""
    Plan.objects.select_for_update().filter(pk=plan.pk).first()  # serialises numbering per plan
    previous = Report.objects.filter(plan=plan).order_by("-number").only("number", "snapshot").first()
    snapshot = plan_to_document(plan)
    report = Report.objects.create(
        plan=plan,
        number=previous.number + 1 if previous else 1,
        variant=variant,
        snapshot=snapshot,
        changes=snapshot_changes(previous.snapshot, snapshot) if previous else None,
        requested_by=user if user is not None and user.is_authenticated else None,
        queued_at=timezone.now(),
    )
    _enqueue(report)
    return report


@transaction.atomic
def report_retry(*, report: Report) -> bool:
    """Queue a failed report again; False if it was not failed."""
    updated = Report.objects.filter(pk=report.pk, status=Report.Status.FAILED).update(
        status=Report.Status.QUEUED, error="", deliveries=0, task_id="", queued_at=timezone.now()
    )
    if updated:
        _enqueue(report)
    return bool(updated)


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


def report_html(*, snapshot: dict, variant: str, number: int | None = None) -> str:
    """The report's HTML, in the plan's language, from a snapshot of the plan."""
    from .document import report_context

    language = snapshot.get("plan", {}).get("language", "de")
    with translation.override(language):
        return render_to_string("reports/pdf/report.html", report_context(snapshot, variant=variant, number=number))


def render_pdf(*, snapshot: dict, variant: str = Report.Variant.FULL, number: int | None = None) -> RenderedPDF:
    """Snapshot in, PDF out: the function behind the task and `render_report`."""
    return html_to_pdf(report_html(snapshot=snapshot, variant=variant, number=number))


class ReportClaimedError(Exception):
    """Another delivery is rendering this report."""


def report_claim(*, report_id: int, task_id: str) -> Report | None:
    """Claim a report for rendering. None when it is done (or gone); ReportClaimedError when
    another live delivery holds it. A redelivery of the same message (its worker died)
    or a render older than the hard time limit may be taken over."""
    now = timezone.now()
    stale = now - timedelta(seconds=settings.REPORT_HARD_TIME_LIMIT + 30)
    claimable = Q(status=Report.Status.QUEUED) | Q(
        Q(task_id=task_id) | Q(started_at__lt=stale) | Q(task_id=""), status=Report.Status.RENDERING
    )
    updated = Report.objects.filter(claimable, pk=report_id).update(
        status=Report.Status.RENDERING, started_at=now, task_id=task_id, deliveries=F("deliveries") + 1
    )
    report = Report.objects.filter(pk=report_id).select_related("plan").first()
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
        report_fail(
            report=report,
            reason=translation.gettext(
                "Rendering was interrupted %(count)s times (the worker stopped while rendering). "
                "It was given up to protect the other reports; retry it, and if it fails again, "
                "shorten the plan's longest texts."
            )
            % {"count": report.deliveries - 1},
        )
        return Report.objects.get(pk=report.pk)
    started = time.monotonic()
    rendered = render_pdf(snapshot=report.snapshot, variant=report.variant, number=report.number)
    seconds = time.monotonic() - started
    name = f"{slugify(report.snapshot['plan'].get('title', 'plan'))[:60] or 'plan'}-v{report.number}.pdf"
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
        current.error = ""
        current.save()
    return current


def report_release(*, report: Report) -> None:
    """Hand a claimed report back to the queue: its render stopped cleanly (a transient error
    that will be retried), so this delivery does not count towards REPORT_MAX_DELIVERIES."""
    Report.objects.filter(pk=report.pk, status=Report.Status.RENDERING).update(
        status=Report.Status.QUEUED, deliveries=F("deliveries") - 1, queued_at=timezone.now()
    )


def report_fail(*, report: Report, reason: str) -> None:
    Report.objects.filter(pk=report.pk).exclude(status=Report.Status.DONE).update(
        status=Report.Status.FAILED, error=reason[:2000], finished_at=timezone.now()
    )


def report_filename(report: Report) -> str:
    title = slugify(report.snapshot.get("plan", {}).get("title", "")) or f"plan-{report.plan_id}"
    suffix = "-summary" if report.variant == Report.Variant.SHORT else ""
    return f"{title[:80]}-v{report.number}{suffix}.pdf"
