"""The snapshot and what changed now live in the report's version (0004 copied them there); in a
migration of its own, because PostgreSQL does not alter a table with the copy's checks pending."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0004_versions"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="report",
            name="changes",
        ),
        migrations.RemoveField(
            model_name="report",
            name="snapshot",
        ),
        migrations.AlterField(
            model_name="report",
            name="number",
            field=models.PositiveIntegerField(verbose_name="number"),
        ),
    ]
