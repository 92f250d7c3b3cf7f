"""Sign-off: reviews of numbered versions, comments per section, decisions, share links, KPI
check-ins' review cycle and the calendar. Nothing here is ever deleted by a user: comments are
resolved, share links revoked, requests replaced."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from planner import limits


def section_choices() -> list[tuple[str, str]]:
    """The plan's sections are the wizard's steps: a comment on "goals" shows on the goals step."""
    from planner.steps import STEPS

    return [(step.slug, step.title) for step in STEPS]


def display_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.email or user.get_username()


class ReviewRequest(models.Model):
    """A lead asks the executives to review one version of the plan."""

    class Status(models.TextChoices):
        OPEN = "open", _("waiting for a decision")
        APPROVED = "approved", _("approved")
        CHANGES_REQUESTED = "changes_requested", _("changes requested")
        SUPERSEDED = "superseded", _("replaced by a newer request")

    plan = models.ForeignKey("planner.Plan", on_delete=models.CASCADE, related_name="review_requests")
    version = models.ForeignKey("reports.Version", on_delete=models.RESTRICT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    message = models.TextField(_("message"), blank=True, validators=[MaxLengthValidator(limits.MAX_TEXT)])
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"], condition=models.Q(status="open"), name="one_open_review_request_per_plan"
            )
        ]
        verbose_name = _("review request")
        verbose_name_plural = _("review requests")

    def __str__(self) -> str:
        return f"{self.plan} v{self.version.number} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class Decision(models.Model):
    """An executive's or admin's answer to a review request: approve its version, or ask for changes."""

    class Outcome(models.TextChoices):
        APPROVE = "approve", _("Approve this version")
        REQUEST_CHANGES = "request_changes", _("Request changes")

    review_request = models.OneToOneField(ReviewRequest, on_delete=models.CASCADE, related_name="decision")
    version = models.ForeignKey("reports.Version", on_delete=models.RESTRICT, related_name="+")
    outcome = models.CharField(_("decision"), max_length=20, choices=Outcome.choices)
    reason = models.TextField(_("reason"), blank=True, validators=[MaxLengthValidator(limits.MAX_TEXT)])
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decider_name = models.CharField(max_length=300, blank=True)  # as it was that day
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.review_request}: {self.outcome}"


class Comment(models.Model):
    """A comment on a section of the plan, or (with ``parent``) an answer to one. A thread is resolved
    as a whole, on its first comment; nothing is deleted."""

    plan = models.ForeignKey("planner.Plan", on_delete=models.CASCADE, related_name="comments")
    section = models.CharField(_("section"), max_length=40, choices=section_choices)
    version = models.ForeignKey(
        "reports.Version", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )  # the version its author was reading
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="answers")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("comment"), validators=[MaxLengthValidator(limits.MAX_TEXT)])
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return f"{self.section}: {self.text[:50]}"

    @property
    def author_name(self) -> str:
        return display_name(self.author) or str(_("a former member"))

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None


class ShareLink(models.Model):
    """Read access to one approved version for whoever holds the link, until it expires or is revoked.
    Only the token's SHA-256 is stored; the link is shown once, when it is made."""

    plan = models.ForeignKey("planner.Plan", on_delete=models.CASCADE, related_name="share_links")
    version = models.ForeignKey("reports.Version", on_delete=models.RESTRICT, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    label = models.CharField(_("shared with"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("share link")
        verbose_name_plural = _("share links")

    def __str__(self) -> str:
        return f"{self.plan} v{self.version.number} ({self.label or self.pk})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class ShareLinkUse(models.Model):
    """Each opening of a share link: when, from which address, and what was read."""

    class What(models.TextChoices):
        PAGE = "page", _("read the plan")
        PDF = "pdf", _("downloaded the PDF")

    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="uses")
    used_at = models.DateTimeField(auto_now_add=True)
    address = models.GenericIPAddressField(null=True, blank=True)
    what = models.CharField(max_length=10, choices=What.choices)

    class Meta:
        ordering = ["-used_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.link_id} {self.what} {self.used_at:%Y-%m-%d %H:%M} {self.address}"


class ReviewMeeting(models.Model):
    """A review held with the executives: it closes the review cycle due then and starts the next."""

    plan = models.ForeignKey("planner.Plan", on_delete=models.CASCADE, related_name="review_meetings")
    held_on = models.DateField(_("held on"))
    participants = models.TextField(_("participants"), validators=[MaxLengthValidator(limits.MAX_TEXT)])
    decisions = models.TextField(_("decisions"), blank=True, validators=[MaxLengthValidator(limits.MAX_TEXT)])
    kpis = models.JSONField(_("KPIs looked at"), default=list, blank=True)  # their names, as they were then
    due_on = models.DateField(null=True, blank=True)  # the due date of the cycle it closed
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("review meeting")
        verbose_name_plural = _("review meetings")

    def __str__(self) -> str:
        return f"{self.plan} {self.held_on}"


class ReviewReminder(models.Model):
    """The e-mail that a plan's review is due, sent once per due date."""

    plan = models.ForeignKey("planner.Plan", on_delete=models.CASCADE, related_name="+")
    due_on = models.DateField()
    recipients = models.JSONField(default=list)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "due_on"], name="one_reminder_per_due_date")]

    def __str__(self) -> str:
        return f"{self.plan_id} {self.due_on}"


class CalendarFeed(models.Model):
    """A member's secret iCalendar address for a plan. Only the token's SHA-256 is stored; a new
    address replaces the old one, and the feed stops when its user leaves the organization."""

    plan = models.ForeignKey("planner.Plan", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "user"], name="one_calendar_feed_per_plan_user")]

    def __str__(self) -> str:
        return f"{self.plan_id} {self.user_id}"
