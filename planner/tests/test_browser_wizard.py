"""A new marketing lead writes a whole plan in a real browser (Playwright, Debian's Chromium)."""

from pathlib import Path

import pytest
from django.urls import reverse

from planner.models import Membership, Plan
from tests.factories import PASSWORD, MembershipFactory

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_page(browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    return page


def test_a_new_lead_writes_a_whole_plan(served_app, channels, browser_page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {SCREENSHOTS}")
    page = browser_page
    user = MembershipFactory(role=Membership.Role.LEAD, user__username="neu").user
    shots = iter(range(1, 100))

    def shot(name: str) -> None:
        page.screenshot(path=SCREENSHOTS / f"{next(shots):02d}-{name}.png", full_page=True)

    def add_row(formset_id: str) -> None:
        page.click(f"#{formset_id} > [data-formset-add]")

    def next_step() -> None:
        page.click("button[name=nav][value=next]")
        page.wait_for_load_state()

    page.goto(served_app.url + reverse("login"))
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button, main form [type=submit] >> nth=0")
    page.wait_for_load_state()
    page.click(f"a[href='{reverse('planner:plan_create')}']")
    page.fill("#id_title", "Strategie Browser-Test")
    page.fill("#id_industry", "Optik")
    page.fill("#id_start_date", "01.01.2027")
    page.fill("#id_horizon_months", "12")
    page.fill("#id_summary", "Dialog statt Werbung.")
    shot("basics")
    page.click("form[novalidate] button.btn-primary")
    page.wait_for_load_state()
    plan = Plan.objects.get()

    page.fill("#id_strengths", "Schneller Versand\nOptiker im Service")
    page.fill("#id_weaknesses", "Kaum bekannt")
    add_row("formset-competitors")
    page.fill("#id_competitors-0-name", "Lensbest")
    shot("situation")
    next_step()

    page.click("[data-formset-add]:has-text('+')>> nth=-1")  # "Add goal" (the last add button)
    page.fill("#id_goals-0-title", "Kundenbindung stärken")
    page.select_option("#id_goals-0-category", "loyalty")
    page.click(".kpis [data-formset-add]")
    page.fill("#id_goals-0-kpis-0-name", "Wiederkaufrate")
    page.select_option("#id_goals-0-kpis-0-metric", "repurchase_rate")
    page.fill("#id_goals-0-kpis-0-target", "42")
    page.fill("#id_goals-0-kpis-0-due", "31.12.2027")
    shot("goals")
    next_step()

    add_row("formset-groups")
    page.fill("#id_groups-0-name", "Bestandskunden")
    page.fill("#id_groups-0-needs", "Pflegetipps")
    page.fill("#id_groups-0-spectators", "70")
    shot("target-groups")
    next_step()

    add_row("formset-channels")
    page.select_option("#id_channels-0-channel", label="Facebook")
    page.fill("#id_channels-0-purpose", "Service und Dialog")
    page.check("#id_channels-0-target_groups_0")
    page.check("#id_channels-0-goals_0")
    shot("channels")
    next_step()

    add_row("formset-themes")
    page.fill("#id_themes-0-title", "Pflege-ABC")
    page.select_option("#id_themes-0-kind", "educational")
    page.check("#id_themes-0-target_groups_0")
    page.fill("#id_off_limits", "Umsatzzahlen")
    next_step()
    page.goto(served_app.url + reverse("planner:step", args=[plan.pk, "content"]))
    shot("content")
    next_step()

    add_row("formset-roles")
    page.fill("#id_roles-0-person", "Marko")
    page.fill("#id_roles-0-title", "Social Media Manager")
    page.check("#id_roles-0-is_owner")
    shot("roles")
    next_step()

    add_row("formset-guidelines")
    page.fill("#id_guidelines-0-topic", "Tonalität")
    page.fill("#id_guidelines-0-text", "Wir begegnen allen auf Augenhöhe.")
    page.click("button[hx-vals*='mistakes']")  # start a second guideline from a curated template
    page.wait_for_selector("#id_guidelines-1-topic")
    assert page.input_value("#id_guidelines-1-topic") in ("Fehler", "Mistakes")
    assert page.evaluate("document.activeElement.id") == "id_guidelines-1-topic"  # focus moved into the new row
    shot("guidelines")
    next_step()

    add_row("formset-milestones")
    page.fill("#id_milestones-0-title", "Zuhören")
    page.select_option("#id_milestones-0-phase", "0")
    page.fill("#id_milestones-0-start", "01.01.2027")
    page.fill("#id_milestones-0-end", "31.03.2027")
    shot("roadmap")
    next_step()

    page.fill("#id_staff_hours_per_week", "20")
    page.fill("#id_review_cadence_months", "6")
    page.fill("#id_review_report_to", "Geschäftsführung")
    shot("resources")
    page.click("button[name=nav][value=back]")
    page.wait_for_load_state()
    assert page.input_value("#id_milestones-0-title") == "Zuhören"

    page.click("button[name=to][value=goals]")
    page.wait_for_load_state()
    assert page.input_value("#id_goals-0-title") == "Kundenbindung stärken"
    assert page.input_value("#id_goals-0-kpis-0-name") == "Wiederkaufrate"
    page.click("button[name=to][value=resources]")
    assert page.input_value("#id_review_report_to") == "Geschäftsführung"
    shot("back-to-resources")
    next_step()

    page.select_option("#id_answers-sf-customer-delight-status", "done")
    page.click("[data-item=sf-customer-delight] .checklist-note summary")  # the note opens with one click
    page.fill("#id_answers-sf-customer-delight-note", "Geschäftsführung hat zugestimmt")
    shot("checklist")
    page.click("button[name=nav][value=finish]")
    page.wait_for_load_state()
    shot("overview")
    assert not page.js_errors
    overview = page.inner_text("main")
    for text in ["Kundenbindung stärken", "Bestandskunden", "Service und Dialog", "Pflege-ABC", "Marko", "Zuhören"]:
        assert text in overview, text
    plan.refresh_from_db()
    assert plan.review_cadence_months == 6
    assert plan.roles.get().is_owner
    assert plan.checklist_answers.get().note == "Geschäftsführung hat zugestimmt"
