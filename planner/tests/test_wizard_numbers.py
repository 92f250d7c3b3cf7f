"""Numbers and dates as people write them: a German writes 12,5 and 1.200, an English speaker
12.5 and 1,200. The wizard reads what was meant, shows it back the same way, and says so when a
number can be read two ways instead of storing one of them."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from planner.models import KPI, Milestone, Plan
from planner.steps.fields import AmbiguousNumberError, parse_number
from tests.factories import PlanFactory

from .test_wizard_foundation import GOAL, KPI_ROW, goals_post

pytestmark = pytest.mark.django_db

ENGLISH = {"headers": {"accept-language": "en"}}


@pytest.mark.parametrize(
    ("language", "typed", "meant"),
    [
        ("de", "12,5", "12.5"),
        ("de", "1.200", "1200"),
        ("de", "1.200,50", "1200.50"),
        ("de", "12.5", "12.5"),  # the English way, where German cannot read it
        ("de", "0,125", "0.125"),
        ("de", "1 200", "1200"),
        ("de", "-3,5", "-3.5"),
        ("en", "12.5", "12.5"),
        ("en", "1,200", "1200"),
        ("en", "1,200.50", "1200.50"),
        ("en", "12,5", "12.5"),  # the German way, where English cannot read it
        ("en", "1.234,5", "1234.5"),
    ],
)
def test_a_number_means_what_its_writer_meant(language, typed, meant):
    with translation.override(language):
        assert parse_number(typed) == Decimal(meant)


@pytest.mark.parametrize(("language", "typed"), [("de", "1,200"), ("de", "12,500"), ("en", "1.200"), ("en", "3.125")])
def test_a_number_that_reads_two_ways_is_not_guessed(language, typed):
    with translation.override(language):
        with pytest.raises(AmbiguousNumberError):
            parse_number(typed)


@pytest.mark.parametrize("typed", ["12,5,3", "1.2.3,4,5", "zwölf", "1e3", "--1"])
def test_what_is_no_number_is_refused(typed):
    with translation.override("de"), pytest.raises(ValueError):
        parse_number(typed)


def resources(plan, **fields):
    return {"revision": plan.revision, "nav": "stay", **fields}


def test_german_hours_and_budget_are_stored_as_meant_and_shown_back_the_german_way(lead_client, plan):
    url = reverse("planner:step", args=[plan.pk, "resources"])
    response = lead_client.post(
        url, resources(plan, staff_hours_per_week="12,5", paid_media_budget_eur="1.200", tools_budget_eur="99,90")
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.staff_hours_per_week, plan.paid_media_budget_eur, plan.tools_budget_eur) == (
        Decimal("12.5"),
        Decimal("1200"),
        Decimal("99.9"),
    )
    page = lead_client.get(url).content.decode()
    assert 'value="12,5"' in page and 'value="1.200"' in page and 'value="99,9"' in page
    assert 'type="number"' not in page  # a browser would read a number field in its own locale
    english = lead_client.get(url, **ENGLISH).content.decode()
    assert 'value="12.5"' in english and 'value="1,200"' in english


def test_an_ambiguous_budget_is_refused_with_both_readings_and_nothing_is_stored(lead_client, plan):
    url = reverse("planner:step", args=[plan.pk, "resources"])
    response = lead_client.post(url, resources(plan, paid_media_budget_eur="1,200"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "„1,200“ lässt sich zweifach lesen: als 1,2 oder als 1.200. Bitte schreiben Sie 1,2 oder 1200." in page
    plan.refresh_from_db()
    assert plan.paid_media_budget_eur is None
    english = lead_client.post(url, resources(plan, paid_media_budget_eur="1.200"), **ENGLISH).content.decode()
    assert "“1.200” can be read two ways: as 1.2 or as 1,200. Please write 1.2 or 1200." in english


def test_a_decimal_comma_in_a_whole_number_is_an_error_not_ten_times_the_value(lead_client, plan):
    url = reverse("planner:step", args=[plan.pk, "resources"])
    response = lead_client.post(url, resources(plan, review_cadence_months="2,5"))
    assert response.status_code == 200
    assert "Bitte eine ganze Zahl eingeben." in response.content.decode()
    plan.refresh_from_db()
    assert plan.review_cadence_months is None


def test_kpi_values_and_due_date_in_the_german_format(lead_client, plan):
    kpi = {**KPI_ROW, "baseline": "1.200", "target": "12,5", "due": "31.12.2027"}
    response = lead_client.post(reverse("planner:step", args=[plan.pk, "goals"]), goals_post(plan, [(GOAL, [kpi])]))
    assert response.status_code == 302
    stored = KPI.objects.get()
    assert (stored.baseline, stored.target, stored.due) == (Decimal("1200"), Decimal("12.5"), dt.date(2027, 12, 31))
    page = lead_client.get(reverse("planner:step", args=[plan.pk, "goals"])).content.decode()
    assert 'value="1.200"' in page and 'value="12,5"' in page and 'value="31.12.2027"' in page
    english = lead_client.get(reverse("planner:step", args=[plan.pk, "goals"]), **ENGLISH).content.decode()
    assert 'value="1,200"' in english and 'value="12.5"' in english and 'value="12/31/2027"' in english


@pytest.mark.parametrize(
    ("language", "typed"),
    [("de", "1.3.2027"), ("de", "01.03.27"), ("de", "2027-03-01"), ("en", "03/01/2027"), ("en", "1.3.2027")],
)
def test_a_date_in_the_locales_format_iso_or_with_dots(lead_client, plan, language, typed):
    data = {
        "revision": plan.revision,
        "nav": "stay",
        "milestones-TOTAL_FORMS": 1,
        "milestones-INITIAL_FORMS": 0,
        "milestones-0-title": "Pilot",
        "milestones-0-phase": "1",
        "milestones-0-start": typed,
        "milestones-0-end": "2027-06-30",
    }
    headers = {"headers": {"accept-language": language}}
    assert lead_client.post(reverse("planner:step", args=[plan.pk, "roadmap"]), data, **headers).status_code == 302
    assert Milestone.objects.get().start == dt.date(2027, 3, 1)


def test_a_date_the_locale_cannot_read_names_the_format(lead_client, plan):
    data = {**goals_post(plan, [(GOAL, [{**KPI_ROW, "due": "31/12/2027"}])])}
    page = lead_client.post(reverse("planner:step", args=[plan.pk, "goals"]), data).content.decode()
    assert "Bitte geben Sie ein Datum ein, z. B. 31.12.2027." in page
    assert 'value="31/12/2027"' in page  # what was typed stays
    assert not KPI.objects.exists()


def test_the_overview_shows_money_and_numbers_grouped_as_the_locale_writes_them(lead_client, organization):
    plan = PlanFactory(organization=organization, paid_media_budget_eur=Decimal("1200"), staff_hours_per_week=12.5)
    page = lead_client.get(reverse("planner:plan", args=[plan.pk])).content.decode()
    assert "1.200 €" in page and "12,5" in page
    english = lead_client.get(reverse("planner:plan", args=[plan.pk]), **ENGLISH).content.decode()
    assert "1,200 €" in english


def test_a_kpi_due_before_the_plan_starts_is_refused(lead_client, plan):
    early = {**KPI_ROW, "due": "31.12.2026"}  # the plan starts on 1 January 2027
    page = lead_client.post(reverse("planner:step", args=[plan.pk, "goals"]), goals_post(plan, [(GOAL, [early])]))
    assert "Die KPI wäre fällig, bevor der Plan am 01.01.2027 beginnt." in page.content.decode()
    assert not KPI.objects.exists()
    for step in ("goals", "roadmap"):  # where dates are chosen, the plan's period is said
        page = lead_client.get(reverse("planner:step", args=[plan.pk, step])).content.decode()
        assert "Der Plan läuft vom 01.01.2027 bis zum 31.12.2027." in page


def test_the_basics_take_a_german_start_date(lead_client, organization):
    data = {
        "title": "Plan",
        "organization": organization.pk,
        "language": "de",
        "start_date": "1.2.2027",
        "horizon_months": "12",
    }
    assert lead_client.post(reverse("planner:plan_create"), data).status_code == 302
    assert Plan.objects.get().start_date == dt.date(2027, 2, 1)
