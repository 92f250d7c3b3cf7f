"""In a real browser (Debian's Chromium) with a German or an American locale, a German marketing
lead types numbers and dates the German way and reads back exactly what was meant; and answers a
whole checklist at once."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from checklists.models import ChecklistItem
from planner.models import KPI, ChecklistAnswer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("locale", ["de-DE", "en-US"])
def test_german_numbers_and_dates_mean_what_was_typed(served_app, plan, lead, signed_in, locale):
    page = signed_in(lead, locale=locale)
    page.goto(served_app.url + reverse("planner:step", args=[plan.pk, "resources"]))
    if page.locator("html").get_attribute("lang") != "de":
        page.click("nav form button[name=language][value=de]")  # a German lead on an American browser
        page.wait_for_load_state()
    page.fill("#id_staff_hours_per_week", "12,5")
    page.fill("#id_paid_media_budget_eur", "1.200")
    page.fill("#id_tools_budget_eur", "1,200")  # 1,2 or 1.200? The planner asks instead of guessing.
    page.click("button[name=nav][value=stay]")
    page.wait_for_load_state()
    assert "„1,200“ lässt sich zweifach lesen" in page.inner_text("main")
    assert page.input_value("#id_tools_budget_eur") == "1,200"  # kept as typed, to correct
    page.fill("#id_tools_budget_eur", "1.200,50")
    page.click("button[name=nav][value=stay]")
    page.wait_for_load_state()
    assert page.input_value("#id_staff_hours_per_week") == "12,5"
    assert page.input_value("#id_paid_media_budget_eur") == "1.200"
    assert page.input_value("#id_tools_budget_eur") == "1.200,5"
    plan.refresh_from_db()
    assert (plan.staff_hours_per_week, plan.paid_media_budget_eur, plan.tools_budget_eur) == (
        Decimal("12.5"),
        Decimal("1200"),
        Decimal("1200.5"),
    )

    page.click("button[name=to][value=goals]")
    page.wait_for_load_state()
    page.click("#formset-goals > [data-formset-add]")
    page.fill("#id_goals-0-title", "Bekanntheit steigern")
    page.select_option("#id_goals-0-category", "awareness")
    page.click(".kpis [data-formset-add]")
    page.fill("#id_goals-0-kpis-0-name", "Erwähnungen")
    page.select_option("#id_goals-0-kpis-0-metric", "mentions")
    page.fill("#id_goals-0-kpis-0-baseline", "1.200")
    page.fill("#id_goals-0-kpis-0-target", "1.500,5")
    page.fill("#id_goals-0-kpis-0-due", "30.9.2027")
    page.click("button[name=nav][value=stay]")
    page.wait_for_load_state()
    assert page.input_value("#id_goals-0-kpis-0-baseline") == "1.200"
    assert page.input_value("#id_goals-0-kpis-0-target") == "1.500,5"
    assert page.input_value("#id_goals-0-kpis-0-due") == "30.09.2027"
    kpi = KPI.objects.get()
    assert (kpi.baseline, kpi.target, kpi.due) == (Decimal("1200"), Decimal("1500.5"), dt.date(2027, 9, 30))
    assert not page.js_errors


def test_a_whole_checklist_is_answered_at_once_and_its_count_follows(served_app, plan, lead, channels, signed_in):
    page = signed_in(lead)
    page.goto(served_app.url + reverse("planner:step", args=[plan.pk, "checklist"]))
    group = page.locator("[data-checklist-group]").first
    total = group.locator('select[name$="-status"]').count()
    assert group.locator("[data-checklist-count]").inner_text() == f"0 von {total} beantwortet"
    group.locator('select[name$="-status"]').first.select_option("done")
    group.locator("[data-checklist-bulk-status]").select_option("not_applicable")
    group.locator("[data-checklist-bulk-apply]").click()
    assert group.locator("[data-checklist-count]").inner_text() == f"{total} von {total} beantwortet"
    group.locator(".checklist-note summary").first.click()  # the note: one click away
    group.locator('textarea[name$="-note"]').first.fill("Chefin ist an Bord")
    page.click("button[name=nav][value=stay]")
    page.wait_for_load_state()
    answers = ChecklistAnswer.objects.filter(plan=plan)
    assert answers.filter(status="done").count() == 1
    assert answers.filter(status="not_applicable").count() == total - 1
    assert answers.get(status="done").note == "Chefin ist an Bord"
    first = page.locator("[data-checklist-group]").first.locator("details").first
    assert first.get_attribute("open") is None  # answered: folded
    assert ChecklistItem.objects.filter(active=True).count() > total
    assert not page.js_errors
