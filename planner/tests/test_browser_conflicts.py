"""Two tabs of one lead in a real browser: the second sees what the first saved, beside its own
input, takes the lines of both, and nothing is lost."""

import pytest
from django.conf import settings
from django.urls import reverse

from planner.models import Plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_second_tab_sees_the_first_ones_change_and_keeps_both(served_app, plan, lead, signed_in):
    Plan.objects.filter(pk=plan.pk).update(strengths=["Schneller Versand"])
    url = served_app.url + reverse("planner:step", args=[plan.pk, "situation"])
    first = signed_in(lead)
    second = first.context.new_page()
    second.js_errors = []
    second.on("pageerror", lambda error: second.js_errors.append(str(error)))
    first.goto(url)
    second.goto(url)
    first.fill("#id_strengths", "Schneller Versand\nOptiker im Team")
    first.click("button[name=nav][value=stay]")
    first.wait_for_load_state()
    second.fill("#id_strengths", "Schneller Versand\nGute Bewertungen")
    second.click("button[name=nav][value=stay]")
    second.wait_for_load_state()
    table = second.locator("#differences")
    assert "Optiker im Team" in table.inner_text() and "Gute Bewertungen" in table.inner_text()
    second.screenshot(path=settings.BASE_DIR / "test-artifacts" / "wizard" / "de-conflict.png", full_page=True)
    second.check("input[name='merge-strengths'][value=both]")
    second.click("button[name=nav][value=stay]")
    second.wait_for_load_state()
    plan.refresh_from_db()
    assert plan.strengths == ["Schneller Versand", "Gute Bewertungen", "Optiker im Team"]
    assert second.locator("#differences").count() == 0
    assert not first.js_errors and not second.js_errors
