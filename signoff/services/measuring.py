"""KPI check-ins, the reviews held, and the reminder that a review is due."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from decimal import Decimal

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from planner.models import KPI, KPICheckIn, Plan
from planner.plan_file import PlanFileError, document_dumps, parse_document, plan_to_document
from planner.services import plan_revision_bump

from ..models import ReviewMeeting, ReviewReminder
from ..selectors import plan_owners, review_due, reviews_due
from .emails import plan_mail, progress_page_url

logger = logging.getLogger(__name__)


class CheckInError(Exception):
    """The check-in would make the plan exceed the plan file's limits."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@transaction.atomic
def checkin_record(*, kpi: KPI, user, date: dt.date, value: Decimal, note: str) -> KPICheckIn:
    """Record a KPI's value on a date. Raises CheckInError, writing nothing, when the plan would no
    longer export to a file that imports again (more check-ins than a plan may hold)."""
    plan = kpi.goal.plan
    Plan.objects.select_for_update().filter(pk=plan.pk).first()
    checkin = KPICheckIn.objects.create(kpi=kpi, date=date, value=value, note=note)
    try:
        parse_document(document_dumps(plan_to_document(plan)).encode())
    except PlanFileError as error:
        raise CheckInError(error.problems) from error
    plan_revision_bump(plan=plan)
    # Like the wizard's writes, in the plan's history (django-auditlog).
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(KPICheckIn),
        object_pk=str(checkin.pk),
        object_id=checkin.pk,
        object_repr=f"{kpi.name}: {date.isoformat()}"[:500],
        action=LogEntry.Action.CREATE,
        changes={"date": [None, date.isoformat()], "value": [None, str(value)], "note": [None, note]},
        actor=user if getattr(user, "pk", None) else None,
        additional_data={"plan_id": plan.pk},
    )
    return checkin


@transaction.atomic
def review_meeting_record(
    *, plan: Plan, user, held_on: dt.date, participants: str, decisions: str, kpis: list[str]
) -> ReviewMeeting:
    """Record a review held: it closes the cycle due now, and the next one is due a cadence after it."""
    due = review_due(plan)
    return ReviewMeeting.objects.create(
        plan=plan,
        held_on=held_on,
        participants=participants,
        decisions=decisions,
        kpis=kpis,
        due_on=due.due_on if due else None,
        recorded_by=user,
    )


def review_reminders_send(*, base_url: str, today: dt.date | None = None) -> list[int]:
    """E-mail the owners of every plan whose review is due (today or overdue) and who were not told of
    this due date yet; idempotent: the reminder row is written in the same transaction that sends."""
    today = today or timezone.localdate()
    plans = Plan.objects.exclude(status=Plan.Status.ARCHIVED).exclude(review_cadence_months=None)
    sent = []
    for plan_id, due in reviews_due(plans, today).items():
        if due.due_on > today:
            continue
        try:
            if _review_reminder_send(plan_id=plan_id, due_on=due.due_on, base_url=base_url):
                sent.append(plan_id)
        except (smtplib.SMTPException, OSError):
            # Nothing was recorded for this plan: the next run tries again; the other plans go on.
            logger.exception("plan %s: the review reminder could not be sent", plan_id)
    return sent


@transaction.atomic
def _review_reminder_send(*, plan_id: int, due_on: dt.date, base_url: str) -> bool:
    """Send one plan's reminder unless it was sent for this due date. The reminder row is written in
    the transaction that sends: a mail server that refuses leaves none, and the next run tries again."""
    plan = Plan.objects.select_for_update().select_related("organization").get(pk=plan_id)
    if ReviewReminder.objects.filter(plan=plan, due_on=due_on).exists():
        return False
    owners = plan_owners(plan)
    ReviewReminder.objects.create(plan=plan, due_on=due_on, recipients=[user.email for user in owners])
    due = review_due(plan)
    context = {"plan": plan, "due": due, "link": progress_page_url(base_url, plan)}
    plan_mail(plan=plan, template="review_due", context=context, recipients=[user.email for user in owners])
    return True
