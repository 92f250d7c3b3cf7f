from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy


def report_upload_to(report: "Report", filename: str) -> str:
    return f"reports/{report.plan.organization_id}/{report.plan_id}/{filename}"


class Version(models.Model):
    """A numbered, frozen snapshot of a plan (the plan file document): what a report renders, what a
    review looks at and what an approval refers to. Its snapshot never changes; its approval is
    written once, by the executive or admin who approves it (signoff), with the names of that day."""

    plan = models.ForeignKey("planner.Plan", on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField()
    # What changed since the previous version (reports.history.snapshot_changes); null for the first.
    changes = models.JSONField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approver_name = models.CharField(_("approved by"), max_length=300, blank=True)
    open_comments_at_approval = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="one_version_number_per_plan")]
        verbose_name = _("version")
        verbose_name_plural = _("versions")

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None

    @property
    def change_summary(self) -> str:
        from .history import describe_changes

        return describe_changes(self.changes)


class Report(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RENDERING = "rendering", _("rendering")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    class Variant(models.TextChoices):
        FULL = "full", _("Full report")
        SHORT = "short", _("Executive summary")

    class Failure(models.TextChoices):
        """What made a report fail; `failure_params` holds its figures, FAILURE_REASONS the sentence."""

        ERROR = "error", _("error while rendering")
        REPEATED_ERRORS = "repeated_errors", _("repeated transient errors")
        TIME_LIMIT = "time_limit", _("time limit")
        INTERRUPTED = "interrupted", _("worker stopped too often")
        LOST = "lost", _("ended without a result")

    plan = models.ForeignKey("planner.Plan", on_delete=models.CASCADE, related_name="reports")
    number = models.PositiveIntegerField(_("number"))
    # The version the report renders; null only for rows written without one (see `snapshot`).
    version = models.ForeignKey(Version, on_delete=models.RESTRICT, null=True, blank=True, related_name="reports")
    # The version its "what changed" page compares with: the approved one, else the one before.
    compared_to = models.ForeignKey(Version, on_delete=models.RESTRICT, null=True, blank=True, related_name="+")
    # The plan's approval as it stood when the report was requested (reports.services.approval_record):
    # the task prints this, never the live tables, so an approval given later changes no issued report.
    approval = models.JSONField(default=dict, blank=True)
    variant = models.CharField(_("variant"), max_length=10, choices=Variant.choices, default=Variant.FULL)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    deliveries = models.PositiveSmallIntegerField(default=0)
    # The task message that holds the render; a redelivery of the same message may redo it.
    task_id = models.CharField(max_length=64, blank=True)
    file = models.FileField(upload_to=report_upload_to, blank=True)
    # Why it failed, read in the reader's language: the code and the figures of its sentence.
    failure = models.CharField(_("failure"), max_length=20, choices=Failure.choices, blank=True)
    failure_params = models.JSONField(default=dict, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    render_seconds = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="one_report_number_per_plan")]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.plan} report {self.number}"

    def save(self, *args, **kwargs) -> None:
        if self.version_id is None and getattr(self, "_unsaved_snapshot", None) is not None:
            last = Version.objects.filter(plan_id=self.plan_id).aggregate(models.Max("number"))["number__max"]
            self.version = Version.objects.create(
                plan_id=self.plan_id, number=(last or 0) + 1, snapshot=self._unsaved_snapshot
            )
            self._unsaved_snapshot = None
        super().save(*args, **kwargs)

    @property
    def snapshot(self) -> dict:
        """The plan document the report renders: its version's."""
        if self.version_id is None:
            return getattr(self, "_unsaved_snapshot", None) or {}
        return self.version.snapshot

    @snapshot.setter
    def snapshot(self, document: dict) -> None:
        # Code written before versions makes reports from a bare snapshot (`Report(snapshot=...)`);
        # saving such a report freezes the snapshot as the plan's next version. reports.services
        # always gives a version.
        self._unsaved_snapshot = document

    @property
    def changes(self) -> list | None:
        return self.version.changes if self.version_id else None

    @property
    def change_summary(self) -> str:
        from .history import describe_changes

        return describe_changes(self.changes)

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RENDERING)

    @property
    def is_waiting_for_worker(self) -> bool:
        """Queued for longer than a worker takes to pick up a report when one is free."""
        waiting = timedelta(seconds=settings.REPORT_WAITING_SECONDS)
        return (
            self.status == self.Status.QUEUED
            and self.queued_at is not None
            and self.queued_at < timezone.now() - waiting
        )

    @property
    def failure_reason(self) -> str:
        """Why the report failed, in the active language."""
        if self.status != self.Status.FAILED:
            return ""
        reason = FAILURE_REASONS.get(self.failure, FAILURE_REASONS[self.Failure.LOST])
        try:
            return reason % self.failure_params
        except (KeyError, TypeError, ValueError):  # figures of an older version of the sentence
            return str(FAILURE_REASONS[self.Failure.LOST])


FAILURE_REASONS = {
    Report.Failure.ERROR: _("Rendering failed: %(error)s"),
    Report.Failure.REPEATED_ERRORS: _("Rendering failed repeatedly: %(error)s"),
    Report.Failure.TIME_LIMIT: ngettext_lazy(
        "Rendering took longer than %(seconds)s second and was stopped.",
        "Rendering took longer than %(seconds)s seconds and was stopped.",
        "seconds",
    ),
    Report.Failure.INTERRUPTED: _(
        "Rendering was interrupted %(count)s times (the worker stopped while rendering). "
        "It was given up to protect the other reports; retry it, and if it fails again, "
        "shorten the plan's longest texts."
    ),
    Report.Failure.LOST: _(
        "Rendering stopped without a result: its worker was lost, or the database could not be "
        "reached when it finished. Retry it."
    ),
}
