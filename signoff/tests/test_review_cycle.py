"""The review cycle as dates: when the next review is due, the e-mail to the plan's owner when it is
(once per due date, sent by Celery beat), and a review held starting the next cycle."""

import datetime as dt
import time
from urllib.parse import urlsplit

import pytest
from dateutil.relativedelta import relativedelta
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone

from conftest import Beat, Worker
from planner.models import Membership, Plan
from signoff import services
from signoff.models import ReviewMeeting, ReviewReminder
from signoff.selectors import review_due
from signoff.tasks import send_review_reminders
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

# The example plan starts on 1 January 2027 and is reviewed every 6 months.
FIRST_DUE = dt.date(2027, 7, 1)


def start_for(days: int) -> tuple[dt.date, int]:
    """A start date whose review (6 months on) falls ``days`` from today, or a little further where
    that day would be past the 28th (months differ in length there); and those days."""
    step = 1 if days >= 0 else -1
    while (timezone.localdate() + dt.timedelta(days=days)).day > 28:
        days += step
    return timezone.localdate() + dt.timedelta(days=days) - relativedelta(months=6), days


def remind(today: dt.date) -> list[int]:
    return services.review_reminders_send(base_url="http://planner.example", today=today)


def test_the_first_review_is_due_a_cadence_after_the_start_and_the_dashboard_counts_the_days(example_plan, clients):
    assert review_due(example_plan, today=dt.date(2027, 6, 19)).due_on == FIRST_DUE
    assert review_due(example_plan, today=dt.date(2027, 6, 19)).days == 12
    start, days = start_for(12)
    Plan.objects.filter(pk=example_plan.pk).update(start_date=start)
    assert f"Überprüfung fällig in {days} Tagen" in clients["lead"].get(reverse("planner:dashboard")).content.decode()
    start, days = start_for(-3)
    Plan.objects.filter(pk=example_plan.pk).update(start_date=start)
    dashboard = clients["lead"].get(reverse("planner:dashboard")).content.decode()
    assert f"Überprüfung seit {-days} Tagen überfällig" in dashboard


def test_the_owner_is_mailed_once_when_the_review_is_due(example_plan, people, mailoutbox):
    assert remind(FIRST_DUE - dt.timedelta(days=1)) == []  # not due yet
    assert remind(FIRST_DUE) == [example_plan.pk]
    assert remind(FIRST_DUE) == [] and remind(FIRST_DUE + dt.timedelta(days=20)) == []  # once per due date

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["lena@klv.example"]  # she created the plan and still leads; not the executive
    assert mail.subject == "Überprüfung der Strategie fällig: Social-Media-Strategie 2027"
    assert "wird alle 6 Monate überprüft; die nächste Überprüfung ist am 1. Juli 2027 fällig" in mail.body
    assert f"http://planner.example{reverse('signoff:progress', args=[example_plan.pk])}" in mail.body
    assert ReviewReminder.objects.get().recipients == ["lena@klv.example"]


def test_holding_the_review_starts_the_next_cycle_and_its_reminder(example_plan, people, clients, mailoutbox):
    remind(FIRST_DUE)
    response = clients["lead"].post(
        reverse("signoff:review_hold", args=[example_plan.pk]),
        {
            "held_on": "2027-07-05",
            "participants": "Erik Engel, Lena Lind",
            "decisions": "TikTok erst 2028.",
            "kpis": ["Wiederkaufrate"],
        },
    )
    assert response.status_code == 302
    meeting = ReviewMeeting.objects.get()
    assert (meeting.due_on, meeting.kpis, meeting.recorded_by) == (FIRST_DUE, ["Wiederkaufrate"], people["lead"])
    assert review_due(example_plan, today=dt.date(2027, 7, 5)).due_on == dt.date(2028, 1, 5)
    page = clients["executive"].get(reverse("signoff:progress", args=[example_plan.pk])).content.decode()
    assert "TikTok erst 2028." in page and "Wiederkaufrate" in page

    assert remind(dt.date(2027, 12, 31)) == []
    assert remind(dt.date(2028, 1, 5)) == [example_plan.pk]
    subject = "Überprüfung der Strategie fällig: Social-Media-Strategie 2027"
    assert [mail.subject for mail in mailoutbox] == [subject, subject]
    assert list(ReviewReminder.objects.order_by("due_on").values_list("due_on", flat=True)) == [
        FIRST_DUE,
        dt.date(2028, 1, 5),
    ]


def test_when_the_creator_no_longer_leads_the_leads_and_admins_are_reminded(example_plan, people, mailoutbox):
    Membership.objects.filter(user=people["lead"]).update(role=Membership.Role.EXECUTIVE)
    other_lead = MembershipFactory(
        organization=example_plan.organization, role=Membership.Role.LEAD, user__email="lukas@klv.example"
    ).user
    remind(FIRST_DUE)
    assert mailoutbox[0].to == ["ada@klv.example", other_lead.email]


def test_archived_plans_and_plans_without_a_cadence_are_not_reminded(example_plan, people, mailoutbox):
    Plan.objects.filter(pk=example_plan.pk).update(review_cadence_months=None)
    assert remind(FIRST_DUE) == []
    Plan.objects.filter(pk=example_plan.pk).update(review_cadence_months=6, status=Plan.Status.ARCHIVED)
    assert remind(FIRST_DUE) == [] and mailoutbox == []


def test_the_reminder_task_is_on_beats_schedule_and_sends_once(example_plan, people, mailoutbox, settings):
    from config.celery import app

    app.loader.import_default_modules()
    schedule = [entry["task"] for entry in django_settings.CELERY_BEAT_SCHEDULE.values()]
    assert "signoff.tasks.send_review_reminders" in schedule and "signoff.tasks.send_review_reminders" in app.tasks
    settings.SITE_URL = "https://planner.example.com"
    Plan.objects.filter(pk=example_plan.pk).update(start_date=timezone.localdate() - relativedelta(months=7))
    assert send_review_reminders.run() == 1
    assert send_review_reminders.run() == 0
    assert len(mailoutbox) == 1 and "https://planner.example.com/plans/" in mailoutbox[0].body


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_beat_sends_the_reminder_through_a_worker_once(example_plan, people, start_celery, tmp_path):
    """The real thing: beat sends the task every second, a worker runs it; one e-mail however often."""
    Plan.objects.filter(pk=example_plan.pk).update(start_date=timezone.localdate() - relativedelta(months=7))
    mail_dir = tmp_path / "mail"
    env = {
        "REVIEW_REMINDER_SECONDS": "1",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    start_celery(Worker, env=env)
    start_celery(Beat, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not ReviewReminder.objects.exists():
        time.sleep(0.25)
    assert ReviewReminder.objects.filter(plan=example_plan).exists(), "beat's reminder never arrived"
    time.sleep(4)  # several more beats
    messages = [path.read_text() for path in mail_dir.iterdir()]
    assert sum(text.count("Subject: ") for text in messages) == 1
    assert "lena@klv.example" in messages[0]
    assert urlsplit(django_settings.SITE_URL).netloc in messages[0]
