"""A failed report keeps what failed (a code and its figures) instead of a sentence in the
worker's language; a sentence stored before is kept as the detail of a render error."""

from django.db import migrations, models


def sentences_to_codes(apps, schema_editor):
    Report = apps.get_model("reports", "Report")
    for report in Report.objects.filter(status="failed").only("pk", "error"):
        Report.objects.filter(pk=report.pk).update(failure="error", failure_params={"error": report.error})


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_report_changes"),
    ]

    operations = [
        migrations.AddField(
            model_name="report",
            name="failure",
            field=models.CharField(
                blank=True,
                choices=[
                    ("error", "error while rendering"),
                    ("repeated_errors", "repeated transient errors"),
                    ("time_limit", "time limit"),
                    ("interrupted", "worker stopped too often"),
                    ("lost", "ended without a result"),
                ],
                max_length=20,
                verbose_name="failure",
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="failure_params",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(sentences_to_codes, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="report",
            name="error",
        ),
    ]
