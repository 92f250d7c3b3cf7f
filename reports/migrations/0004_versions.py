"""Versions: a report renders a numbered, frozen snapshot of its plan that several reports, a review
and an approval can share. Each report's own snapshot becomes a version of the same number."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def reports_to_versions(apps, schema_editor):
    Report = apps.get_model("reports", "Report")
    Version = apps.get_model("reports", "Version")
    for report in Report.objects.order_by("plan_id", "number").iterator():
        version = Version.objects.create(
            plan_id=report.plan_id,
            number=report.number,
            snapshot=report.snapshot,
            changes=report.changes,
            created_by_id=report.requested_by_id,
        )
        Version.objects.filter(pk=version.pk).update(created_at=report.requested_at)  # auto_now_add set "now"
        Report.objects.filter(pk=report.pk).update(version=version)


def versions_to_reports(apps, schema_editor):
    Report = apps.get_model("reports", "Report")
    for report in Report.objects.exclude(version=None).select_related("version").iterator():
        Report.objects.filter(pk=report.pk).update(snapshot=report.version.snapshot, changes=report.version.changes)


class Migration(migrations.Migration):
    dependencies = [
        ("planner", "0005_organization_logo_language_mfa"),
        ("reports", "0003_failure_codes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Version",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveIntegerField(verbose_name="version")),
                ("snapshot", models.JSONField()),
                ("changes", models.JSONField(blank=True, null=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("approved_at", models.DateTimeField(blank=True, null=True, verbose_name="approved at")),
                ("approver_name", models.CharField(blank=True, max_length=300, verbose_name="approved by")),
                ("open_comments_at_approval", models.PositiveIntegerField(blank=True, null=True)),
                (
                    "approved_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="versions", to="planner.plan"
                    ),
                ),
            ],
            options={
                "verbose_name": "version",
                "verbose_name_plural": "versions",
                "ordering": ["-number"],
            },
        ),
        migrations.AddConstraint(
            model_name="version",
            constraint=models.UniqueConstraint(fields=("plan", "number"), name="one_version_number_per_plan"),
        ),
        migrations.AddField(
            model_name="report",
            name="version",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="reports",
                to="reports.version",
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="compared_to",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="+",
                to="reports.version",
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="approval",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(reports_to_versions, versions_to_reports),
    ]
