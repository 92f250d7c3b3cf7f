"""A plan's dates as iCalendar (RFC 5545, the icalendar library): its milestones, the reviews held and
the reviews due, for a subscription in Outlook or Google Calendar and as an .ics download. In the
plan's language, like its report."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from planner.models import Plan

from .selectors import review_due, review_meetings_for_plan

FUTURE_REVIEWS = 8  # review dates listed ahead of the next one, at the plan's cadence


def _event(uid: str, summary: str, start: dt.date, end: dt.date, description: str = "") -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now())
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("dtend", end + dt.timedelta(days=1))  # all-day events end the day after
    if description:
        event.add("description", description)
    return event


def plan_calendar(plan: Plan) -> bytes:
    """The plan's calendar as an .ics file."""
    with translation.override(plan.language):
        calendar = Calendar()
        calendar.add("prodid", "-//Social media strategy planner//signoff//EN")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", _("Social media strategy: %(title)s") % {"title": plan.title})
        domain = f"plan-{plan.pk}.planner"
        for milestone in plan.milestones.all():
            if milestone.start and milestone.end and milestone.end >= milestone.start:
                summary = _("%(title)s (phase %(phase)s)") % {"title": milestone.title, "phase": milestone.phase}
                calendar.add_component(
                    _event(f"milestone-{milestone.pk}@{domain}", summary, milestone.start, milestone.end)
                )
        for meeting in review_meetings_for_plan(plan):
            description = "\n\n".join(part for part in (meeting.participants, meeting.decisions) if part)
            summary = _("Strategy review held: %(title)s") % {"title": plan.title}
            calendar.add_component(
                _event(f"review-held-{meeting.pk}@{domain}", summary, meeting.held_on, meeting.held_on, description)
            )
        due = review_due(plan)
        if due is not None:
            summary = _("Strategy review due: %(title)s") % {"title": plan.title}
            for index in range(FUTURE_REVIEWS + 1):
                day = due.due_on + relativedelta(months=due.cadence_months * index)
                calendar.add_component(_event(f"review-due-{day.isoformat()}@{domain}", summary, day, day))
        return calendar.to_ical()
