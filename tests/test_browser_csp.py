"""The Content-Security-Policy in a real browser (Playwright, Debian's Chromium): the login, the
dashboard, the plan, the wizard with its htmx rows, autosave and templates, the error pages with
their back link, and Django's admin work under the policy, and the browser reports no violation."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIOLATIONS_SCRIPT = Path(__file__).with_name("csp_listener.js").read_text()


class Watched:
    """A page whose console errors, script errors and CSP violations are collected."""

    def __init__(self, browser, base_url: str, session_key: str | None = None):
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        if session_key:
            self.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session_key, "url": base_url}])
        # Injected by the browser's debugging protocol, so the policy does not apply to the listener itself.
        self.context.add_init_script(VIOLATIONS_SCRIPT)
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.base_url = base_url
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))

    def open(self, path: str) -> None:
        self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("networkidle")
        self.collect()

    def collect(self) -> None:
        for violation in self.page.evaluate("window.__cspViolations || []"):
            self.problems.append(f"CSP violation on {self.page.url}: {violation}")
        self.page.evaluate("window.__cspViolations = []")


def session_for(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def test_the_app_works_under_its_policy_without_a_violation(served_app, world, browser):
    lead, plan = world.users["lead"], world.plan
    watched = Watched(browser, served_app.url)
    page = watched.page
    watched.open(reverse("login"))
    page.fill("input[name=username]", lead.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(reverse("planner:dashboard"))

    watched.open(reverse("planner:plan", args=[plan.pk]))
    assert plan.title in page.inner_text("h1")

    # The wizard: a row added by htmx (hx-get with JSON hx-vals), typed into, autosaved (hx-post).
    watched.open(reverse("planner:step", args=[plan.pk, "target-groups"]))
    rows = page.locator("#formset-groups [data-formset-row]").count()
    with page.expect_response(lambda r: "/row/" in r.url):
        page.click("#formset-groups > [data-formset-add]")
    page.wait_for_selector(f"#id_groups-{rows}-name")
    with page.expect_response(lambda r: "/draft/" in r.url) as autosave:
        page.fill(f"#id_groups-{rows}-name", "Neue Zielgruppe")
        page.locator(f"#id_groups-{rows}-name").blur()
    assert autosave.value.status == 204
    watched.collect()
    page.click("button[name=nav][value=stay]")
    page.wait_for_load_state("networkidle")
    assert page.input_value(f"#id_groups-{rows}-name") == "Neue Zielgruppe"
    watched.collect()

    watched.open(reverse("planner:step", args=[plan.pk, "guidelines"]))
    with page.expect_response(lambda r: "/row/" in r.url):
        page.click("button[hx-vals*='template']>> nth=0")
    watched.collect()

    # The 404 page and its back link (a static script: the policy allows no inline one).
    before = page.url
    watched.open("/plans/999999/")
    assert "404" in page.inner_text("main")
    page.click("main [data-history-back]")
    page.wait_for_url(before)
    watched.collect()

    # The 403 page, as an executive; Django's admin, as staff.
    executive = Watched(browser, served_app.url, session_for(world.users["executive"]))
    executive.open(reverse("planner:step", args=[plan.pk, "goals"]))
    assert "403" in executive.page.inner_text("main")
    staff = Watched(browser, served_app.url, session_for(world.users["staff"]))
    staff.open(reverse("admin:index"))
    staff.open(reverse("admin:checklists_channel_change", args=[world.plan.channels.first().channel_id]))

    problems = [
        problem
        for problem in watched.problems + executive.problems + staff.problems
        if "status of 404" not in problem and "status of 403" not in problem  # the error pages asked for
    ]
    assert problems == []


def test_the_listener_sees_a_violation(served_app, browser):
    """The test above would notice a violation: an inline script on a page of ours is refused and reported."""
    watched = Watched(browser, served_app.url)
    watched.open(reverse("login"))
    watched.page.evaluate("document.body.setAttribute('onclick', 'window.x = 1'); document.body.click()")
    watched.page.wait_for_timeout(200)
    watched.collect()
    assert any("script-src" in problem or "script-src-attr" in problem for problem in watched.problems)
