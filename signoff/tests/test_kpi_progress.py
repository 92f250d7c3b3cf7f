"""KPI progress: each KPI against the straight path from its baseline (at the plan's start) to its
target (on its due date). On track, behind and reached at their boundaries; check-ins recorded on
the page, shown on the overview and in the report, and carried by the plan file as kpis[].actuals."""

import datetime as dt
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from planner.models import KPI, KPICheckIn, Plan
from planner.plan_file import plan_to_document
from reports.charts import BEHIND, NO_CHECKINS, NO_PATH, ON_TRACK, REACHED, CheckIn, kpi_progress
from reports.services import render_pdf
from reports.templatetags import report_tags
from reports.tests.conftest import pdf_text

pytestmark = pytest.mark.django_db

START = dt.date(2027, 1, 1)
DUE = dt.date(2027, 4, 11)  # 100 days after the start
HALFWAY = dt.date(2027, 2, 20)  # day 50: the path plans half of the way


def status(value, *, on=HALFWAY, baseline=0, target=100, due=DUE) -> str:
    return kpi_progress(baseline=baseline, target=target, start=START, due=due, checkins=[CheckIn(on, value)]).status


@pytest.mark.parametrize(
    ("value", "on", "expected"),
    [
        (45, HALFWAY, ON_TRACK),  # exactly 90 % of the 50 the path plans for the day
        (44.99, HALFWAY, BEHIND),  # just below
        (60, HALFWAY, ON_TRACK),  # ahead of the path, not at the target
        (99.99, HALFWAY, ON_TRACK),
        (100, HALFWAY, REACHED),  # the target, before its due date
        (130, HALFWAY, REACHED),
        (0, START, ON_TRACK),  # on the first day nothing is due yet
        (-0.01, START, BEHIND),  # below the baseline on the first day
        (99.99, DUE, BEHIND),  # the due date came and the target was not met
        (100, DUE, REACHED),
        (99.99, DUE + dt.timedelta(days=30), BEHIND),
        (100, DUE + dt.timedelta(days=30), REACHED),
    ],
)
def test_a_rising_kpi_at_the_boundaries(value, on, expected):
    assert status(value, on=on) == expected


@pytest.mark.parametrize(
    ("value", "on", "expected"),
    [
        # Service tickets from 900 down to 750: half way, the path plans 825; 90 % of that fall is 832.5.
        (832.5, HALFWAY, ON_TRACK),
        (832.51, HALFWAY, BEHIND),
        (900, HALFWAY, BEHIND),
        (750, HALFWAY, REACHED),
        (749, HALFWAY, REACHED),
        (750.01, DUE, BEHIND),
        (750, DUE, REACHED),
    ],
)
def test_a_falling_kpi_at_the_boundaries(value, on, expected):
    assert status(value, on=on, baseline=900, target=750) == expected


def test_the_planned_value_is_on_the_straight_path():
    progress = kpi_progress(baseline=38, target=42, start=START, due=DUE, checkins=[CheckIn(HALFWAY, 39)])
    assert progress.planned == 40
    progress = kpi_progress(baseline=38, target=42, start=START, due=DUE, checkins=[CheckIn(DUE + dt.timedelta(9), 41)])
    assert progress.planned == 42  # the path ends at the target


def test_the_latest_check_in_counts_whatever_the_order_they_were_recorded_in():
    checkins = [CheckIn(HALFWAY, 50), CheckIn(START + dt.timedelta(days=10), 100)]
    assert kpi_progress(baseline=0, target=100, start=START, due=DUE, checkins=checkins).status == ON_TRACK


def test_without_check_ins_or_without_a_path():
    assert kpi_progress(baseline=0, target=100, start=START, due=DUE, checkins=[]).status == NO_CHECKINS
    assert status(50, target=None) == NO_PATH
    assert status(50, due=None) == NO_PATH
    # Without a baseline the path starts at the first check-in.
    first, later = CheckIn(START, 10), CheckIn(HALFWAY, 55)  # half of the way from 10 to 100
    assert kpi_progress(baseline=None, target=100, start=START, due=DUE, checkins=[first, later]).status == ON_TRACK


@pytest.mark.parametrize(
    ("language", "value", "unit", "text"),
    [
        ("de", 39.8, "%", "39,8 %"),
        ("de", 1250.5, "pro Monat", "1.250,5 pro Monat"),
        ("de", 799.625, "", "799,63"),
        ("de", 40, "%", "40 %"),
        ("en", 1250.5, "per month", "1,250.5 per month"),
        ("en", None, "%", "–"),
    ],
)
def test_a_measured_value_is_written_as_a_reader_writes_it(language, value, unit, text):
    with translation.override(language):
        assert report_tags.measured(value, unit) == text


# --- through the pages -------------------------------------------------------------------------


def kpis(plan) -> dict[str, KPI]:
    return {kpi.name: kpi for kpi in KPI.objects.filter(goal__plan=plan)}


def check_in(client, plan, kpi: KPI, date: str, value: str, note: str = ""):
    prefix = f"kpi-{kpi.pk}"
    return client.post(
        reverse("signoff:checkin_create", args=[plan.pk, kpi.pk]),
        {f"{prefix}-date": date, f"{prefix}-value": value, f"{prefix}-note": note},
    )


@pytest.fixture
def measured(example_plan, clients):
    """The example plan with a check-in on each KPI, recorded by the lead on the progress page: the
    repurchase rate on track, the NPS behind, the service tickets reached."""
    by_name = kpis(example_plan)
    # 2 July 2027 is day 182 of 364 to the due date: the path plans 40 % for the repurchase rate
    # (38 → 42), at least 39.8 % is on track.
    for name, value, note in (
        ("Wiederkaufrate", "39.8", "Halbjahr"),
        ("Net Promoter Score", "22", "Umfrage Juni"),
        ("Service-Anfragen per Mail", "740", ""),
    ):
        response = check_in(clients["lead"], example_plan, by_name[name], "2027-07-02", value, note)
        assert response.status_code == 302
    return example_plan


def test_the_overview_shows_each_kpi_against_its_path_as_a_small_chart(measured, clients):
    overview = clients["executive"].get(reverse("planner:plan", args=[measured.pk])).content.decode()
    section = overview.split('id="kpi-progress"')[1].split("</section>")[0]
    assert section.count('class="kpi-chart"') == KPI.objects.filter(goal__plan=measured).count()
    assert 'aria-label="Wiederkaufrate: im Plan"' in section
    assert 'aria-label="Net Promoter Score: im Rückstand"' in section
    assert 'aria-label="Service-Anfragen per Mail: erreicht"' in section
    assert "Letzter Messwert am 02.07.2027: 39,8 % (geplant 40 %)" in section

    english = clients["executive"].get(reverse("planner:plan", args=[measured.pk]), HTTP_ACCEPT_LANGUAGE="en")
    section = english.content.decode().split('id="kpi-progress"')[1].split("</section>")[0]
    for label in ("Wiederkaufrate: on track", "Net Promoter Score: behind", "Service-Anfragen per Mail: reached"):
        assert f'aria-label="{label}"' in section


def test_a_check_in_is_validated_and_a_refused_one_writes_nothing(example_plan, clients):
    kpi = kpis(example_plan)["Wiederkaufrate"]
    response = check_in(clients["lead"], example_plan, kpi, "2027-07-02", "")
    assert response.status_code == 400
    assert "Der Messwert wurde nicht gespeichert" in response.content.decode()
    response = check_in(clients["lead"], example_plan, kpi, "2200-01-01", "40")
    assert response.status_code == 400
    assert not KPICheckIn.objects.exists()


def test_check_ins_round_trip_through_the_plan_file(measured, clients, organization):
    exported = clients["lead"].get(reverse("planner:plan_export", args=[measured.pk]))
    document = json.loads(exported.content)
    repurchase = document["plan"]["goals"][0]["kpis"][0]
    assert repurchase["actuals"] == [{"date": "2027-07-02", "value": 39.8, "note": "Halbjahr"}]

    upload = SimpleUploadedFile("plan.json", exported.content, content_type="application/json")
    response = clients["lead"].post(reverse("planner:plan_import"), {"organization": organization.pk, "file": upload})
    assert response.status_code == 302
    copy = Plan.objects.exclude(pk=measured.pk).get()
    assert plan_to_document(copy) == document

    def checkins(plan):
        return sorted(KPICheckIn.objects.filter(kpi__goal__plan=plan).values_list("kpi__name", "date", "value", "note"))

    assert checkins(copy) == checkins(measured) and len(checkins(copy)) == 3
    # The imported plan is measured the same.
    overview = clients["lead"].get(reverse("planner:plan", args=[copy.pk])).content.decode()
    assert 'aria-label="Net Promoter Score: im Rückstand"' in overview


@pytest.mark.parametrize(
    ("language", "heading", "statuses"),
    [
        ("de", "KPI-Fortschritt", ("im Plan", "im Rückstand", "erreicht")),
        ("en", "KPI progress", ("on track", "behind", "reached")),
    ],
)
def test_the_report_has_the_kpi_progress_page(measured, tmp_path, language, heading, statuses):
    snapshot = plan_to_document(measured)
    snapshot["plan"]["language"] = language
    text = pdf_text(render_pdf(snapshot=snapshot).content, tmp_path)
    section = text[text.index(heading, text.index(heading) + 1) :]  # after the table of contents
    for kpi, label in zip(("Wiederkaufrate", "Net Promoter Score", "Service-Anfragen per Mail"), statuses, strict=True):
        assert f"{kpi} {label.upper()}" in section  # the badges are set in capitals
