"""Fixtures of the planner's tests (the shared ones, the channel catalogue, the example plan, the live
server and the browser, are in the root conftest)."""

import pytest
from django.utils import translation


@pytest.fixture
def english():
    """Problems of a plan file are written in the reader's language; the tests of the format read
    them in English, the language of its documentation (the import page's German: test_plan_pages)."""
    with translation.override("en"):
        yield


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
