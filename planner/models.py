"""A social media strategy plan and its parts, and the organizations that own plans."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import limits

DATE_RANGE = [MinValueValidator(limits.MIN_DATE), MaxValueValidator(limits.MAX_DATE)]
KPI_RANGE = [MinValueValidator(-limits.MAX_KPI_VALUE), MaxValueValidator(limits.MAX_KPI_VALUE)]


class Organization(models.Model):
    class Language(models.TextChoices):
        DE = "de", _("German")
        EN = "en", _("English")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    # Printed on the cover of every report of the organization's plans (reports.pdf serves it).
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    # The language a new plan starts in, and the one invitations are written in.
    default_language = models.CharField(
        _("default language"), max_length=2, choices=Language.choices, default=Language.DE
    )
    require_mfa = models.BooleanField(
        _("require two-factor sign-in for all members"),
        default=False,
        help_text=_("Members without an authenticator app or a passkey are asked to set one up before they go on."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("Marketing lead")
        EXECUTIVE = "executive", _("Executive")
        ADMIN = "admin", _("Admin")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.LEAD)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "organization"], name="one_membership_per_org")]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization} ({self.role})"


def _lines_default() -> list:
    return []


class Plan(models.Model):
    class Language(models.TextChoices):
        DE = "de", _("German")
        EN = "en", _("English")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ARCHIVED = "archived", _("Archived")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="plans", verbose_name=_("organization")
    )
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.DE)
    industry = models.TextField(_("industry"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True, validators=DATE_RANGE)
    horizon_months = models.PositiveSmallIntegerField(
        _("horizon (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    summary = models.TextField(_("summary"), blank=True)

    # Situation ("Bestandsaufnahme"): one entry per line in the UI.
    strengths = models.JSONField(_("strengths"), default=_lines_default, blank=True)
    weaknesses = models.JSONField(_("weaknesses"), default=_lines_default, blank=True)
    opportunities = models.JSONField(_("opportunities and market trends"), default=_lines_default, blank=True)
    threats = models.JSONField(_("threats"), default=_lines_default, blank=True)

    off_limits = models.JSONField(_("not to be published"), default=_lines_default, blank=True)

    staff_hours_per_week = models.DecimalField(
        _("staff hours per week"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(limits.MAX_STAFF_HOURS)],
    )
    paid_media_budget_eur = models.DecimalField(
        _("paid media budget (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(limits.MAX_MONEY_EUR)],
    )
    tools_budget_eur = models.DecimalField(
        _("tools budget (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(limits.MAX_MONEY_EUR)],
    )
    review_cadence_months = models.PositiveSmallIntegerField(
        _("review every (months)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(24)]
    )
    review_report_to = models.TextField(_("results reported to"), blank=True)

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    # Bumped by every save of the plan or a part; a form posted with an older value is stale.
    revision = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self) -> str:
        return self.title


class Competitor(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="competitors")
    name = models.TextField(_("competitor"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


class Goal(models.Model):
    class Category(models.TextChoices):
        AWARENESS = "awareness", _("Awareness")
        IMAGE = "image", _("Image")
        LOYALTY = "loyalty", _("Customer loyalty")
        SERVICE = "service", _("Customer service")
        ACQUISITION = "acquisition", _("Customer acquisition")
        SALES = "sales", _("Sales")
        MARKET_RESEARCH = "market_research", _("Market research")
        RECRUITING = "recruiting", _("Recruiting")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    key = models.TextField(_("key"), blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, blank=True)
    title = models.TextField(_("goal"), blank=True)
    description = models.TextField(_("description"), blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=3, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


class KPI(models.Model):
    class Metric(models.TextChoices):
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

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="kpis")
    name = models.TextField(_("KPI"), blank=True)
    metric = models.CharField(_("metric"), max_length=30, choices=Metric.choices, blank=True)
    unit = models.TextField(_("unit"), blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=17, decimal_places=4, null=True, blank=True, validators=KPI_RANGE
    )
    target = models.DecimalField(
        _("target"), max_digits=17, decimal_places=4, null=True, blank=True, validators=KPI_RANGE
    )
    due = models.DateField(_("due"), null=True, blank=True, validators=DATE_RANGE)
    # The channel the KPI is measured on (LinkedIn followers); without one, the metric's general benchmark applies.
    channel = models.ForeignKey(
        "checklists.Channel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("measured on"),
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")

    def __str__(self) -> str:
        return self.name


class KPICheckIn(models.Model):
    """A KPI's value as measured on a date (the plan file's ``kpis[].actuals``)."""

    kpi = models.ForeignKey(KPI, on_delete=models.CASCADE, related_name="checkins")
    date = models.DateField(_("date"), validators=DATE_RANGE)
    value = models.DecimalField(_("value"), max_digits=17, decimal_places=4, validators=KPI_RANGE)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("KPI check-in")
        verbose_name_plural = _("KPI check-ins")

    def __str__(self) -> str:
        return f"{self.kpi_id} {self.date}: {self.value}"


TECHNOGRAPHICS = ("creators", "conversationalists", "critics", "collectors", "joiners", "spectators", "inactives")


def _share_field(label: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(label, null=True, blank=True, validators=[MaxValueValidator(100)])


class TargetGroup(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="target_groups")
    key = models.TextField(_("key"), blank=True)
    name = models.TextField(_("target group"), blank=True)
    description = models.TextField(_("description"), blank=True)
    needs = models.TextField(_("needs"), blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=3, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    creators = _share_field(_("creators (%)"))
    conversationalists = _share_field(_("conversationalists (%)"))
    critics = _share_field(_("critics (%)"))
    collectors = _share_field(_("collectors (%)"))
    joiners = _share_field(_("joiners (%)"))
    spectators = _share_field(_("spectators (%)"))
    inactives = _share_field(_("inactives (%)"))
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def technographics(self) -> dict[str, int]:
        return {rung: getattr(self, rung) for rung in TECHNOGRAPHICS if getattr(self, rung) is not None}


class PlanChannel(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="channels")
    channel = models.ForeignKey(
        "checklists.Channel", on_delete=models.PROTECT, related_name="+", verbose_name=_("channel")
    )
    purpose = models.TextField(_("purpose"), blank=True)
    dialogue = models.BooleanField(_("dialogue"), default=True)
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="channels", verbose_name=_("target groups")
    )
    goals = models.ManyToManyField(Goal, blank=True, related_name="channels", verbose_name=_("goals"))
    posts_per_week = models.DecimalField(
        _("posts per week"),
        max_digits=5,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    phase = models.PositiveSmallIntegerField(_("rollout phase"), default=1, validators=[MaxValueValidator(9)])
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.channel_id} ({self.plan_id})"


class ContentTheme(models.Model):
    class Kind(models.TextChoices):
        EDUCATIONAL = "educational", _("Educational")
        INSPIRING = "inspiring", _("Inspiring / entertaining")
        DIALOGUE = "dialogue", _("Dialogue")
        PROMOTIONAL = "promotional", _("Promotional")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="content_themes")
    title = models.TextField(_("theme"), blank=True)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, blank=True)
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="content_themes", verbose_name=_("target groups")
    )
    channels = models.ManyToManyField("checklists.Channel", blank=True, related_name="+", verbose_name=_("channels"))
    formats = models.JSONField(_("formats"), default=_lines_default, blank=True)
    expert_source = models.TextField(_("internal expert"), blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


class Role(models.Model):
    class Kind(models.TextChoices):
        """The plan file's ROLE_KIND; empty means "read it from the job title" (checklists.rules.reading)."""

        MANAGEMENT = "management", _("Management")
        STAFF = "staff", _("Employee")
        TRAINEE = "trainee", _("Trainee (internship, apprenticeship, working student)")
        EXTERNAL = "external", _("External (agency, freelancer, service provider)")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="roles")
    person = models.TextField(_("person"), blank=True)
    title = models.TextField(_("job title"), blank=True)
    kind = models.CharField(_("kind of role"), max_length=20, choices=Kind.choices, blank=True)
    responsibilities = models.TextField(_("responsibilities"), blank=True)
    is_owner = models.BooleanField(_("main owner"), default=False)
    hours_per_week = models.DecimalField(
        _("hours per week"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(limits.MAX_ROLE_HOURS)],
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.person


class Guideline(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="guidelines")
    topic = models.TextField(_("topic"), blank=True)
    text = models.TextField(_("text"), blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.topic


class Milestone(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="milestones")
    title = models.TextField(_("milestone"), blank=True)
    phase = models.PositiveSmallIntegerField(_("phase"), default=1, validators=[MaxValueValidator(9)])
    start = models.DateField(_("start"), null=True, blank=True, validators=DATE_RANGE)
    end = models.DateField(_("end"), null=True, blank=True, validators=DATE_RANGE)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "start", "pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must not be before the start.")})


class ChecklistAnswer(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        NOT_APPLICABLE = "not_applicable", _("not applicable")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="checklist_answers")
    item = models.ForeignKey("checklists.ChecklistItem", on_delete=models.CASCADE, related_name="answers")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "item"], name="one_answer_per_item")]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.status}"


class StepDraft(models.Model):
    """What a user typed into a wizard step that was not saved yet (invalid or left)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="drafts")
    step = models.CharField(max_length=40)
    data = models.JSONField()
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "step", "updated_by"], name="one_draft_per_step_user")]

    def __str__(self) -> str:
        return f"{self.step} ({self.plan_id})"
