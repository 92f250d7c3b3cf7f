"""In a real browser (Playwright, Debian's Chromium): a founder signs up, confirms her address, creates
the organization and invites a colleague; he signs up from the invitation and writes his first plan.
The screenshots (test-artifacts/screenshots/teams-*.png) show sign-up, the members page, the
organization switcher and a plan's history in German and English."""

import re
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from planner.models import Membership, Organization, Plan
from tests.factories import PASSWORD

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def new_page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(15_000)
    page.js_errors = []
    page.on("pageerror", lambda error: page.js_errors.append(str(error)))
    return page


def last_link(prefix: str) -> str:
    found = re.search(rf"https?://[^/\s]+({re.escape(prefix)}\S*)", mail.outbox[-1].body)
    assert found, mail.outbox[-1].body
    return found[1]


def language(page, code: str) -> None:
    page.click(f"nav button[name=language][value={code}]")
    page.wait_for_load_state()


def submit(page, selector: str = "main form button[type=submit], main form button.btn-primary") -> None:
    page.locator(selector).first.click()
    page.wait_for_load_state()


def test_sign_up_invite_and_the_invitees_first_plan(served_app, channels, browser):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    url = served_app.url

    def shot(page, name: str) -> None:
        page.screenshot(path=SCREENSHOTS / f"teams-{name}.png", full_page=True)

    anna = new_page(browser)
    anna.goto(url + reverse("account_signup"))
    language(anna, "de")  # the browser asks for English; the team writes German
    shot(anna, "signup-de")
    language(anna, "en")
    shot(anna, "signup-en")
    language(anna, "de")
    anna.fill("input[name=email]", "anna@oelmuehle.example")
    anna.fill("input[name=password1]", PASSWORD)
    anna.fill("input[name=password2]", PASSWORD)
    submit(anna)
    assert anna.url.endswith(reverse("account_email_verification_sent"))

    anna.goto(url + last_link("/accounts/confirm-email/"))
    submit(anna)
    assert anna.url.endswith(reverse("teams:organization_create"))
    anna.fill("input[name=name]", "Ölmühle Müller GmbH")
    submit(anna)
    firma = Organization.objects.get(name="Ölmühle Müller GmbH")
    assert anna.url.endswith(reverse("teams:members", args=[firma.pk]))

    anna.fill("input[name=email]", "ben@oelmuehle.example")
    anna.select_option("#id_role", "lead")
    anna.click("text=Einladung senden")
    anna.wait_for_load_state()
    assert "ben@oelmuehle.example" in anna.inner_text("main")
    invitation = last_link("/invitations/")
    shot(anna, "members-de")
    language(anna, "en")
    shot(anna, "members-en")
    language(anna, "de")

    # Ben opens the invitation, signs up with the invited address and accepts.
    ben = new_page(browser)
    ben.goto(url + invitation)
    language(ben, "de")
    assert "Ölmühle Müller GmbH" in ben.inner_text("main")
    ben.click("main form button.btn-primary")  # "Create an account"
    ben.wait_for_load_state()
    ben.fill("input[name=email]", "ben@oelmuehle.example")
    ben.fill("input[name=password1]", PASSWORD)
    ben.fill("input[name=password2]", PASSWORD)
    submit(ben)
    assert ben.url.endswith(invitation), ben.url
    submit(ben)
    assert ben.url.endswith(reverse("planner:dashboard"))
    assert Membership.objects.get(organization=firma, user__email="ben@oelmuehle.example").role == "lead"
    assert "Ölmühle Müller GmbH" in ben.inner_text("#organization-switcher")

    # His first plan goes to the organization.
    ben.click(f"a[href='{reverse('planner:plan_create')}']")
    ben.wait_for_load_state()
    ben.fill("#id_title", "Ölmühle 2027")
    ben.fill("#id_start_date", "2027-01-01")
    ben.fill("#id_horizon_months", "12")
    ben.click("form[novalidate] button.btn-primary")
    ben.wait_for_load_state()
    plan = Plan.objects.get(title="Ölmühle 2027")
    assert plan.organization == firma
    ben.goto(url + reverse("planner:step", args=[plan.pk, "basics"]))
    ben.fill("#id_title", "Ölmühle Strategie 2027")
    ben.fill("#id_industry", "Lebensmittel")
    ben.click("button[name=nav][value=stay]")
    ben.wait_for_load_state()
    ben.goto(url + reverse("planner:plan", args=[plan.pk]))
    ben.click(f"a[href='{reverse('planner:plan_history', args=[plan.pk])}']")
    ben.wait_for_load_state()
    history = ben.inner_text("main")
    assert "Ölmühle Strategie 2027" in history and "Lebensmittel" in history
    shot(ben, "history-de")
    language(ben, "en")
    shot(ben, "history-en")

    # Anna founds a second organization: the switcher lists both and says which one is current.
    anna.goto(url + reverse("teams:organization_create"))
    anna.fill("input[name=name]", "Müller Immobilien")
    submit(anna)
    anna.goto(url + reverse("planner:dashboard"))
    anna.click("#organization-switcher > button")
    anna.wait_for_selector("#organization-switcher .dropdown-menu.show")
    shot(anna, "switcher-de")
    anna.click("#organization-switcher .dropdown-menu button:has-text('Ölmühle Müller GmbH')")
    anna.wait_for_load_state()
    assert "Ölmühle Müller GmbH" in anna.inner_text("#organization-switcher > button")
    assert "Ölmühle Strategie 2027" in anna.inner_text("main")
    language(anna, "en")
    anna.click("#organization-switcher > button")
    anna.wait_for_selector("#organization-switcher .dropdown-menu.show")
    shot(anna, "switcher-en")
    assert anna.js_errors == [] and ben.js_errors == []
