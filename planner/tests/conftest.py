"""Fixtures of the planner's tests: the channel catalogue and a complete plan."""

import pytest
from django.db import connection
from django.utils import translation

from checklists import content
from checklists.models import Channel
from checklists.services import content_load
from planner.plan_file import parse_document, plan_import
from planner.templates_catalog import TEMPLATE_DIR

CHANNEL_SLUGS = [seed.slug for seed in content.CHANNELS]
EXAMPLE = TEMPLATE_DIR / "kontaktlinsen-versand.json"


@pytest.fixture
def english():
    """Problems of a plan file are written in the reader's language; the tests of the format read
    them in English, the language of its documentation (the import page's German: test_plan_pages)."""
    with translation.override("en"):
        yield


@pytest.fixture
def channels(db):
    """The curated content as `load_content` seeds it: the channel catalogue, the checklists,
    guideline templates and KPI benchmarks."""
    content_load()
    assert set(Channel.objects.values_list("slug", flat=True)) == set(CHANNEL_SLUGS)
    return {c.slug: c for c in Channel.objects.all()}


@pytest.fixture
def example_plan(channels, organization, lead):
    """The example plan (a contact lens mail-order shop), imported into the lead's organization."""
    return plan_import(document=parse_document(EXAMPLE.read_bytes()), organization=organization, user=lead)


@pytest.fixture
def served_app(transactional_db):
    """Like pytest-django's live_server, but static files come through WhiteNoise from the collected
    manifest, as in production (live_server's static handler looks for unhashed files and 404s)."""
    from django.test.testcases import LiveServerThread

    thread = LiveServerThread("localhost", static_handler=lambda app: app)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    thread.url = f"http://localhost:{thread.port}"
    yield thread
    thread.terminate()
    thread.join()
    # A request thread may still hold a database session; end it so the test database can be dropped.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture
def browser(monkeypatch):
    """Debian's Chromium through Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop runs in this thread
    with sync_playwright() as p:
        connection.close()  # the live server's teardown ends other sessions; this thread's must not be one
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()
        connection.close()


@pytest.fixture
def signed_in(browser, served_app):
    """A page of a browser signed in as ``user``, with the browser's locale (de-DE by default)."""
    from django.conf import settings
    from django.test import Client

    def open_page(user, *, locale: str = "de-DE", width: int = 1280):
        client = Client()
        client.force_login(user)
        context = browser.new_context(viewport={"width": width, "height": 900}, locale=locale)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": served_app.url}])
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.js_errors = []
        page.on("pageerror", lambda error: page.js_errors.append(str(error)))
        return page

    return open_page
