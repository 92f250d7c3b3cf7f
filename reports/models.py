from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def report_upload_to(report: "Report", filename: str) -> str:
    return f"reports/{report.plan.organization_id}/{report.plan_id}/{filename}"


class Report(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RENDERING = "rendering", _("rendering")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    class Variant(models.TextChoices):
        FULL = "full", _("Full report")
        SHORT = "short", _("Executive summary")

    plan = models.ForeignKey("planner.Plan", on_delete=models.CASCADE, related_name="reports")
    number = models.PositiveIntegerField(_("version"))
    variant = models.CharField(_("variant"), max_length=10, choices=Variant.choices, default=Variant.FULL)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    # The plan as it was when the report was requested (plan file format).
    snapshot = models.JSONField(default=dict)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # What changed since the previous version (reports.history.snapshot_changes); null for the first.
    changes = models.JSONField(null=True, blank=True)
    deliveries = models.PositiveSmallIntegerField(default=0)
    # The task message that holds the render; a redelivery of the same message may redo it.
    task_id = models.CharField(max_length=64, blank=True)
    file = models.FileField(upload_to=report_upload_to, blank=True)
    error = models.TextField(blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    render_seconds = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="one_report_number_per_plan")]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"

    @property
    def change_summary(self) -> str:
        from .history import describe_changes

        return describe_changes(self.changes)

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RENDERING)
