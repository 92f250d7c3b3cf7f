"""Curated content: the articles' knowledge and the catalogues admins maintain.

Texts that users read are translated with django-modeltranslation (``*_de``/``*_en``
columns, registered in ``translation.py``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.Model):
    """An article the planner's knowledge comes from."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=300)
    author = models.CharField(_("author or publication"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    url = models.URLField(_("address"), blank=True)
    # Set when a curator edits the row in the admin; load_content then leaves it alone without --force.
    curated = models.BooleanField(_("edited by a curator"), default=False)

    class Meta:
        ordering = ["title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.title


class Checklist(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="checklists", verbose_name=_("source"))
    order = models.PositiveIntegerField(_("order"), default=0)
    # Set when a curator edits the row in the admin; load_content then leaves it alone without --force.
    curated = models.BooleanField(_("edited by a curator"), default=False)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("checklist")
        verbose_name_plural = _("checklists")

    def __str__(self) -> str:
        return self.title


class ChecklistItem(models.Model):
    class Kind(models.TextChoices):
        SUCCESS_FACTOR = "success_factor", _("success factor")
        PITFALL = "pitfall", _("pitfall")

    class Dimension(models.TextChoices):
        STRATEGY = "strategy", _("Strategy")
        ORGANIZATION = "organization", _("Organization")
        CULTURE = "culture", _("Culture")
        CONTENT = "content", _("Content")
        DIALOGUE = "dialogue", _("Dialogue")
        MEASUREMENT = "measurement", _("Measurement")
        RESOURCES = "resources", _("Resources")

    checklist = models.ForeignKey(
        Checklist, on_delete=models.CASCADE, related_name="items", verbose_name=_("checklist")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=300)
    explanation = models.TextField(_("explanation"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    dimension = models.CharField(_("dimension"), max_length=20, choices=Dimension.choices)
    measures = models.JSONField(_("measures"), default=list, blank=True, help_text=_("A list of concrete measures."))
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    # Finding codes (checklists.rules) whose finding says the plan's own data contradicts this item: while one
    # of them fires, the item never counts as done in the self-assessment.
    contradicted_by = models.JSONField(
        _("contradicted by the findings"),
        default=list,
        blank=True,
        help_text=_("While the plan check reports one of these findings, a tick on this item does not count."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)
    # Set when a curator edits the item; load_content then leaves it alone without --force.
    curated = models.BooleanField(_("edited by a curator"), default=False)

    class Meta:
        ordering = ["checklist__order", "order", "pk"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self) -> str:
        return self.title


class Channel(models.Model):
    """The channel catalogue; its slugs are the plan file's CHANNEL values."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    supports_dialogue = models.BooleanField(_("supports dialogue"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)
    # Set when a curator edits the row in the admin; load_content then leaves it alone without --force.
    curated = models.BooleanField(_("edited by a curator"), default=False)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("channel")
        verbose_name_plural = _("channel catalogue")

    def __str__(self) -> str:
        return self.name


class GuidelineTemplate(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    topic = models.CharField(_("topic"), max_length=200)
    text = models.TextField(_("text"))
    order = models.PositiveIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)
    # Set when a curator edits the row in the admin; load_content then leaves it alone without --force.
    curated = models.BooleanField(_("edited by a curator"), default=False)

    class Meta:
        ordering = ["order", "topic"]
        verbose_name = _("guideline template")
        verbose_name_plural = _("guideline templates")

    def __str__(self) -> str:
        return self.topic


class Metric(models.TextChoices):
    """The KPI metrics of the plan file format (``METRIC``); the planner's KPIs use the same values."""

    FOLLOWERS = "followers", _("Followers")
    REACH = "reach", _("Reach")
    MENTIONS = "mentions", _("Mentions")
    SENTIMENT = "sentiment", _("Sentiment")
    ENGAGEMENT_RATE = "engagement_rate", _("Engagement rate")
    REFERRAL_TRAFFIC = "referral_traffic", _("Referral traffic")
    LEADS = "leads", _("Leads")
    CONVERSIONS = "conversions", _("Conversions")
    REPURCHASE_RATE = "repurchase_rate", _("Repurchase rate")
    NPS = "nps", _("Net Promoter Score")
    APPLICATIONS = "applications", _("Applications")
    SERVICE_TICKETS = "service_tickets", _("Service tickets")
    OTHER = "other", _("Other")


class KPIBenchmark(models.Model):
    """How fast a metric can realistically change, with the evidence: where the figure comes from,
    how it was measured, on what sample, and whether it is a published figure or an assumption."""

    class Unit(models.TextChoices):
        PERCENT = "percent", _("% per month (relative)")
        POINTS = "points", _("points per month")

    class Confidence(models.TextChoices):
        PUBLISHED = "published", _("published figure")
        DERIVED = "derived", _("derived from a published figure")
        ASSUMPTION = "assumption", _("assumption of the planner (no published figure)")

    metric = models.CharField(_("metric"), max_length=40, choices=Metric.choices)
    channel = models.ForeignKey(
        Channel, on_delete=models.CASCADE, null=True, blank=True, related_name="benchmarks", verbose_name=_("channel")
    )
    max_monthly_change = models.DecimalField(
        _("realistic change per month"),
        max_digits=8,
        decimal_places=2,
        help_text=_("For most metrics relative growth in %; for the Net Promoter Score points (see the unit)."),
    )
    unit = models.CharField(_("unit of the change"), max_length=10, choices=Unit.choices, default=Unit.PERCENT)
    small_account_allowance = models.DecimalField(
        _("small-account allowance per month"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "An absolute number per month that is always realistic, however small the account (e.g. +100 "
            "followers a month): small accounts grow by more than their percentage."
        ),
    )
    new_account_ceiling = models.DecimalField(
        _("new-account ceiling (first 12 months)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("What an account starting from zero realistically reaches in its first 12 months."),
    )
    method = models.CharField(_("method"), max_length=300, blank=True)
    source_publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    source_title = models.CharField(_("title of the source"), max_length=300, blank=True)
    source_year = models.PositiveSmallIntegerField(_("year of the source"), null=True, blank=True)
    source_url = models.URLField(_("link to the source"), blank=True)
    sample = models.TextField(_("sample"), blank=True)
    confidence = models.CharField(
        _("confidence"), max_length=20, choices=Confidence.choices, default=Confidence.ASSUMPTION
    )
    rationale = models.TextField(_("rationale"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    # Set when a curator edits the row in the admin; load_content then leaves it alone without --force.
    curated = models.BooleanField(_("edited by a curator"), default=False)

    class Meta:
        ordering = ["metric", "channel__slug"]
        constraints = [
            models.UniqueConstraint(fields=["metric", "channel"], name="unique_benchmark_per_metric_channel"),
        ]
        verbose_name = _("KPI benchmark")
        verbose_name_plural = _("KPI benchmarks")

    def __str__(self) -> str:
        return f"{self.get_metric_display()} ({self.channel or '*'})"


class ContentRevision(models.Model):
    """How often the curated content has changed: one row, counted up in the transaction of every change
    (``checklists.signals``). What is computed from the content and kept in the cache (a plan's findings and
    step states, ``planner.summaries``) names the revision it was computed from, so an edit shows at once."""

    number = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("content revision")

    def __str__(self) -> str:
        return str(self.number)
