from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("checklists", "0003_benchmark_evidence_and_contradictions"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentRevision",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveBigIntegerField(default=0)),
            ],
            options={
                "verbose_name": "content revision",
            },
        ),
    ]
