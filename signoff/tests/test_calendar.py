"""The plan's calendar: milestones, the reviews held and the reviews due, as an .ics download and as a
secret address a member subscribes to; the address stops when it is replaced or its user leaves."""

import datetime as dt
import re
import secrets

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from planner.models import Membership
from signoff.models import ReviewMeeting

pytestmark = pytest.mark.django_db


def events(content: bytes) -> dict[str, dt.date]:
    calendar = Calendar.from_ical(content)
    return {str(event["summary"]): event.decoded("dtstart") for event in calendar.walk("VEVENT")}


def subscribe(client, plan) -> str:
    response = client.post(reverse("signoff:calendar_feed_create", args=[plan.pk]), follow=True)
    match = re.search(r"https?://testserver(/calendar/[^/\s<]+\.ics)", response.content.decode())
    assert match, "the address is shown once"
    return match.group(1)


def test_the_download_lists_milestones_reviews_held_and_the_reviews_due(example_plan, people, clients):
    ReviewMeeting.objects.create(plan=example_plan, held_on=dt.date(2027, 7, 3), participants="Erik, Lena")
    response = clients["executive"].get(reverse("signoff:calendar_download", args=[example_plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="social-media-strategie-2027.ics"'
    found = events(response.content)
    assert found["Zuhören und Bestandsaufnahme (Phase 0)"] == dt.date(2027, 1, 1)
    assert found["Überprüfung der Strategie durchgeführt: Social-Media-Strategie 2027"] == dt.date(2027, 7, 3)
    due = sorted(
        event.decoded("dtstart")
        for event in Calendar.from_ical(response.content).walk("VEVENT")
        if str(event["summary"]).startswith("Überprüfung der Strategie fällig")
    )
    assert due[:2] == [dt.date(2028, 1, 3), dt.date(2028, 7, 3)]  # six months after the review held, and on


def test_a_secret_address_serves_the_calendar_without_a_sign_in_until_replaced(example_plan, people, clients):
    first = subscribe(clients["executive"], example_plan)
    response = Client().get(first)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert "Zuhören und Bestandsaufnahme (Phase 0)" in events(response.content)
    second = subscribe(clients["executive"], example_plan)
    assert Client().get(first).status_code == 404  # replaced
    assert Client().get(second).status_code == 200
    assert Client().get(reverse("signoff:calendar_feed", args=[secrets.token_urlsafe(32)])).status_code == 404


def test_the_address_stops_when_its_user_leaves_the_organization(example_plan, people, clients):
    address = subscribe(clients["executive"], example_plan)
    Membership.objects.filter(user=people["executive"]).delete()
    assert Client().get(address).status_code == 404
