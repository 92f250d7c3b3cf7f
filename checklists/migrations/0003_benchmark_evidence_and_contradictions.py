from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("checklists", "0002_curated_flags_and_method_translation"),
    ]

    operations = [
        migrations.AddField(
            model_name="checklistitem",
            name="contradicted_by",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="While the plan check reports one of these findings, a tick on this item does not count.",
                verbose_name="contradicted by the findings",
            ),
        ),
        migrations.RenameField(
            model_name="kpibenchmark",
            old_name="max_monthly_growth_pct",
            new_name="max_monthly_change",
        ),
        migrations.RemoveField(model_name="kpibenchmark", name="source"),
        migrations.AddField(
            model_name="kpibenchmark",
            name="confidence",
            field=models.CharField(
                choices=[
                    ("published", "published figure"),
                    ("derived", "derived from a published figure"),
                    ("assumption", "assumption of the planner (no published figure)"),
                ],
                default="assumption",
                max_length=20,
                verbose_name="confidence",
            ),
        ),
        migrations.AddField(
            model_name="kpibenchmark",
            name="new_account_ceiling",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                help_text="What an account starting from zero realistically reaches in its first 12 months.",
                max_digits=14,
                null=True,
                verbose_name="new-account ceiling (first 12 months)",
            ),
        ),
        migrations.AddField(
            model_name="kpibenchmark",
            name="sample",
            field=models.TextField(blank=True, verbose_name="sample"),
        ),
        migrations.AddField(
            model_name="kpibenchmark",
            name="sample_de",
            field=models.TextField(blank=True, null=True, verbose_name="sample"),
        ),
        migrations.AddField(
            model_name="kpibenchmark",
            name="sample_en",
            field=models.TextField(blank=True, null=True, verbose_name="sample"),
        ),
        migrations.AddField(
            model_name="kpibenchmark",
            name="small_account_allowance",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                help_text="An absolute number per month that is always realistic, however small the account (e.g. +100 followers a month): small accounts grow by more than their percentage.",
                max_digits=12,
                null=True,
                verbose_name="small-account allowance per month",
            ),
        ),
        migrations.AddField(
            model_name="kpibenchmark",
            name="source_publisher",
            field=models.CharField(blank=True, max_length=200, verbose_name="publisher"),
        ),
        migrations.AddField(
            model_name="kpibenchmark",
            name="source_title",
            field=models.CharField(blank=True, max_length=300, verbose_name="title of the source"),
        ),
        migrations.AddField(
            model_name="kpibenchmark",
            name="source_url",
            field=models.URLField(blank=True, verbose_name="link to the source"),
        ),
        migrations.AddField(
            model_name="kpibenchmark",
            name="source_year",
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="year of the source"),
        ),
        migrations.AddField(
            model_name="kpibenchmark",
            name="unit",
            field=models.CharField(
                choices=[("percent", "% per month (relative)"), ("points", "points per month")],
                default="percent",
                max_length=10,
                verbose_name="unit of the change",
            ),
        ),
        migrations.AlterField(
            model_name="kpibenchmark",
            name="max_monthly_change",
            field=models.DecimalField(
                decimal_places=2,
                help_text="For most metrics relative growth in %; for the Net Promoter Score points (see the unit).",
                max_digits=8,
                verbose_name="realistic change per month",
            ),
        ),
        migrations.AlterField(
            model_name="kpibenchmark",
            name="metric",
            field=models.CharField(
                choices=[
                    ("followers", "Followers"),
                    ("reach", "Reach"),
                    ("mentions", "Mentions"),
                    ("sentiment", "Sentiment"),
                    ("engagement_rate", "Engagement rate"),
                    ("referral_traffic", "Referral traffic"),
                    ("leads", "Leads"),
                    ("conversions", "Conversions"),
                    ("repurchase_rate", "Repurchase rate"),
                    ("nps", "Net Promoter Score"),
                    ("applications", "Applications"),
                    ("service_tickets", "Service tickets"),
                    ("other", "Other"),
                ],
                max_length=40,
                verbose_name="metric",
            ),
        ),
    ]
